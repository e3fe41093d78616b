package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.Severity;
import org.broadsheet.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML is read only up to a size, so a huge scalar costs milliseconds, not a minute of CPU. */
class FrontMatterBoundsTest {
  private static final String HUGE = "x".repeat(10 << 20);
  @TempDir Path site;

  private static Diagnostic onlyError(Diagnostics d) {
    List<Diagnostic> errors =
        d.snapshot().stream().filter(x -> x.severity() == Severity.ERROR).toList();
    assertEquals(1, errors.size(), d.snapshot()::toString);
    return errors.get(0);
  }

  @Test
  void frontMatterOverTheLimitIsAnErrorAtTheOpeningLineAndIsNotParsed() throws IOException {
    Diagnostics d = new Diagnostics();
    long start = System.nanoTime();
    Optional<Article> a =
        ParseFixtures.parse(site, "big.md", "---\ntitle: \"" + HUGE + "\"\n---\nBody.\n", d);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(a.isEmpty(), "article left out");
    Diagnostic e = onlyError(d);
    assertEquals("content/big.md", e.path());
    assertEquals(1, e.line());
    assertEquals(1, e.column());
    assertTrue(
        e.message().contains("front matter") && e.message().contains("over the limit"),
        e.message());
    assertTrue(ms < 5_000, "refused in " + ms + " ms");
  }

  @Test
  void frontMatterJustUnderTheLimitIsRead() throws IOException {
    Diagnostics d = new Diagnostics();
    String title = "y".repeat(200 * 1024);
    Article a =
        ParseFixtures.parse(site, "fine.md", "---\ntitle: " + title + "\n---\nBody.\n", d)
            .orElseThrow();
    assertEquals(title, a.title());
  }

  @Test
  void anOversizedSidecarIsAnErrorAndItsArticleIsLeftOut() throws IOException {
    Path wire = site.resolve("content/wire");
    Files.createDirectories(wire);
    Files.writeString(wire.resolve("a.txt"), "BEIRUT - Text of the story.\n");
    Files.writeString(wire.resolve("a.yaml"), "title: \"" + HUGE + "\"\n", StandardCharsets.UTF_8);
    Diagnostics d = new Diagnostics();
    long start = System.nanoTime();
    Optional<Article> a =
        Parsers.standard(ParseFixtures.UTC)
            .parse(new SourceFile("content/wire/a.txt", wire.resolve("a.txt")), d);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(a.isEmpty());
    Diagnostic e = onlyError(d);
    assertEquals("content/wire/a.yaml", e.path());
    assertEquals(1, e.line());
    assertTrue(e.message().contains("over the limit"), e.message());
    assertTrue(ms < 5_000, "refused in " + ms + " ms");
  }

  /** Ten levels of five aliases each: over the 20 aliases a front matter may use. */
  @Test
  void aliasBombsInFrontMatterAreRefused() throws IOException {
    StringBuilder yaml = new StringBuilder("title: T\na: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char p = (char) (c - 1);
      yaml.append(c)
          .append(": &")
          .append(c)
          .append(" [*")
          .append(p)
          .append(", *")
          .append(p)
          .append(", *")
          .append(p)
          .append(", *")
          .append(p)
          .append(", *")
          .append(p)
          .append("]\n");
    }
    Diagnostics d = new Diagnostics();
    Optional<Article> a = ParseFixtures.parse(site, "bomb.md", "---\n" + yaml + "---\nBody.\n", d);
    assertTrue(a.isEmpty());
    assertTrue(onlyError(d).message().contains("broken YAML"), d.snapshot()::toString);
  }
}
