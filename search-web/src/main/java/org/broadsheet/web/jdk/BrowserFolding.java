package org.broadsheet.web.jdk;

/**
 * {@code ASCIIFoldingFilter.foldToASCII} as a table lookup: Lucene's method is one switch over some
 * 1,300 characters, which TeaVM compiles into 33 KB (gzip) of the runtime's code, the largest
 * function in it. {@code teavm.FoldingTable} builds the table at compile time by running Lucene's
 * own method over every character, and compiles the filter's method as a call to this one with the
 * table as a string constant:
 *
 * <pre>
 * table[0]                  n, the number of characters that fold
 * table[1 .. n]             those characters, ascending
 * table[n+1 .. 2n+1]        where each one's folding starts in the folded text (n+1 offsets)
 * table[2n+2 ..]            the folded text, each folding after the other
 * </pre>
 *
 * A character below U+0080, or one the table lacks, is copied as it is, as Lucene does.
 */
public final class BrowserFolding {
  private BrowserFolding() {}

  /**
   * The same contract as Lucene's: folds {@code length} chars, returns the next output position.
   */
  public static int foldToASCII(
      char[] input, int inputPos, char[] output, int outputPos, int length, String table) {
    int n = table.charAt(0);
    int text = 2 * n + 2;
    int out = outputPos;
    for (int i = inputPos, end = inputPos + length; i < end; i++) {
      char c = input[i];
      int k = c < '\u0080' ? -1 : find(table, n, c);
      if (k < 0) {
        output[out++] = c;
        continue;
      }
      for (int j = text + table.charAt(1 + n + k), to = text + table.charAt(2 + n + k);
          j < to;
          j++) {
        output[out++] = table.charAt(j);
      }
    }
    return out;
  }

  /** The index of {@code c} among the table's {@code n} characters, or -1. */
  private static int find(String table, int n, char c) {
    int lo = 0;
    int hi = n - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      char m = table.charAt(1 + mid);
      if (m < c) {
        lo = mid + 1;
      } else if (m > c) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }
}
