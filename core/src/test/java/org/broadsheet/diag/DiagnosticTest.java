package org.broadsheet.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiagnosticTest {
  @Test
  void formatsPathLineColumnSourceLineAndCaret() {
    Diagnostic d = Diagnostic.error("content/a.md", 3, 7, "bad date", "date: 2021-13-45");
    assertEquals(
        "content/a.md:3:7: error: bad date\n    date: 2021-13-45\n          ^", d.format());
  }

  @Test
  void wholeFileDiagnosticsHaveNoPositionOrCaret() {
    assertEquals(
        "content/b.txt: warning: undated", Diagnostic.warning("content/b.txt", "undated").format());
  }

  @Test
  void lineMapFindsLinesAndColumns() {
    LineMap map = new LineMap("one\r\ntwo\nthree");
    assertEquals(3, map.lineCount());
    assertEquals(2, map.line(5));
    assertEquals(1, map.column(5));
    assertEquals("one", map.lineText(1));
    assertEquals("three", map.lineText(3));
  }

  @Test
  void snapshotIsSortedByFileAndPosition() {
    Diagnostics all = new Diagnostics();
    all.add(Diagnostic.error("b.md", 2, 1, "x", ""));
    all.add(Diagnostic.error("a.md", 9, 1, "y", ""));
    all.add(Diagnostic.warning("b.md", 1, 1, "z", ""));
    assertEquals("a.md", all.snapshot().get(0).path());
    assertEquals(1, all.snapshot().get(1).line());
    assertEquals(2, all.count(Severity.ERROR));
  }
}
