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

  private Diagnostic onlyError(Diagnostics d) {
    assertEquals(1, d.snapshot().size(), d.snapshot().toString());
    return d.snapshot().get(0);
  }

  @Test
  void anUnclosedBracketInFrontMatterIsMarkedAtTheBracket() throws Exception {
    Diagnostics d = new Diagnostics();
    ParseFixtures.parse(
        site, "a.md", "---\ntitle: Hello\ntags: [a, b\ndate: 2024-01-01\n---\nBody.\n", d);
    Diagnostic e = onlyError(d);
    assertEquals(3, e.line(), e.format());
    assertEquals(7, e.column(), e.format());
    assertTrue(e.message().contains("'[' is never closed"), e.message());
    assertTrue(e.format().endsWith("    tags: [a, b\n          ^"), e.format());
  }

  @Test
  void anUnclosedQuoteInFrontMatterIsMarkedAtTheQuote() throws Exception {
    Diagnostics d = new Diagnostics();
    ParseFixtures.parse(site, "b.md", "---\ntitle: \"Hello\ndate: 2024-01-01\n---\nBody.\n", d);
    Diagnostic e = onlyError(d);
    assertEquals(2, e.line(), e.format());
    assertEquals(8, e.column(), e.format());
    assertTrue(e.message().contains("the quote is never closed"), e.message());

    Diagnostics single = new Diagnostics();
    ParseFixtures.parse(
        site, "c.md", "---\ndate: 2024-01-01\ntitle: 'It is\nsummary: x\n---\nBody.\n", single);
    Diagnostic s = onlyError(single);
    assertEquals(3, s.line(), s.format());
    assertEquals(8, s.column(), s.format());
  }

  @Test
  void anUnclosedBraceIsMarkedAtTheBrace() throws Exception {
    Diagnostics d = new Diagnostics();
    ParseFixtures.parse(site, "d.md", "---\ntitle: Hi\nextra: {a: 1\nsummary: x\n---\nBody.\n", d);
    Diagnostic e = onlyError(d);
    assertEquals(3, e.line(), e.format());
    assertEquals(8, e.column(), e.format());
    assertTrue(e.message().contains("'{' is never closed"), e.message());
  }

  @Test
  void otherErrorsKeepSnakeYamlsPosition() throws Exception {
    Diagnostics d = new Diagnostics();
    ParseFixtures.parse(site, "e.md", "---\ntitle: Hi\n  bad: indent\n---\nBody.\n", d);
    Diagnostic e = onlyError(d);
    assertEquals(3, e.line(), e.format());
  }

  @Test
  void siteYamlCaretsPointAtTheOpenedQuoteAndBracket() {
    Diagnostics quote = new Diagnostics();
    SiteConfigLoader.parse("title: \"My site\nbaseUrl: https://x.org/\nlanguage: en\n", quote);
    Diagnostic q = onlyError(quote);
    assertEquals("site.yaml:1:8", q.path() + ":" + q.line() + ":" + q.column(), q.format());
    assertTrue(q.format().endsWith("    title: \"My site\n           ^"), q.format());

    Diagnostics bracket = new Diagnostics();
    SiteConfigLoader.parse("title: X\ndescription: [one, two\npageSize: 3\n", bracket);
    Diagnostic b = onlyError(bracket);
    assertEquals(2, b.line(), b.format());
    assertEquals(14, b.column(), b.format());
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
    assertEquals(2, e.line(), e.format());
    assertEquals(7, e.column(), e.format());
    assertTrue(e.message().contains("'[' is never closed"), e.message());
  }
}
