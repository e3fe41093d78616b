package org.broadsheet.web.index;

import java.nio.charset.StandardCharsets;

/**
 * Reads {@code search/<hash>.open} (written by core's {@code
 * org.broadsheet.search.pages.OpenBundleFile}): the exact byte ranges that opening the index reads,
 * so that the open costs one small request instead of two pages per file, then the {@link
 * PostingsMap postings map}; and {@code search/<hash>.query}, whole files and no map.
 *
 * <pre>
 * "BSOB" u8 version=2
 * repeat: u16 nameLength | name (UTF-8) | u32 fileOffset | u32 length | length bytes   (nameLength &gt; 0)
 * u16 0 | the postings map, to the end (nothing in a query bundle)
 * </pre>
 *
 * (all integers big-endian)
 */
public final class OpenBundle {
  public static final int VERSION = 2;

  private OpenBundle() {}

  public static void load(byte[] b, PageStore store) {
    if (b.length < 5
        || b[0] != 'B'
        || b[1] != 'S'
        || b[2] != 'O'
        || b[3] != 'B'
        || b[4] != VERSION) {
      throw new IllegalArgumentException("not an open bundle of version " + VERSION);
    }
    int p = 5;
    while (p < b.length) {
      int nameLength = u16(b, p);
      if (nameLength == 0) {
        if (p + 2 < b.length) {
          store.postingsMap(PostingsMap.read(b, p + 2));
        }
        return;
      }
      String name = new String(b, p + 2, nameLength, StandardCharsets.UTF_8);
      p += 2 + nameLength;
      long offset = u32(b, p);
      int length = (int) u32(b, p + 4);
      p += 8;
      byte[] bytes = new byte[length];
      System.arraycopy(b, p, bytes, 0, length);
      p += length;
      store.addRange(name, offset, bytes);
    }
  }

  private static int u16(byte[] b, int p) {
    return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
  }

  private static long u32(byte[] b, int p) {
    return ((long) (b[p] & 0xFF) << 24)
        | ((b[p + 1] & 0xFF) << 16)
        | ((b[p + 2] & 0xFF) << 8)
        | (b[p + 3] & 0xFF);
  }
}
