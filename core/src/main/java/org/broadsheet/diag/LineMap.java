package org.broadsheet.diag;

import java.util.Arrays;

/** Maps character offsets in a text to 1-based line and column numbers, and back to line text. */
public final class LineMap {
  private final String text;
  private final int[] lineStarts;

  public LineMap(String text) {
    this.text = text;
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = nl + 1;
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** 1-based line of the character at {@code offset}. */
  public int line(int offset) {
    int i = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** 1-based column of the character at {@code offset}. */
  public int column(int offset) {
    return offset - lineStarts[line(offset) - 1] + 1;
  }

  /**
   * The length of a 1-based line without its line break: {@code lineText(line).length()}, without
   * the copy.
   */
  public int lineLength(int line) {
    return line < 1 || line > lineStarts.length ? 0 : lineEnd(line) - lineStarts[line - 1];
  }

  /** The text of a 1-based line, without its line break. */
  public String lineText(int line) {
    return line < 1 || line > lineStarts.length
        ? ""
        : text.substring(lineStarts[line - 1], lineEnd(line));
  }

  /**
   * Where the text of a 1-based line ends: before its line feed, and before a carriage return
   * ending it.
   */
  private int lineEnd(int line) {
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    return end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
  }
}
