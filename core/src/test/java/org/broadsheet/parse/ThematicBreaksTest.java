package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Random;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.junit.jupiter.api.Test;

class ThematicBreaksTest {
  private static final Parser FLEXMARK = Parser.builder(new MutableDataSet()).build();
  private static final Parser OURS =
      Parser.builder(new MutableDataSet().set(Parser.EXTENSIONS, List.of(new ThematicBreaks())))
          .build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder(new MutableDataSet()).build();

  @Test
  void startsTheBlocksFlexmarksOwnParserStarts() {
    // lines of marks, spaces, tabs and a few other block starts, in quotes, lists, after
    // paragraphs and indented: the same tree (node kinds and source offsets) and the same HTML
    String[] pieces = {"-", "*", "_", " ", "\t", "a", "> ", "- ", "1. ", "=", "```", "    "};
    Random random = new Random(36);
    for (int doc = 0; doc < 20_000; doc++) {
      StringBuilder md = new StringBuilder();
      int lines = 1 + random.nextInt(5);
      for (int l = 0; l < lines; l++) {
        int length = random.nextInt(9);
        for (int i = 0; i < length; i++) {
          md.append(pieces[random.nextInt(pieces.length)]);
        }
        md.append('\n');
      }
      String text = md.toString();
      Node theirs = FLEXMARK.parse(text);
      Node ours = OURS.parse(text);
      assertEquals(
          FlexmarkFixture.tree(theirs),
          FlexmarkFixture.tree(ours),
          () -> "tree of " + text.replace("\t", "\\t"));
      assertEquals(HTML.render(theirs), HTML.render(ours), () -> "HTML of " + text);
    }
  }

  @Test
  void aSeparatorOfThousandsOfMarksIsABreakNotAStackOverflow() {
    for (String line : List.of("-".repeat(20_000), "_ ".repeat(5_000), "* ".repeat(5_000))) {
      String html = HTML.render(OURS.parse("Para one.\n\n" + line + "\n\nPara two.\n"));
      assertEquals("<p>Para one.</p>\n<hr />\n<p>Para two.</p>\n", html);
    }
    String html = HTML.render(OURS.parse("Para one.\n\n" + "-".repeat(20_000) + "x\n"));
    assertTrue(html.startsWith("<p>Para one.</p>\n<p>---"), html.substring(0, 40));
  }

  @Test
  void anArticleWithALongSeparatorIsPublished() {
    Diagnostics diagnostics = new Diagnostics();
    String text =
        "---\ntitle: Rules\n---\nAbove.\n\n"
            + "_".repeat(3_000)
            + "\n\nBelow.\n\n"
            + "- - - ".repeat(1_000)
            + "\n";
    var article = ParseFixtures.markdown("rules.md", text, diagnostics);
    assertTrue(
        article.isPresent(),
        () -> diagnostics.snapshot().stream().map(Diagnostic::headline).toList().toString());
    assertFalse(diagnostics.hasErrors());
    assertEquals("Above. Below.", article.get().body().text().strip().replaceAll("\\s+", " "));
  }

  @Test
  void isBreakAsFlexmarksPatternHasIt() {
    assertTrue(ThematicBreaks.isBreak("***", 0));
    assertTrue(ThematicBreaks.isBreak("  - -\t-  ", 2));
    assertFalse(ThematicBreaks.isBreak("--", 0));
    assertFalse(ThematicBreaks.isBreak("-*-", 0));
    assertFalse(ThematicBreaks.isBreak("--- x", 0));
    assertFalse(ThematicBreaks.isBreak("===", 0));
    assertFalse(ThematicBreaks.isBreak("", 0));
  }
}
