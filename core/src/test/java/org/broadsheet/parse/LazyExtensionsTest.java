package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lazy autolink and table extensions write exactly what flexmark's own write, links and tables
 * included.
 */
class LazyExtensionsTest {
  private static final FlexmarkFixture FLEXMARKS =
      new FlexmarkFixture(
          List.of(
              TablesExtension.create(),
              StrikethroughExtension.create(),
              AutolinkExtension.create(),
              FootnoteExtension.create()),
          false);
  private static final FlexmarkFixture LAZY =
      new FlexmarkFixture(
          List.of(
              new LazyExtensions.Tables(),
              StrikethroughExtension.create(),
              new LazyExtensions.Autolinks(),
              FootnoteExtension.create()),
          false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "See https://example.org/a?b=1 and www.example.com, or write to desk@example.org.",
        "An entity joins text: note&amp;desk@example.org, www&period;example.org and http&colon;//example.org",
        "Escaped: http\\://example.org and desk&#64;example.org and www&#46;example.com",
        "A bare scheme: ftp:// alone, and <https://example.org> in brackets, *www.example.org* in emphasis.",
        "`http://in.code` and [a link](http://example.org) with http://after.it",
        "| a | b |\n|---|:-:|\n| 1 | 2 |\n\ntext after",
        "a | b\n--- | ---\n1 | 2",
        "Plain prose with no table\nand a second line | with a pipe later\n--- | ---\n1 | 2",
        "Prose. Then a footnote[^1] and ~~gone~~.\n\n[^1]: At http://example.org/note.",
        "Reuters style: CLEVELAND, Feb 26 - Standard Oil <SRD> said...\n    BP North America\n\n Reuter",
        "# Heading www.example.org\n\n> quoted mail@example.org\n\n- item https://x.y/z\n- item two",
      })
  void writesWhatFlexmarksOwnExtensionsWrite(String markdown) {
    assertEquals(FLEXMARKS.html(markdown), LAZY.html(markdown));
  }

  @Test
  void randomTextWithLinkAndTableCharactersRendersTheSame() {
    Random random = new Random(11);
    int links = 0;
    int tables = 0;
    for (int doc = 0; doc < 600; doc++) {
      String text = FlexmarkFixture.randomMarkdown(random, 40);
      String html = LAZY.html(text);
      assertEquals(FLEXMARKS.html(text), html, () -> "for input: " + text.replace("\n", "\\n"));
      links += html.contains("<a href") ? 1 : 0;
      tables += html.contains("<table") ? 1 : 0;
    }
    assertTrue(
        links > 100 && tables > 20,
        "the inputs hold links (" + links + ") and tables (" + tables + ")");
  }

  @Test
  void textWithoutLinkCharactersIsSkipped() {
    assertFalse(
        LazyExtensions.Autolinks.mayHoldLink(BasedSequence.of("Plain prose: 12 pct, said Smith.")));
    assertTrue(
        LazyExtensions.Autolinks.mayHoldLink(
            BasedSequence.of("see wWw.example.org or www.example.org")));
    assertTrue(LazyExtensions.Autolinks.mayHoldLink(BasedSequence.of("AT&T")));
  }
}
