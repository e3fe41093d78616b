package org.broadsheet.parse.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.parse.ParseContext;
import org.broadsheet.parse.Parsers;
import org.broadsheet.source.SourceFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Golden wire texts: each {@code golden/wire/<case>/} holds {@code input.txt} (any encoding),
 * optional {@code input.yaml}/{@code input.json} (the sidecar) and {@code _metadata.csv}, and
 * {@code expected.yaml}. The case is laid out under a site folder at {@code path} (default {@code
 * content/wire/<case>.txt}), parsed through {@link Parsers#standard}, checked field by field and
 * block by block, then parsed again to check that parsing is deterministic.
 *
 * <p>{@code blocks} entries are {@code "p <start of paragraph>"}, {@code "h2 <whole heading>"} and
 * {@code "pre <start of first line>"}; {@code diagnostics} entries are {@code "<severity>: <part of
 * message>"}.
 */
class WireGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/wire");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void wireTextParsesAsExpected(String name, @TempDir Path site) throws IOException {
    Path dir = GOLDEN.resolve(name);
    Map<String, Object> expected =
        new Yaml().load(Files.readString(dir.resolve("expected.yaml"), StandardCharsets.UTF_8));
    String rel = (String) expected.getOrDefault("path", "content/wire/" + name + ".txt");
    SourceFile file = layOut(dir, site, rel);
    Diagnostics diagnostics = new Diagnostics();
    Optional<Article> article = parsers().parse(file, diagnostics);
    checkDiagnostics(expected, diagnostics.snapshot());
    if (Boolean.FALSE.equals(expected.get("article"))) {
      assertTrue(article.isEmpty(), "expected no article");
      assertTrue(diagnostics.hasErrors(), "a left-out article needs an error");
      return;
    }
    assertTrue(article.isPresent(), () -> "no article: " + diagnostics.snapshot());
    Article a = article.get();
    checkFields(expected, a);
    checkBlocks(expected, a);
    assertEquals(
        a,
        parsers().parse(file, new Diagnostics()).orElseThrow(),
        "parsing twice gives the same article");
  }

  private static Parsers parsers() {
    return Parsers.standard(new ParseContext(ZoneId.of("UTC"), "en"));
  }

  private static SourceFile layOut(Path dir, Path site, String rel) throws IOException {
    Path target = site.resolve(rel);
    Files.createDirectories(target.getParent());
    String base = target.getFileName().toString().replaceFirst("\\.txt$", "");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String n = f.getFileName().toString();
        if (n.equals("input.txt")) {
          Files.copy(f, target);
        } else if (n.startsWith("input.")) {
          Files.copy(f, target.resolveSibling(base + n.substring(5)));
        } else if (n.equals("_metadata.csv")) {
          Files.copy(f, target.resolveSibling(n));
        }
      }
    }
    return new SourceFile(rel, target);
  }

  private static void checkFields(Map<String, Object> e, Article a) {
    expect(e, "title", a.title());
    expect(e, "dateline", a.dateline());
    expect(e, "source", a.source());
    expect(e, "license", a.license());
    expect(e, "section", a.section());
    expect(e, "id", a.id());
    if (e.containsKey("date")) {
      Object raw = e.get("date");
      String want =
          raw instanceof java.util.Date date
              ? date.toInstant().atZone(ZoneId.of("UTC")).toLocalDate().toString()
              : raw.toString();
      assertEquals(want, a.date().map(d -> d.toLocalDate().toString()).orElse("undated"), "date");
    }
    if (e.containsKey("authors")) {
      assertEquals(e.get("authors"), a.authors(), "authors");
    }
    if (e.containsKey("tags")) {
      assertEquals(e.get("tags"), a.tags(), "tags");
    }
    if (e.containsKey("title_max")) {
      int max = (Integer) e.get("title_max");
      assertTrue(a.title().length() <= max, "title longer than " + max + ": " + a.title());
    }
    if (e.containsKey("title_starts")) {
      assertTrue(a.title().startsWith((String) e.get("title_starts")), "title: " + a.title());
    }
    for (Object s : list(e, "body_contains")) {
      assertTrue(
          a.body().text().contains((String) s), "body lacks '" + s + "':\n" + a.body().text());
    }
    for (Object s : list(e, "body_excludes")) {
      assertFalse(
          a.body().text().contains((String) s), "body holds '" + s + "':\n" + a.body().text());
    }
    for (Object s : list(e, "html_contains")) {
      assertTrue(
          a.body().html().contains((String) s), "html lacks '" + s + "':\n" + a.body().html());
    }
  }

  private static void checkBlocks(Map<String, Object> e, Article a) {
    if (!e.containsKey("blocks")) {
      return;
    }
    List<String> actual = new ArrayList<>();
    for (String line : a.body().html().split("\n(?=<(?:p|h2|pre)[ >])")) {
      actual.add(line.strip());
    }
    List<?> want = list(e, "blocks");
    String shown = String.join("\n", actual);
    assertEquals(want.size(), actual.size(), "number of blocks in\n" + shown);
    for (int i = 0; i < want.size(); i++) {
      String w = (String) want.get(i);
      String kind = w.substring(0, w.indexOf(' '));
      String text = org.broadsheet.parse.Html.escape(w.substring(w.indexOf(' ') + 1));
      String got = actual.get(i);
      boolean ok =
          switch (kind) {
            case "p" -> got.startsWith("<p>" + text);
            case "h2" -> got.startsWith("<h2 ") && got.endsWith(">" + text + "</h2>");
            case "pre" -> got.startsWith("<pre>" + text);
            default -> throw new AssertionError("bad block kind in expected.yaml: " + w);
          };
      assertTrue(
          ok, "block " + (i + 1) + " should be '" + w + "' but is '" + got + "' in\n" + shown);
    }
  }

  private static void checkDiagnostics(Map<String, Object> e, List<Diagnostic> got) {
    for (Object o : list(e, "diagnostics")) {
      String want = (String) o;
      String severity = want.substring(0, want.indexOf(':'));
      String part = want.substring(want.indexOf(':') + 1).strip();
      if (got.stream()
          .noneMatch(d -> d.severity().label().equals(severity) && d.message().contains(part))) {
        fail(
            "no "
                + severity
                + " containing '"
                + part
                + "' in "
                + got.stream().map(Diagnostic::format).toList());
      }
    }
  }

  private static void expect(Map<String, Object> e, String key, String actual) {
    if (e.containsKey(key)) {
      assertEquals(String.valueOf(e.get(key)), actual, key);
    }
  }

  private static List<?> list(Map<String, Object> e, String key) {
    Object v = e.get(key);
    return v == null ? List.of() : (List<?>) v;
  }
}
