package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Optional;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.LineMap;
import org.junit.jupiter.api.Test;

class MarkdownNestingTest {
  @Test
  void countsTheQuotesAndListsALineOpens() {
    assertEquals(2, MarkdownNesting.depth("- - x"));
    assertEquals(4, MarkdownNesting.depth("> >- 1. x"));
    assertEquals(3, MarkdownNesting.depth("   *\t+ 12) x"));
    assertEquals(1, MarkdownNesting.depth(">quoted"));
  }

  @Test
  void textThematicBreaksAndNumbersAreNotNesting() {
    assertEquals(0, MarkdownNesting.depth("Plain text - with a dash"));
    assertEquals(
        0,
        MarkdownNesting.depth(
            "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -"));
    assertEquals(0, MarkdownNesting.depth("1.5 2.5 3.5"));
    assertEquals(0, MarkdownNesting.depth("-x *y* 1234567890. z"));
    assertEquals(0, MarkdownNesting.depth("    - code, not a list"));
  }

  @Test
  void emptyItemsNestButAThematicBreakDoesNot() {
    assertEquals(200, MarkdownNesting.depth("1. ".repeat(200))); // flexmark recursed on these
    assertEquals(200, MarkdownNesting.depth("+ ".repeat(200)));
    assertEquals(200, MarkdownNesting.depth("> ".repeat(200)));
    assertEquals(200, MarkdownNesting.depth("1) ".repeat(200)));
    assertEquals(0, MarkdownNesting.depth("* ".repeat(200)));
    assertEquals(0, MarkdownNesting.depth("   _ _ _ _\t_"));
    assertEquals(2, MarkdownNesting.depth("- * x")); // two marks: no break
    assertTrue(
        MarkdownNesting.tooDeep("content/a.md", new LineMap("1. ".repeat(8000)))
            .orElseThrow()
            .headline()
            .contains("nested 8000 levels deep"));
  }

  @Test
  void aLineOpeningMoreThanAHundredLevelsIsAnErrorAtThatLine() {
    String text = "---\ntitle: Deep\n---\nIntro.\n\n" + "> ".repeat(101) + "x\n";
    var error = MarkdownNesting.tooDeep("content/a.md", new LineMap(text)).orElseThrow();
    assertEquals(
        "content/a.md:6:1: error: Markdown nested 101 levels deep (quotes or lists inside each other;"
            + " at most 100); article left out",
        error.headline());
    assertTrue(
        MarkdownNesting.tooDeep("content/a.md", new LineMap("- ".repeat(100) + "x")).isEmpty());
  }

  @Test
  void theParserLeavesSuchAnArticleOutWithThatErrorAndReadsAHundredLevels() {
    var parser = new MarkdownParser();
    var context = new ParseContext(ZoneId.of("UTC"), "en");
    var file =
        new org.broadsheet.source.SourceFile("content/a.md", java.nio.file.Path.of("content/a.md"));
    Diagnostics d = new Diagnostics();
    assertEquals(
        Optional.empty(),
        parser.parse(file, "---\ntitle: t\n---\n" + "- ".repeat(5000) + "x\n", context, d));
    assertTrue(
        d.snapshot().get(0).headline().contains("nested 5000 levels deep"),
        d.snapshot().toString());
    assertTrue(
        parser
            .parse(
                file, "---\ntitle: t\n---\n" + "> ".repeat(100) + "x\n", context, new Diagnostics())
            .isPresent());
  }
}
