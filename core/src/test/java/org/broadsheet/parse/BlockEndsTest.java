package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subhead does not run into the next paragraph in a body's plain text, so neither in its summary
 * nor in a search snippet: Markdown and wire copy end a heading with a full stop there, unless it
 * ends a sentence itself. The HTML keeps the heading as written.
 */
class BlockEndsTest {
  @TempDir Path site;

  @Test
  void aHeadingThatEndsNoSentenceGetsAFullStop() {
    assertEquals("Knock-on effects.", BlockEnds.closed("Knock-on effects"));
    assertEquals("Rates: a primer.", BlockEnds.closed("Rates: a primer"));
    assertEquals("The year 2024.", BlockEnds.closed("The year 2024"));
    assertEquals("Why “now”.", BlockEnds.closed("Why “now”"));
  }

  @Test
  void aHeadingThatEndsASentenceOrClauseStaysAsItIs() {
    for (String heading :
        new String[] {
          "Why now?",
          "Not again!",
          "What next:",
          "It ended.",
          "Why “now?”",
          "(See below.)",
          "چرا اکنون؟",
          "لماذا الآن؟",
          "なぜ今？",
          "Wait…",
          ""
        }) {
      assertEquals(heading, BlockEnds.closed(heading));
    }
  }

  @Test
  void markdownSubheadsEndWithAStopInThePlainTextAndTheSummary() throws Exception {
    Article a =
        ParseFixtures.parse(
                site,
                "rhine.md",
                """
                ---
                title: Rhine runs low
                ---
                ## Knock-on *effects*

                The low water comes at a difficult moment.

                ## Why now?

                Less rain.

                Setext subhead
                --------------

                Hotter summers.
                """,
                new Diagnostics())
            .orElseThrow();
    assertEquals(
        "Knock-on effects.\nThe low water comes at a difficult moment.\n\nWhy now?\nLess rain."
            + "\n\nSetext subhead.\nHotter summers.",
        a.body().text());
    assertEquals(
        "Knock-on effects. The low water comes at a difficult moment. Why now? Less rain."
            + " Setext subhead. Hotter summers.",
        a.summary());
    String html = a.body().html();
    assertTrue(html.contains("<h2 id=\"knock-on-effects\">Knock-on <em>effects</em></h2>"), html);
    assertTrue(html.contains(">Setext subhead</h2>"), html);
  }

  @Test
  void wireSubheadsEndWithAStopInThePlainText() throws Exception {
    Article a =
        ParseFixtures.parse(
                site,
                "wire/2024-01-05-iran.txt",
                "TEHRAN — Iran said on Friday it would go on with its economic plans with"
                    + " determination.\u00a0 Iran will not condition its economy on the JCPOA revival"
                    + " As it has been emphasized, the government will not wait for the talks.\n",
                new Diagnostics())
            .orElseThrow();
    assertTrue(
        a.body().html().contains(">Iran will not condition its economy on the JCPOA revival</h2>"),
        a.body().html());
    assertTrue(
        a.body().text().contains("on the JCPOA revival.\n\nAs it has been emphasized"),
        a.body().text());
    assertTrue(a.summary().contains("JCPOA revival. As it has been"), a.summary());
  }
}
