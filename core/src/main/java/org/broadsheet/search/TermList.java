package org.broadsheet.search;

import java.util.Arrays;
import org.apache.lucene.util.BytesRef;

/**
 * Terms numbered in the order they are added, with a weight each: their bytes in one growing array
 * (about 9 bytes a term plus its length), not an object per term.
 */
final class TermList {
  private byte[] bytes = new byte[1 << 12];
  private int[] starts = new int[1 << 10];
  private float[] idfs = new float[1 << 10];
  private int size;

  /** Adds a term and returns its number. */
  int add(BytesRef term, float idf) {
    if (size + 1 == starts.length) {
      starts = Arrays.copyOf(starts, starts.length * 2);
      idfs = Arrays.copyOf(idfs, idfs.length * 2);
    }
    int end = starts[size] + term.length;
    if (end > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(end, bytes.length * 2));
    }
    System.arraycopy(term.bytes, term.offset, bytes, starts[size], term.length);
    idfs[size] = idf;
    starts[++size] = end;
    return size - 1;
  }

  int size() {
    return size;
  }

  float idf(int ordinal) {
    return idfs[ordinal];
  }

  /** How the term numbered {@code ordinal} compares with {@code term}: as {@link BytesRef} does. */
  int compare(int ordinal, BytesRef term) {
    return Arrays.compareUnsigned(
        bytes,
        starts[ordinal],
        starts[ordinal + 1],
        term.bytes,
        term.offset,
        term.offset + term.length);
  }

  /**
   * The first number from {@code from} on whose term is not before {@code term}, or the size: of a
   * list added in order. Steps forward in doubling strides, then halves the last one, so a walk
   * through another ordered list of terms costs about the logarithm of each gap.
   */
  int ceiling(BytesRef term, int from) {
    if (from >= size || compare(from, term) >= 0) {
      return from;
    }
    int before = from; // the term there is before term; at hi it is not (or hi is the size)
    int hi = from + 1;
    for (int stride = 1; hi < size && compare(hi, term) < 0; stride <<= 1) {
      before = hi;
      hi = before + stride;
    }
    hi = Math.min(hi, size);
    while (hi - before > 1) {
      int mid = (before + hi) >>> 1;
      if (compare(mid, term) < 0) {
        before = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /** The term's bytes, shared with this list: read them before adding more. */
  BytesRef term(int ordinal) {
    return new BytesRef(bytes, starts[ordinal], starts[ordinal + 1] - starts[ordinal]);
  }
}
