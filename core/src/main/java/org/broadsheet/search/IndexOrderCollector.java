package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * The {@code wanted} newest matches, with their scores, and the exact number of matches. Every
 * segment is sorted newest first ({@link SearchIndexWriter}), so a segment's newest matches are its
 * first ones: each leaf keeps its first {@code wanted} and the merge orders them by {@code
 * date_sort}, newest first, then in the index's order ({@link IndexOrderTies}: by id across
 * segments, as one segment of a clean build has them). No comparators, no second scoring pass, and
 * in the browser none of Lucene's field-sort code.
 */
final class IndexOrderCollector implements CollectorManager<IndexOrderCollector.Leaf, TopDocs> {
  private final int wanted;

  IndexOrderCollector(int wanted) {
    this.wanted = wanted;
  }

  @Override
  public Leaf newCollector() {
    return new Leaf(wanted);
  }

  @Override
  public TopDocs reduce(Collection<Leaf> leaves) {
    List<Dated> all = new ArrayList<>();
    long total = 0;
    for (Leaf leaf : leaves) {
      all.addAll(leaf.first);
      total += leaf.count;
    }
    all.sort(
        (a, b) ->
            a.date != b.date ? Long.compare(b.date, a.date) : IndexOrderTies.compare(a.hit, b.hit));
    ScoreDoc[] top = new ScoreDoc[Math.min(wanted, all.size())];
    for (int i = 0; i < top.length; i++) {
      top[i] = new ScoreDoc(all.get(i).hit.globalDoc(), all.get(i).hit.score());
    }
    return new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), top);
  }

  private record Dated(IndexOrderTies.Hit hit, long date) {}

  static final class Leaf extends SimpleCollector {
    private final int wanted;
    private final List<Dated> first = new ArrayList<>();
    private long count;
    private int keptOfLeaf; // a collector may see several segments: each keeps its first
    private LeafReaderContext leaf;
    private Scorable scorer;
    private NumericDocValues dates;

    Leaf(int wanted) {
      this.wanted = wanted;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      leaf = context;
      keptOfLeaf = 0;
      dates = context.reader().getNumericDocValues(SearchSchema.DATE_SORT);
    }

    @Override
    public void setScorer(Scorable scorer) {
      this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
      count++;
      if (keptOfLeaf < wanted) {
        long date =
            dates != null && dates.advanceExact(doc) ? dates.longValue() : SearchSchema.UNDATED;
        first.add(new Dated(new IndexOrderTies.Hit(leaf, doc, scorer.score()), date));
        keptOfLeaf++;
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }
}
