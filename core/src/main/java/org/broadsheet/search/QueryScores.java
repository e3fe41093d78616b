package org.broadsheet.search;

/**
 * One thread's scores of one related-articles query ({@link SignaturePostings#match}): dense by
 * document (a long each), with the documents touched, those that can still pass the floor first. A
 * document's score and shared terms are one long, so that adding to it touches one cache line.
 */
final class QueryScores {
  /**
   * Per document: terms shared with the query in the high 32 bits, the score's float bits in the
   * low.
   */
  private final long[] sums;

  /** Documents touched; the first {@code alive} of them can still pass the floor. */
  final int[] touched;

  int size;
  int alive;

  /** Scratch for the query: the most its terms from the i-th on can still add to a document. */
  final float[] rest;

  /** The score a related document must reach: a share of the query's whole weight. */
  private float floor;

  QueryScores(int maxDoc, int terms) {
    sums = new long[maxDoc];
    touched = new int[maxDoc];
    rest = new float[terms + 1];
  }

  /** Starts a query whose related documents must score at least {@code floor}. */
  void start(float floor) {
    clear();
    this.floor = floor;
  }

  /** The score a document must reach to be related. */
  float floor() {
    return floor;
  }

  void add(int doc, float score) {
    long sum = sums[doc];
    if (sum == 0) {
      touched[size] = touched[alive];
      touched[alive++] = doc;
      size++;
    }
    float total = Float.intBitsToFloat((int) sum) + score;
    sums[doc] = ((sum >>> 32) + 1) << 32 | (Float.floatToRawIntBits(total) & 0xFFFFFFFFL);
  }

  boolean met(int doc) {
    return sums[doc] != 0;
  }

  float score(int doc) {
    return Float.intBitsToFloat((int) sums[doc]);
  }

  int shared(int doc) {
    return (int) (sums[doc] >>> 32);
  }

  /**
   * Moves behind the alive ones the documents that {@code most} more cannot lift to the floor, or
   * to {@code shares} shared terms.
   */
  void keep(float most, float floor, int shares) {
    for (int i = 0; i < alive; ) {
      int doc = touched[i];
      if (score(doc) + most < floor || shared(doc) < shares) {
        touched[i] = touched[--alive];
        touched[alive] = doc;
      } else {
        i++;
      }
    }
  }

  void clear() {
    for (int i = 0; i < size; i++) {
      sums[touched[i]] = 0;
    }
    size = 0;
    alive = 0;
  }
}
