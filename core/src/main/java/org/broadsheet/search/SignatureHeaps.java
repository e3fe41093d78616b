package org.broadsheet.search;

/**
 * The best terms of every document so far, while the postings are walked term by term: a min-heap
 * per document of {@code size} keys (weight and ordinal in one long, so a document's heap is two
 * cache lines), and beside it each full heap's worst weight, 4 bytes a document, which turns most
 * offers away without touching the heap (the walk visits documents in no useful order).
 */
final class SignatureHeaps {
  private final int size;
  private final long[] keys;
  private final byte[] counts;
  private final float[] worst;

  SignatureHeaps(int maxDoc, int size) {
    this.size = size;
    this.keys = new long[maxDoc * size];
    this.counts = new byte[maxDoc];
    this.worst = new float[maxDoc];
  }

  /**
   * Offers a term to a document. Terms come in ascending ordinal, so one as heavy as the worst kept
   * is turned away: equal weights go to the smaller ordinal.
   */
  void offer(int doc, int ordinal, float weight) {
    if (weight <= worst[doc]) {
      return;
    }
    int base = doc * size;
    int n = counts[doc];
    long key = key(weight, ordinal);
    if (n < size) {
      keys[base + n] = key;
      counts[doc] = (byte) ++n;
      siftUp(base, n - 1);
      if (n == size) {
        worst[doc] = weight(keys[base]);
      }
    } else {
      keys[base] = key;
      siftDown(base);
      worst[doc] = weight(keys[base]);
    }
  }

  int count(int doc) {
    return counts[doc];
  }

  /** The ordinal of a document's i-th term kept (in heap order). */
  int ordinal(int doc, int i) {
    return Integer.MAX_VALUE - (int) keys[doc * size + i];
  }

  /** The weight of a document's i-th term kept. */
  float weight(int doc, int i) {
    return weight(keys[doc * size + i]);
  }

  /**
   * A larger key is a better term: heavier, or as heavy with a smaller ordinal (weights are
   * positive).
   */
  private static long key(float weight, int ordinal) {
    return (long) Float.floatToIntBits(weight) << 32 | (Integer.MAX_VALUE - ordinal);
  }

  private static float weight(long key) {
    return Float.intBitsToFloat((int) (key >>> 32));
  }

  private void siftUp(int base, int i) {
    while (i > 0 && keys[base + i] < keys[base + (i - 1) / 2]) {
      swap(base + i, base + (i - 1) / 2);
      i = (i - 1) / 2;
    }
  }

  private void siftDown(int base) {
    for (int i = 0; 2 * i + 1 < size; ) {
      int child = 2 * i + 1;
      if (child + 1 < size && keys[base + child + 1] < keys[base + child]) {
        child++;
      }
      if (keys[base + child] >= keys[base + i]) {
        return;
      }
      swap(base + i, base + child);
      i = child;
    }
  }

  private void swap(int i, int j) {
    long t = keys[i];
    keys[i] = keys[j];
    keys[j] = t;
  }
}
