package org.broadsheet.config;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.broadsheet.content.ArticleImage;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.LineMap;
import org.broadsheet.parse.ImageRefs;
import org.broadsheet.source.TextDecoder;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code site.yaml}: raw YAML in, a validated {@link SiteConfig} out, problems as diagnostics
 * with their line and column. The YAML is composed into nodes, not constructed into Java objects,
 * so every value keeps its position and its written form ({@code title: yes} is the text "yes"). A
 * setting with a wrong type or value is an error and falls back to its default.
 */
public final class SiteConfigLoader {
  public static final String FILE_NAME = "site.yaml";
  private static final Set<String> KEYS =
      Set.of(
          "title", "description", "baseUrl", "language", "timeZone", "pageSize", "author", "logo");

  /** ISO 639 code with optional subtags: {@code en}, {@code fa}, {@code pt-BR}, {@code zh_Hant}. */
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");

  private SiteConfigLoader() {}

  /** Loads {@code site.yaml} from {@code siteDir}; a missing file gives the defaults. */
  public static SiteConfig load(Path siteDir, Diagnostics diagnostics) throws IOException {
    return load(siteDir, diagnostics, true);
  }

  /**
   * Loads {@code site.yaml} for a site to be published: as {@link #load(Path, Diagnostics)}, and a
   * warning when it sets no {@code baseUrl} (and {@code baseUrlGiven} says the command line gives
   * none either), since canonical URLs, feeds and sitemaps would then point at {@code
   * http://localhost:8080/}.
   */
  public static SiteConfig loadForPublishing(
      Path siteDir, Diagnostics diagnostics, boolean baseUrlGiven) throws IOException {
    return load(siteDir, diagnostics, baseUrlGiven);
  }

