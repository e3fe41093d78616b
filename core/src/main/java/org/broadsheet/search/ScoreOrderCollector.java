package org.broadsheet.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * The {@code wanted} best-scoring matches and the exact number of matches, equal scores in the
 * index's order ({@link IndexOrderTies}), whatever the segment layout: each segment keeps its best
 * (ties by doc id, which is that order within a segment), and the merge orders them by score, then
 * by date and id. Lucene's own collector breaks ties by global doc id, which follows the order of
 * segments, so an index built in tiers would rank equal scores unlike a clean build's.
 */
final class ScoreOrderCollector implements CollectorManager<ScoreOrderCollector.Leaf, TopDocs> {
  private final int wanted;

  ScoreOrderCollector(int wanted) {
    this.wanted = wanted;
  }

  @Override
  public Leaf newCollector() {
    return new Leaf(wanted);
  }

  @Override
  public TopDocs reduce(Collection<Leaf> collectors) {
    List<IndexOrderTies.Hit> all = new ArrayList<>();
    long total = 0;
    for (Leaf c : collectors) {
      c.keep();
      all.addAll(c.kept);
      total += c.count;
    }
    all.sort(
        (a, b) ->
            a.score() != b.score()
                ? Float.compare(b.score(), a.score())
                : IndexOrderTies.compare(a, b));
    ScoreDoc[] top = new ScoreDoc[Math.min(wanted, all.size())];
    for (int i = 0; i < top.length; i++) {
      top[i] = new ScoreDoc(all.get(i).globalDoc(), all.get(i).score());
    }
    return new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), top);
  }

  static final class Leaf extends SimpleCollector {
    private final int wanted;
    private final List<IndexOrderTies.Hit> kept = new ArrayList<>();
    // the segment's best so far, worst first: lower score, or equal and later
    private final PriorityQueue<IndexOrderTies.Hit> best =
        new PriorityQueue<>(
            (a, b) ->
                a.score() != b.score()
                    ? Float.compare(a.score(), b.score())
                    : Integer.compare(b.doc(), a.doc()));
    private long count;
    private LeafReaderContext leaf;
    private Scorable scorer;

    Leaf(int wanted) {
      this.wanted = wanted;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) {
      keep();
      leaf = context;
    }

    /** Moves the current segment's best to the kept hits. */
    void keep() {
      kept.addAll(best);
      best.clear();
    }

    @Override
    public void setScorer(Scorable scorer) {
      this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws java.io.IOException {
      count++;
      float score = scorer.score();
      if (best.size() < wanted) {
        best.add(new IndexOrderTies.Hit(leaf, doc, score));
      } else if (score > best.peek().score()) { // equal: the earlier doc stays
        best.poll();
        best.add(new IndexOrderTies.Hit(leaf, doc, score));
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }
}
