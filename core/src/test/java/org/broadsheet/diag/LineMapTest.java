package org.broadsheet.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineMapTest {
  private final LineMap lines = new LineMap("title: a\r\n\nbody text\nlast");

  @Test
  void mapsOffsetsToLinesAndColumns() {
    assertEquals(4, lines.lineCount());
    assertEquals(1, lines.line(0));
    assertEquals(2, lines.line(10));
    assertEquals(3, lines.line(11));
    assertEquals(3, lines.column(13));
    assertEquals(4, lines.line(1_000));
  }

  @Test
  void lineTextAndLengthLeaveOutTheLineBreak() {
    String[] expected = {"title: a", "", "body text", "last"};
    for (int line = 1; line <= expected.length; line++) {
      assertEquals(expected[line - 1], lines.lineText(line));
      assertEquals(expected[line - 1].length(), lines.lineLength(line));
    }
    assertEquals("", lines.lineText(5));
    assertEquals(0, lines.lineLength(0));
  }

  @Test
  void aTextEndingInALineBreakHasAnEmptyLastLine() {
    LineMap ends = new LineMap("a\n");
    assertEquals(2, ends.lineCount());
    assertEquals("", ends.lineText(2));
  }
}
