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
 * date_sort}, newest first, then by doc id (what {@code Sort(date_sort desc, doc)} gives). No
 * comparators, no second scoring pass, and in the browser none of Lucene's field-sort code.
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
            a.date != b.date
                ? Long.compare(b.date, a.date)
                : Integer.compare(a.hit.doc, b.hit.doc));
    ScoreDoc[] top = new ScoreDoc[Math.min(wanted, all.size())];
    for (int i = 0; i < top.length; i++) {
      top[i] = all.get(i).hit;
    }
    return new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), top);
  }

  private record Dated(ScoreDoc hit, long date) {}

  static final class Leaf extends SimpleCollector {
    private final int wanted;
    private final List<Dated> first = new ArrayList<>();
    private long count;
    private int docBase;
    private Scorable scorer;
    private NumericDocValues dates;

    Leaf(int wanted) {
      this.wanted = wanted;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      docBase = context.docBase;
      dates = context.reader().getNumericDocValues(SearchSchema.DATE_SORT);
    }

    @Override
    public void setScorer(Scorable scorer) {
      this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
      count++;
      if (first.size() < wanted) {
        long date =
            dates != null && dates.advanceExact(doc) ? dates.longValue() : SearchSchema.UNDATED;
        first.add(new Dated(new ScoreDoc(docBase + doc, scorer.score()), date));
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }
}
