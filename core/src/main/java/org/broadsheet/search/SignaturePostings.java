package org.broadsheet.search;

import java.util.Arrays;

/**
 * The signatures inverted: for each term, the documents whose signature holds it, each with how
 * strongly it uses the term: BM25's saturated term frequency, {@code tf / (tf + k1 * (1 - b + b *
 * length / average))} in (0, 1), with the constants the search scores with. A document's related
 * articles are then one small query: its signature's terms, each worth its idf, against the other
 * signatures. A document that holds a term without counting it among its own most distinctive is
 * not met through it: measured on 10,000 Reuters stories, that costs a point of topic agreement
 * against querying the full postings, and saves the postings (8 bytes each, 16 million at 100,000
 * synthetic stories) and half the time.
 *
 * <p>Lengths and the average come from {@link TermSignatures} (live documents only), so scores
 * depend on the set of documents alone. Holds 8 bytes per signature term of every document.
 */
final class SignaturePostings {
  /** BM25's constants, as {@link SearchSchema#similarity()} has them. */
  private static final float K1 = 1.2f;

  private static final float B = 0.6f;

  /**
   * Covers rounding in the pruning bound, which is summed in another order than a document's score.
   */
  private static final float SLACK = 1.001f;

  /**
   * Where each term's postings start in docs and uses, by ordinal; they end where the next term's
   * start.
   */
  private final int[] starts;

  private final int[] docs;
  private final float[] uses;

  /** The largest use of each term, by ordinal: the most a document can gain from it. */
  private final float[] most;

  private SignaturePostings(int[] starts, int[] docs, float[] uses, float[] most) {
    this.starts = starts;
    this.docs = docs;
    this.uses = uses;
    this.most = most;
  }

  /**
   * The signatures of {@code s} inverted, in doc-id order. A term in more signatures than {@code
   * strongest} keeps that many, those that use it most (equal uses by {@code rank}, the documents'
   * order by id, never by doc id): a word in thousands of signatures relates an article only to
   * those most about it, and a query's cost stays bounded however large the archive grows.
   */
  static SignaturePostings invert(TermSignatures s, int[] rank, int strongest) {
    int terms = s.eligible.size();
    int[] starts = new int[terms + 1];
    for (int d = 0; d < s.counts.length; d++) {
      for (int i = d * s.size; i < d * s.size + s.counts[d]; i++) {
        starts[s.terms[i] + 1]++;
      }
    }
    for (int t = 0; t < terms; t++) {
      starts[t + 1] += starts[t];
    }
    int[] docs = new int[starts[terms]];
    float[] uses = new float[docs.length];
    int[] fill = Arrays.copyOf(starts, terms);
    float average = s.averageLength();
    for (int d = 0; d < s.counts.length; d++) {
      for (int i = d * s.size; i < d * s.size + s.counts[d]; i++) {
        docs[fill[s.terms[i]]] = d;
        uses[fill[s.terms[i]]++] = use(s.freqs[i], s.lengths[d], average);
      }
    }
    float[] most = new float[terms];
    int kept = 0;
    for (int t = 0; t < terms; t++) {
      int from = starts[t];
      starts[t] = kept;
      kept = cut(docs, uses, from, starts[t + 1], strongest, rank, kept);
      for (int p = starts[t]; p < kept; p++) {
        most[t] = Math.max(most[t], uses[p]);
      }
    }
    starts[terms] = kept;
    return new SignaturePostings(
        starts, Arrays.copyOf(docs, kept), Arrays.copyOf(uses, kept), most);
  }

  /** BM25's saturated term frequency. */
  static float use(float tf, int length, float average) {
    return tf / (tf + K1 * (1 - B + B * length / average));
  }

  /**
   * Moves the postings from..to, at most {@code limit} of them (those that use the term most), to
   * {@code at} (not after from), in their order; returns where they end.
   */
  private static int cut(
      int[] docs, float[] uses, int from, int to, int limit, int[] rank, int at) {
    long least = Long.MIN_VALUE;
    if (to - from > limit) {
      long[] keys = new long[to - from];
      for (int p = from; p < to; p++) {
        keys[p - from] = key(uses[p], rank[docs[p]]);
      }
      Arrays.sort(keys);
      least = keys[keys.length - limit];
    }
    for (int p = from; p < to; p++) {
      if (key(uses[p], rank[docs[p]]) >= least) {
        docs[at] = docs[p];
        uses[at++] = uses[p];
      }
    }
    return at;
  }

  /**
   * Larger for more use, then for a smaller rank (uses are positive: their bits order as they do).
   */
  private static long key(float use, int rank) {
    return (long) Float.floatToIntBits(use) << 32 | (Integer.MAX_VALUE - rank);
  }

  /** Postings held. */
  int size() {
    return docs.length;
  }

  /**
   * Runs document {@code doc}'s signature as a query: every other document that holds one of its
   * terms gets the term's idf times how strongly it uses it, and counts one more shared term. Exact
   * but for documents that cannot pass the floor of {@code tuning} (max-score pruning): once the
   * terms left could not lift a document first met now to the floor, or to the terms it must share,
   * the rest of the terms only add to the documents already met. The signature is in descending
   * idf, so those are the long postings of common words.
   */
  void match(TermSignatures s, int doc, RelatedLists.Tuning tuning, QueryScores m) {
    int from = doc * s.size;
    int n = s.counts[doc];
    float[] rest = m.rest;
    rest[n] = 0;
    float weight = 0;
    for (int i = n - 1; i >= 0; i--) {
      int ordinal = s.terms[from + i];
      weight += s.eligible.idf(ordinal);
      rest[i] = rest[i + 1] + s.eligible.idf(ordinal) * most[ordinal];
    }
    m.start(tuning.floor() * weight);
    for (int i = 0; i < n; i++) {
      int ordinal = s.terms[from + i];
      if (rest[i] * SLACK >= m.floor() && n - i >= tuning.minShared()) {
        addAll(doc, ordinal, s.eligible.idf(ordinal), m);
      } else {
        m.keep(rest[i] * SLACK, m.floor(), tuning.minShared() - (n - i));
        addToMet(ordinal, s.eligible.idf(ordinal), m);
      }
    }
  }

  private void addAll(int doc, int term, float idf, QueryScores m) {
    for (int p = starts[term]; p < starts[term + 1]; p++) {
      if (docs[p] != doc) {
        m.add(docs[p], idf * uses[p]);
      }
    }
  }

  /**
   * Adds the term to the documents met so far that can still pass (never the query's own): a search
   * for each when they are few, else a walk (which may add to some that cannot pass: no matter).
   */
  private void addToMet(int term, float idf, QueryScores m) {
    int start = starts[term];
    int end = starts[term + 1];
    if ((long) m.alive * 8 < end - start) {
      for (int i = 0; i < m.alive; i++) {
        int p = Arrays.binarySearch(docs, start, end, m.touched[i]);
        if (p >= 0) {
          m.add(docs[p], idf * uses[p]);
        }
      }
    } else {
      for (int p = start; p < end; p++) {
        if (m.met(docs[p])) {
          m.add(docs[p], idf * uses[p]);
        }
      }
    }
  }
}