  private static SiteConfig load(Path siteDir, Diagnostics diagnostics, boolean baseUrlGiven)
      throws IOException {
    Path file = siteDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      if (!baseUrlGiven) {
        diagnostics.add(Diagnostic.warning(FILE_NAME, noBaseUrl("there is no site.yaml")));
      }
      return SiteConfig.defaults();
    }
    long size = Files.size(file);
    if (size > YamlLimits.MAX_CHARS) {
      diagnostics.add(
          Diagnostic.error(
              FILE_NAME,
              1,
              1,
              YamlLimits.tooLarge(FILE_NAME, size, "bytes") + "; the default settings are used",
              ""));
      return SiteConfig.defaults();
    }
    // decoded as content files are (a byte that is not UTF-8 threw MalformedInputException past the
    // diagnostics)
    Optional<String> text = TextDecoder.decode(Files.readAllBytes(file), FILE_NAME, diagnostics);
    if (text.isEmpty()) {
      return SiteConfig.defaults();
    }
    SiteConfig config = parse(text.get(), diagnostics);
    if (!baseUrlGiven && !setsBaseUrl(text.get())) {
      diagnostics.add(Diagnostic.warning(FILE_NAME, 1, 0, noBaseUrl("it sets none"), ""));
    }
    return config;
  }

  private static String noBaseUrl(String why) {
    return "no baseUrl ("
        + why
        + "): canonical URLs, feeds and sitemaps point at "
        + SiteConfig.defaults().baseUrl()
        + "; add 'baseUrl: https://your.site/' to site.yaml or build with --base-url";
  }

  /**
   * Whether the text gives {@code baseUrl} a value (a wrong one is an error of its own). Text that
   * is no YAML mapping counts as setting it, so that its error is the only one reported.
   */
  private static boolean setsBaseUrl(String text) {
    try {
      Node root =
          new Yaml(new SafeConstructor(YamlLimits.options())).compose(new StringReader(text));
      if (!(root instanceof MappingNode map)) {
        return root != null;
      }
      return map.getValue().stream()
          .anyMatch(
              t ->
                  t.getKeyNode() instanceof ScalarNode key
                      && key.getValue().equals("baseUrl")
                      && !t.getValueNode().getTag().equals(Tag.NULL));
    } catch (RuntimeException e) {
      return true;
    }
  }

  /** Reads the text of a {@code site.yaml}. */
  public static SiteConfig parse(String text, Diagnostics diagnostics) {
    LineMap lines = new LineMap(text);
    Node root;
    try {
      root = new Yaml(new SafeConstructor(YamlLimits.options())).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      YamlProblem problem = YamlProblem.of(e);
      int line = problem.line() + 1;
      diagnostics.add(
          Diagnostic.error(
              FILE_NAME, line, problem.column() + 1, problem.message(), lines.lineText(line)));
      return SiteConfig.defaults();
    } catch (YAMLException e) {
      diagnostics.add(Diagnostic.error(FILE_NAME, 1, 1, e.getMessage(), lines.lineText(1)));
      return SiteConfig.defaults();
    } catch (
        RuntimeException
            e) { // SnakeYAML lets a few bad inputs escape, e.g. the tag !+%0A (found by fuzzing)
      diagnostics.add(Diagnostic.error(FILE_NAME, "unreadable YAML: " + e.getMessage()));
      return SiteConfig.defaults();
    }
    if (root == null) {
      return SiteConfig.defaults();
    }
    Settings settings = new Settings(lines, diagnostics);
    if (!(root instanceof MappingNode map)) {
      settings.error(
          root,
          "site.yaml must be a mapping of settings ('title: My Site' lines), not "
              + kind(root)
              + "; the default settings are used");
      return SiteConfig.defaults();
    }
    return settings.read(map);
  }

  private static String kind(Node node) {
    return node instanceof SequenceNode
        ? "a list"
        : node instanceof MappingNode ? "a mapping" : "a single value";
  }

  /** The settings of one file, each read with its position. */
  private static final class Settings {
    private final LineMap lines;
    private final Diagnostics diagnostics;
    private final Map<String, Node> values = new LinkedHashMap<>();

    Settings(LineMap lines, Diagnostics diagnostics) {
      this.lines = lines;
      this.diagnostics = diagnostics;
    }

    SiteConfig read(MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        Node keyNode = tuple.getKeyNode();
        String key = keyNode instanceof ScalarNode s ? s.getValue() : null;
        if (key == null) {
          error(keyNode, "a setting's name must be a single word, not " + kind(keyNode));
        } else if (values.containsKey(key)) {
          error(keyNode, "'" + key + "' is set twice; the first value is used");
        } else if (!KEYS.contains(key)) {
          warning(
              keyNode,
              "unknown setting '"
                  + key
                  + "' (known: "
                  + String.join(", ", KEYS.stream().sorted().toList())
                  + "); ignored");
        } else {
          values.put(key, tuple.getValueNode());
        }
      }
      SiteConfig defaults = SiteConfig.defaults();
      return new SiteConfig(
          text("title", defaults.title()),
          text("description", ""),
          baseUrl(defaults.baseUrl()),
          language(defaults.language()),
          timeZone(defaults.timeZone()),
          pageSize(defaults.pageSize()),
          text("author", ""),
          logo());
    }

    /**
     * The logo: a path from the site folder ({@code static/logo.png}), a shared image ({@code
     * /images/logo.png}, the file {@code static/images/logo.png}) or an http(s) URL, checked as an
     * article's image is.
     */
    private String logo() {
      String logo = text("logo", "");
      if (logo.isEmpty()) {
        return "";
      }
      Optional<String> problem = ImageRefs.problem(logo);
      if (problem.isPresent()) {
        error(values.get("logo"), "logo " + problem.get() + "; no logo is used");
        return "";
      }
      return ImageRefs.resolve(new ArticleImage(logo, "", "", ""), FILE_NAME).src();
    }

    /** A setting written as a single value; null values count as absent. */
    private String text(String key, String fallback) {
      Node node = values.get(key);
      if (node == null || node.getTag().equals(Tag.NULL)) {
        return fallback;
      }
      if (!(node instanceof ScalarNode scalar)) {
        error(node, "'" + key + "' must be a single value, not " + kind(node));
        return fallback;
      }
      return scalar.getValue().strip();
    }

    private String baseUrl(String fallback) {
      String url = text("baseUrl", fallback);
      if (url.equals(fallback)) {
        return fallback;
      }
      try {
        URI uri = new URI(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
          return url;
        }
      } catch (URISyntaxException e) {
        // reported below
      }
      error(
          values.get("baseUrl"),
          "baseUrl must be an absolute http:// or https:// URL (e.g. https://news.example/),"
              + " was '"
              + url
              + "'");
      return fallback;
    }

    private String language(String fallback) {
      String language = text("language", fallback);
      if (!language.equals(fallback) && !LANGUAGE.matcher(language).matches()) {
        error(
            values.get("language"),
            "language must be an ISO 639 code such as 'en' or 'fa', was '" + language + "'");
        return fallback;
      }
      return language;
    }

    private ZoneId timeZone(ZoneId fallback) {
      String zone = text("timeZone", fallback.getId());
      try {
        return ZoneId.of(zone);
      } catch (DateTimeException e) {
        error(
            values.get("timeZone"),
            "timeZone: " + e.getMessage() + " (expected e.g. UTC or Asia/Tehran)");
        return fallback;
      }
    }

    private int pageSize(int fallback) {
      Node node = values.get("pageSize");
      if (node == null || node.getTag().equals(Tag.NULL)) {
        return fallback;
      }
      if (node instanceof ScalarNode s && node.getTag().equals(Tag.INT)) {
        try {
          int n = Integer.parseInt(s.getValue().replace("_", ""));
          if (n > 0) {
            return n;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
      }
      String was = node instanceof ScalarNode s ? "'" + s.getValue() + "'" : kind(node);
      error(node, "pageSize must be a positive whole number, was " + was);
      return fallback;
    }

    void error(Node node, String message) {
      add(node, message, true);
    }

    private void warning(Node node, String message) {
      add(node, message, false);
    }

    private void add(Node node, String message, boolean error) {
      int line = node.getStartMark().getLine() + 1;
      int column = node.getStartMark().getColumn() + 1;
      diagnostics.add(
          error
              ? Diagnostic.error(FILE_NAME, line, column, message, lines.lineText(line))
              : Diagnostic.warning(FILE_NAME, line, column, message, lines.lineText(line)));
    }
  }
}
