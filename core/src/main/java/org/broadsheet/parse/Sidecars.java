package org.broadsheet.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.broadsheet.config.YamlLimits;
import org.broadsheet.config.YamlProblem;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.LineMap;
import org.broadsheet.source.SourceFile;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The sidecar of a file: {@code <name>.yaml}, {@code .yml} or {@code .json} beside it. A {@code
 * date} that is a bare year ({@code date: 1987}) is not a date but the year for a dateline's month
 * and day.
 */
public final class Sidecars {
  private Sidecars() {}

  /** A sidecar's fields, and the year it gives when its {@code date} is only a year. */
  public record Sidecar(Metadata metadata, OptionalInt year) {
    public static final Sidecar NONE = new Sidecar(Metadata.EMPTY, OptionalInt.empty());
  }

  /** The sidecar; {@link Sidecar#NONE} when there is none; empty (with an error) when it is bad. */
  public static Optional<Sidecar> read(
      SourceFile file, ParseContext context, Diagnostics diagnostics) {
    for (String ext : List.of("yaml", "yml", "json")) {
      Path sidecar = file.file().resolveSibling(file.baseName() + "." + ext);
      if (!Files.isRegularFile(sidecar)) {
        continue;
      }
      String sidePath =
          file.relativePath().substring(0, file.relativePath().length() - file.fileName().length())
              + sidecar.getFileName();
      try {
        long size = Files.size(sidecar);
        if (size > YamlLimits.MAX_CHARS) {
          diagnostics.add(
              Diagnostic.error(
                  sidePath,
                  1,
                  1,
                  YamlLimits.tooLarge("sidecar", size, "bytes")
                      + "; "
                      + file.fileName()
                      + " left out",
                  ""));
          return Optional.empty();
        }
        String yaml = Files.readString(sidecar, StandardCharsets.UTF_8);
        LineMap lines = new LineMap(yaml);
        Object loaded;
        try {
          loaded = Yamls.load(yaml);
        } catch (MarkedYAMLException e) {
          YamlProblem problem = YamlProblem.of(e);
          int line = problem.line() + 1;
          diagnostics.add(
              Diagnostic.error(
                  sidePath,
                  line,
                  problem.column() + 1,
                  "broken YAML in sidecar: "
                      + problem.message()
                      + "; "
                      + file.fileName()
                      + " left out",
                  lines.lineText(line)));
          return Optional.empty();
        }
        if (loaded == null) {
          return Optional.of(Sidecar.NONE);
        }
        if (!(loaded instanceof Map<?, ?> map)) {
          diagnostics.add(
              Diagnostic.error(
                  sidePath,
                  1,
                  1,
                  "sidecar must be a mapping of keys to values",
                  lines.lineText(1)));
          return Optional.empty();
        }
        OptionalInt year = OptionalInt.empty();
        Object date = map.get("date");
        if (date != null && String.valueOf(date).strip().matches("\\d{4}")) {
          year = OptionalInt.of(Integer.parseInt(String.valueOf(date).strip()));
          Map<Object, Object> rest = new java.util.LinkedHashMap<>(map);
          rest.remove("date");
          map = rest;
        }
        OptionalInt y = year;
        return Metadata.read(
                map, sidePath, context, key -> lineOfKey(lines, key), lines::lineText, diagnostics)
            .map(m -> new Sidecar(m, y));
      } catch (IOException | YAMLException e) {
        diagnostics.add(Diagnostic.error(sidePath, "cannot read sidecar: " + e.getMessage()));
        return Optional.empty();
      }
    }
    return Optional.of(Sidecar.NONE);
  }

  static int lineOfKey(LineMap lines, String key) {
    for (int line = 1; line <= lines.lineCount(); line++) {
      String l = lines.lineText(line).stripLeading().replace("\"", "");
      if (l.startsWith(key) && l.substring(key.length()).stripLeading().startsWith(":")) {
        return line;
      }
    }
    return 0;
  }
}
