package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text nodes come out as flexmark's core renderer writes them: escapes, entities, CRs and NULs
 * included, and the text held aside for marks ({@link PlainTextNodes#render(
 * com.vladsch.flexmark.html.HtmlRenderer, com.vladsch.flexmark.util.ast.Document)}) put back where
 * flexmark's writer would have put it, blanks and all.
 */
class PlainTextNodesTest {
  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          AutolinkExtension.create(),
          FootnoteExtension.create());
  private static final FlexmarkFixture FLEXMARKS = new FlexmarkFixture(EXTENSIONS, false);
  private static final FlexmarkFixture PLAIN = new FlexmarkFixture(EXTENSIONS, true);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Plain prose, \"quoted\" and <b>tagged</b> — with a dash.",
        "Prose with nothing to escape, then a > b, then 3 < 4, then \"so\".",
        "Escapes \\* \\_ \\\\ and entities &amp; &copy; &#169; &#xA9; &bogus; AT&T",
        "Windows lines\r\nand old Mac lines\rand a NUL \u0000 here",
        "| a & b | c\\|d |\n|---|---|\n| &lt; | x |",
        "  Leading blanks\tand a tab, *emphasis* and **strong** words , `code` ,"
            + " [a link](http://x.org \"title\") and ![a \"picture\"](p.png) then a hard  \nbreak",
        "# A heading with *words*\n\n\tindented code\twith a tab\n\n> quoted\ttext [^1]\n\n"
            + "[^1]: a note with <tags>",
        "- item one\n-  item two with  two blanks\n\n1. first\n2. second ~~struck~~ out",
      })
  void writesWhatFlexmarksCoreRendererWrites(String markdown) {
    assertEquals(FLEXMARKS.html(markdown), PLAIN.html(markdown));
  }

  @Test
  void marksAreReplacedByTheTextsTheyStandFor() {
    assertEquals(
        "<p>one two</p><em>three</em>",
        PlainTextNodes.fill(
            "<p>\u00000\u0000 two</p><em>\u00001\u0000</em>", List.of("one", "three")));
    assertEquals("no marks", PlainTextNodes.fill("no marks", List.of()));
  }

  @Test
  void randomMarkdownRendersTheSame() {
    Random random = new Random(5);
    for (int doc = 0; doc < 600; doc++) {
      String text = FlexmarkFixture.randomMarkdown(random, 40);
      assertEquals(
          FLEXMARKS.html(text), PLAIN.html(text), () -> "for input: " + text.replace("\n", "\\n"));
    }
  }
}
