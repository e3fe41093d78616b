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
 * table[1 .. n]             those characters, ascending, each as its distance from the one
 *                           before (the first from U+007F)
 * table[n+1 .. 2n]          the length of each one's folding
 * table[2n+1 ..]            the folded text, each folding after the other
 * </pre>
 *
 * The first call turns the table into the characters and where each folding starts. A character
 * below U+0080, or one the table lacks, is copied as it is, as Lucene does.
 */
public final class BrowserFolding {
  private BrowserFolding() {}

  private static String decoded;
  private static char[] chars;
  private static int[] starts;

  /**
   * The same contract as Lucene's: folds {@code length} chars, returns the next output position.
   */
  public static int foldToASCII(
      char[] input, int inputPos, char[] output, int outputPos, int length, String table) {
    if (decoded != table) {
      decode(table);
    }
    int out = outputPos;
    for (int i = inputPos, end = inputPos + length; i < end; i++) {
      char c = input[i];
      int k = c < '\u0080' ? -1 : find(chars, c);
      if (k < 0) {
        output[out++] = c;
        continue;
      }
      for (int j = starts[k], to = starts[k + 1]; j < to; j++) {
        output[out++] = table.charAt(j);
      }
    }
    return out;
  }

  private static void decode(String table) {
    int n = table.charAt(0);
    char[] cs = new char[n];
    int[] at = new int[n + 1];
    int c = 0x7F;
    int start = 2 * n + 1;
    for (int i = 0; i < n; i++) {
      c += table.charAt(1 + i);
      cs[i] = (char) c;
      at[i] = start;
      start += table.charAt(1 + n + i);
    }
    at[n] = start;
    chars = cs;
    starts = at;
    decoded = table;
  }

  /** The index of {@code c} among the folding characters, or -1. */
  private static int find(char[] cs, char c) {
    int lo = 0;
    int hi = cs.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      char m = cs[mid];
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
