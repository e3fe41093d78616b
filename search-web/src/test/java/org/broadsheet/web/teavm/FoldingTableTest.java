package org.broadsheet.web.teavm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.broadsheet.web.jdk.BrowserFolding;
import org.junit.jupiter.api.Test;

/** The runtime's table-driven folding writes what Lucene's switch writes, for every character. */
class FoldingTableTest {
  private static final String TABLE = FoldingTable.table();

  @Test
  void everyCharacterFoldsAsLuceneFoldsIt() {
    char[] expected = new char[8];
    char[] actual = new char[8];
    for (int c = 0; c <= 0xFFFF; c++) {
      char[] in = {(char) c};
      int e = ASCIIFoldingFilter.foldToASCII(in, 0, expected, 0, 1);
      int a = BrowserFolding.foldToASCII(in, 0, actual, 0, 1, TABLE);
      assertEquals(e, a, "length for U+" + Integer.toHexString(c));
      assertEquals(
          String.valueOf(expected, 0, e),
          String.valueOf(actual, 0, a),
          "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void aRunInsideLargerArraysFoldsAtTheGivenPositions() {
    char[] in = "xxZürich ⑽ Æon Straße ﬁn\uD83D\uDE00yy".toCharArray();
    int length = in.length - 4;
    char[] expected = new char[4 * in.length];
    char[] actual = new char[4 * in.length];
    Arrays.fill(expected, '#');
    Arrays.fill(actual, '#');
    int e = ASCIIFoldingFilter.foldToASCII(in, 2, expected, 3, length);
    int a = BrowserFolding.foldToASCII(in, 2, actual, 3, length, TABLE);
    assertEquals(e, a);
    assertEquals(String.valueOf(expected), String.valueOf(actual));
    assertEquals("Zurich (10) AEon Strasse fin\uD83D\uDE00", String.valueOf(actual, 3, a - 3));
  }
}
