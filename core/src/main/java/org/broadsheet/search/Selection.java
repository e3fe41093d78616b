package org.broadsheet.search;

/**
 * Picks a document's related documents from the scores of its query: those above the relevance
 * floor, best first, equal scores by id. Each document's slots are written by one thread only.
 */
final class Selection {
  /** Each document's position in id order (-1: deleted): equal scores go to the smaller id. */
  private final int[] rank;

  private final int count;
  private final RelatedLists.Tuning tuning;

  /** Doc ids of the related documents of document d at d*count ..; -1 after the last. */
  private final int[] best;

  Selection(int[] rank, int count, RelatedLists.Tuning tuning, int[] best) {
    this.rank = rank;
    this.count = count;
    this.tuning = tuning;
    this.best = best;
  }

  /**
   * Keeps the best {@code count} documents of {@code m} that pass the floor, for document {@code
   * doc}.
   */
  void select(int doc, QueryScores m) {
    int base = doc * count;
    int n = 0;
    float floor = m.floor();
    for (int i = 0; i < m.alive; i++) {
      int other = m.touched[i];
      if (rank[other] < 0 || m.shared(other) < tuning.minShared() || m.score(other) < floor) {
        continue;
      }
      int j;
      if (n < count) {
        j = n++;
      } else if (better(m, other, best[base + count - 1])) {
        j = count - 1;
      } else {
        continue;
      }
      for (; j > 0 && better(m, other, best[base + j - 1]); j--) {
        best[base + j] = best[base + j - 1];
      }
      best[base + j] = other;
    }
  }

  private boolean better(QueryScores m, int a, int b) {
    return m.score(a) > m.score(b) || (m.score(a) == m.score(b) && rank[a] < rank[b]);
  }
}
