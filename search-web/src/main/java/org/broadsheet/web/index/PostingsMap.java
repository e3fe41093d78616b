package org.broadsheet.web.index;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a term's postings can only be, before its dictionary block is loaded: the postings map of
 * the open bundle (written by core's {@code org.broadsheet.search.pages.PostingsMapFile}, whose
 * comment draws the format). Per postings file and field, the terms come in groups of adjacent
 * postings; a term lies in the last group whose first term is not after it, and its postings (if it
 * is in the index at all) in that group's byte range.
 */
final class PostingsMap {
  private final Map<String, Map<String, Groups>> files = new HashMap<>();

  /** Reads the map from {@code b}, from {@code p} to the end. */
  static PostingsMap read(byte[] b, int p) {
    PostingsMap map = new PostingsMap();
    int[] at = {p};
    while (at[0] < b.length) {
      String file = name(b, at);
      int fields = u16(b, at);
      Map<String, Groups> byField = new HashMap<>();
      for (int f = 0; f < fields; f++) {
        String field = name(b, at);
        int count = (int) vlong(b, at);
        byte[][] first = new byte[count][];
        long[] starts = new long[count + 1];
        byte[] before = new byte[0];
        long start = 0;
        for (int g = 0; g < count; g++) {
          int shared = (int) vlong(b, at);
          int suffix = (int) vlong(b, at);
          byte[] term = new byte[shared + suffix];
          System.arraycopy(before, 0, term, 0, shared);
          System.arraycopy(b, at[0], term, shared, suffix);
          at[0] += suffix;
          start += vlong(b, at);
          first[g] = term;
          starts[g] = start;
          before = term;
        }
        starts[count] = start + vlong(b, at);
        byField.put(field, new Groups(first, starts));
      }
      map.files.put(file, byField);
    }
    return map;
  }

  /**
   * The byte range [start, end) of {@code file} where the postings of {@code term} of {@code field}
   * would lie, or null when the map says it is in no group (or knows nothing of the field).
   */
  long[] range(String file, String field, byte[] term, int offset, int length) {
    Map<String, Groups> byField = files.get(file);
    Groups groups = byField == null ? null : byField.get(field);
    if (groups == null) {
      return null;
    }
    int lo = 0;
    int hi = groups.first.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(groups.first[mid], term, offset, length) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? null : new long[] {groups.starts[found], groups.starts[found + 1]};
  }

  /** Unsigned byte order, as Lucene orders terms. */
  private static int compare(byte[] a, byte[] b, int offset, int length) {
    int n = Math.min(a.length, length);
    for (int i = 0; i < n; i++) {
      int d = (a[i] & 0xFF) - (b[offset + i] & 0xFF);
      if (d != 0) {
        return d;
      }
    }
    return a.length - length;
  }

  /** A field's groups: their first terms, and where each starts (one more: the last one's end). */
  private static final class Groups {
    final byte[][] first;
    final long[] starts;

    Groups(byte[][] first, long[] starts) {
      this.first = first;
      this.starts = starts;
    }
  }

  private static String name(byte[] b, int[] at) {
    int length = u16(b, at);
    String name = new String(b, at[0], length, StandardCharsets.UTF_8);
    at[0] += length;
    return name;
  }

  private static int u16(byte[] b, int[] at) {
    int v = ((b[at[0]] & 0xFF) << 8) | (b[at[0] + 1] & 0xFF);
    at[0] += 2;
    return v;
  }

  private static long vlong(byte[] b, int[] at) {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      byte x = b[at[0]++];
      v |= (long) (x & 0x7F) << shift;
      if (x >= 0) {
        return v;
      }
    }
  }
}
