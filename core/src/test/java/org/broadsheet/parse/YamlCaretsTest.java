package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.broadsheet.config.SiteConfigLoader;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A YAML error's caret points at what the writer must fix: for an unclosed {@code [}, {@code {} or
 * quote, the bracket or quote itself, not the line where SnakeYAML gave up.
 */
class YamlCaretsTest {
  @TempDir Path site;

  /** The one diagnostic of parsing {@code text} as {@code content/<file>}. */
  private Diagnostic onlyDiagnostic(String file, String text) throws Exception {
    Diagnostics d = new Diagnostics();
    ParseFixtures.parse(site, file, text, d);
    return onlyDiagnostic(d);
  }

  private static Diagnostic onlyDiagnostic(Diagnostics d) {
    assertEquals(1, d.snapshot().size(), d.snapshot().toString());
    return d.snapshot().get(0);
  }

  private static void assertAt(int line, int column, Diagnostic d) {
    assertEquals(line + ":" + column, d.line() + ":" + d.column(), d.format());
  }

  @Test
  void anUnclosedBracketInFrontMatterIsMarkedAtTheBracket() throws Exception {
    Diagnostic e =
        onlyDiagnostic("a.md", "---\ntitle: Hello\ntags: [a, b\ndate: 2024-01-01\n---\nBody.\n");
    assertAt(3, 7, e);
    assertTrue(e.message().contains("'[' is never closed"), e.message());
    assertTrue(e.format().endsWith("    tags: [a, b\n          ^"), e.format());
  }

  @Test
  void anUnclosedQuoteInFrontMatterIsMarkedAtTheQuote() throws Exception {
    Diagnostic e = onlyDiagnostic("b.md", "---\ntitle: \"Hello\ndate: 2024-01-01\n---\nBody.\n");
    assertAt(2, 8, e);
    assertTrue(e.message().contains("the quote is never closed"), e.message());

    Diagnostic single =
        onlyDiagnostic("c.md", "---\ndate: 2024-01-01\ntitle: 'It is\nsummary: x\n---\nBody.\n");
    assertAt(3, 8, single);
  }

  @Test
  void anUnclosedBraceIsMarkedAtTheBrace() throws Exception {
    Diagnostic e = onlyDiagnostic("d.md", "---\ntitle: Hi\nextra: {a: 1\nsummary: x\n---\nBody.\n");
    assertAt(3, 8, e);
    assertTrue(e.message().contains("'{' is never closed"), e.message());
  }

  @Test
  void otherErrorsKeepSnakeYamlsPosition() throws Exception {
    Diagnostic e = onlyDiagnostic("e.md", "---\ntitle: Hi\n  bad: indent\n---\nBody.\n");
    assertEquals(3, e.line(), e.format());
  }

  @Test
  void siteYamlCaretsPointAtTheOpenedQuoteAndBracket() {
    Diagnostics quote = new Diagnostics();
    SiteConfigLoader.parse("title: \"My site\nbaseUrl: https://x.org/\nlanguage: en\n", quote);
    Diagnostic q = onlyDiagnostic(quote);
    assertEquals("site.yaml:1:8", q.path() + ":" + q.line() + ":" + q.column(), q.format());
    assertTrue(q.format().endsWith("    title: \"My site\n           ^"), q.format());

    Diagnostics bracket = new Diagnostics();
    SiteConfigLoader.parse("title: X\ndescription: [one, two\npageSize: 3\n", bracket);
    Diagnostic b = onlyDiagnostic(bracket);
    assertAt(2, 14, b);
    assertTrue(b.message().contains("before line 3"), b.message());
  }

  @Test
  void aSidecarsUnclosedBracketIsMarkedInTheSidecar() throws Exception {
    Path dir = Files.createDirectories(site.resolve("content/wire"));
    Files.writeString(dir.resolve("000_abc.yaml"), "title: Talks\ntags: [a\ndate: 2022-08-08\n");
    Diagnostics d = new Diagnostics();
    ParseFixtures.parse(site, "wire/000_abc.txt", "VIENNA - Talks resumed today.\n", d);
    Diagnostic e =
        d.snapshot().stream()
            .filter(x -> x.path().endsWith("000_abc.yaml"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(d.snapshot()));
    assertAt(2, 7, e);
    assertTrue(e.message().contains("'[' is never closed"), e.message());
  }
}
