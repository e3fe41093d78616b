package org.broadsheet.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.source.TextDecoder;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads {@code site.yaml}: raw YAML in, a validated {@link SiteConfig} out, problems as diagnostics. */
public final class SiteConfigLoader {
  public static final String FILE_NAME = "site.yaml";
  private static final Set<String> KEYS =
      Set.of("title", "description", "baseUrl", "language", "timeZone", "pageSize", "author");

  private SiteConfigLoader() {}

  /** Loads {@code site.yaml} from {@code siteDir}; a missing file gives the defaults. */
  public static SiteConfig load(Path siteDir, Diagnostics diagnostics) throws IOException {
    Path file = siteDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return SiteConfig.defaults();
    }
    // decoded as content files are (a byte that is not UTF-8 threw MalformedInputException past the diagnostics)
    Optional<String> decoded = TextDecoder.decode(Files.readAllBytes(file), FILE_NAME, diagnostics);
    if (decoded.isEmpty()) {
      return SiteConfig.defaults();
    }
    String text = decoded.get();
    Map<?, ?> raw;
    try {
      Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
      raw = parsed instanceof Map<?, ?> map ? map : Map.of();
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      diagnostics.add(
          Diagnostic.error(
              FILE_NAME, mark.getLine() + 1, mark.getColumn() + 1, e.getProblem(), lineOf(text, mark.getLine())));
      return SiteConfig.defaults();
    } catch (YAMLException e) {
      diagnostics.add(Diagnostic.error(FILE_NAME, e.getMessage()));
      return SiteConfig.defaults();
    } catch (RuntimeException e) { // SnakeYAML lets a few bad inputs escape, e.g. the tag !+%0A (found by fuzzing)
      diagnostics.add(Diagnostic.error(FILE_NAME, "unreadable YAML: " + e.getMessage()));
      return SiteConfig.defaults();
    }
    for (Object key : raw.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        diagnostics.add(Diagnostic.warning(FILE_NAME, "unknown setting '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")"));
      }
    }
    SiteConfig defaults = SiteConfig.defaults();
    ZoneId zone = defaults.timeZone();
    if (raw.get("timeZone") != null) {
      try {
        zone = ZoneId.of(String.valueOf(raw.get("timeZone")));
      } catch (DateTimeException e) {
        diagnostics.add(Diagnostic.error(FILE_NAME, "timeZone: " + e.getMessage()));
      }
    }
    int pageSize = defaults.pageSize();
    Object ps = raw.get("pageSize");
    if (ps instanceof Number n && n.intValue() > 0) {
      pageSize = n.intValue();
    } else if (ps != null) {
      diagnostics.add(Diagnostic.error(FILE_NAME, "pageSize must be a positive whole number, was '" + ps + "'"));
    }
    return new SiteConfig(
        string(raw, "title", defaults.title()),
        string(raw, "description", ""),
        string(raw, "baseUrl", defaults.baseUrl()),
        string(raw, "language", "en"),
        zone,
        pageSize,
        string(raw, "author", ""));
  }

  private static String string(Map<?, ?> raw, String key, String fallback) {
    Object value = raw.get(key);
    return value == null ? fallback : String.valueOf(value);
  }

  private static String lineOf(String text, int zeroBasedLine) {
    String[] lines = text.split("\n", -1);
    return zeroBasedLine < lines.length ? lines[zeroBasedLine] : "";
  }
}
