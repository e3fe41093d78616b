package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Markdown that makes flexmark's patterns backtrack without end is refused with an error at the
 * body, in well under a second, and the other articles parse as before.
 */
class BoundedReadsTest {
  private static final MarkdownParser PARSER = new MarkdownParser();
  private static final ParseContext CONTEXT = new ParseContext(ZoneId.of("UTC"), "en");
  private static final SourceFile FILE = new SourceFile("content/a.md", Path.of("content/a.md"));

  @Test
  void countsReadsAndStopsPastTheBound() {
    BoundedReads text = new BoundedReads("abc", 4);
    assertEquals('a', text.charAt(0));
    assertEquals('c', text.charAt(2));
    assertEquals('b', text.charAt(1));
    assertEquals('a', text.charAt(0));
    assertThrows(BoundedReads.TooManyReads.class, () -> text.charAt(0));
    assertEquals(3, text.length());
    assertEquals("bc", text.subSequence(1, 3)); // copies are not reads
    assertEquals("abc", BoundedReads.documentOf(BasedSequence.of(text).subSequence(1, 2)));
  }

  @Test
  void theBoundGrowsWithTheText() {
    String text = "x".repeat(30_000); // 60 million reads: past the 50 million floor
    BoundedReads bounded = new BoundedReads(text);
    for (long i = 0; i < BoundedReads.READS_PER_CHAR * text.length(); i++) {
      bounded.charAt((int) (i % text.length()));
    }
    assertThrows(BoundedReads.TooManyReads.class, () -> bounded.charAt(0));
  }

  // the bound is reached in about half a second; without it, this would run for ever: a thread of
  // its own lets the test fail instead
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @Test
  void anUnclosedLinkLabelOverManyEscapesIsAnErrorAtTheBody() {
    for (String body :
        List.of(
            "[" + "\\-".repeat(40), // each \- reads as an escape or as \ and -: 2^40 ways
            "Intro.\n\n[" + "\\".repeat(80),
            "[x][" + "\\-".repeat(40) + " and more")) {
      Diagnostics diagnostics = new Diagnostics();
      Optional<Article> article =
          PARSER.parse(FILE, "---\ntitle: T\n---\n" + body + "\n", CONTEXT, diagnostics);
      assertEquals(Optional.empty(), article, body);
      List<Diagnostic> errors = diagnostics.snapshot();
      assertEquals(1, errors.size(), errors.toString());
      assertEquals(
          "content/a.md:4:1: error: Markdown too costly to read: the parser read its characters"
              + " more than 2000 times each (text such as a '[' never closed over many"
              + " backslashes, or 'www.' thousands of times in a row, makes its patterns try every"
              + " way to read it); article left out",
          errors.get(0).headline());
    }
  }

  @Test
  void escapesThatCloseParseAsBefore() {
    Diagnostics diagnostics = new Diagnostics();
    Article article =
        PARSER
            .parse(
                FILE,
                "---\ntitle: T\n---\n[" + "\\-".repeat(40) + "] and [a\\]b].\n",
                CONTEXT,
                diagnostics)
            .orElseThrow();
    assertEquals("<p>[" + "-".repeat(40) + "] and [a]b].</p>\n", article.body().html());
    assertTrue(diagnostics.snapshot().isEmpty(), diagnostics.snapshot().toString());
  }
}
