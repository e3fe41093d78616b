package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Section, tag and year counts over all matches of a search, from the keyword doc values. */
final class Facets {
  private static final int VALUES = 12;
  private static final String[] FIELDS = {
    SearchSchema.SECTION, SearchSchema.TAGS, SearchSchema.YEAR
  };

  private Facets() {}

  /**
   * The {@value #VALUES} most frequent values of each facet field over every match of {@code
   * query}; every year, since there are few and the search page charts them all.
   */
  static List<FacetCount> count(IndexSearcher searcher, Query query) throws IOException {
    Map<String, Map<String, Integer>> counts = searcher.search(query, new FacetCounter());
    List<FacetCount> out = new ArrayList<>();
    for (String field : FIELDS) {
      List<Map.Entry<String, Integer>> entries =
          new ArrayList<>(counts.getOrDefault(field, Map.of()).entrySet());
      entries.sort(
          (a, b) ->
              a.getValue().equals(b.getValue())
                  ? (field.equals(SearchSchema.YEAR)
                      ? b.getKey().compareTo(a.getKey())
                      : a.getKey().compareTo(b.getKey()))
                  : b.getValue() - a.getValue());
      int limit = field.equals(SearchSchema.YEAR) ? entries.size() : VALUES;
      for (int i = 0; i < entries.size() && i < limit; i++) {
        out.add(new FacetCount(field, entries.get(i).getKey(), entries.get(i).getValue()));
      }
    }
    return out;
  }

  /** Counts keyword values of every matching document, segment by segment, single-threaded. */
  private static final class FacetCounter
      implements CollectorManager<FacetCounter.Counter, Map<String, Map<String, Integer>>> {

    @Override
    public Counter newCollector() {
      return new Counter();
    }

    @Override
    public Map<String, Map<String, Integer>> reduce(Collection<Counter> collectors)
        throws IOException {
      Map<String, Map<String, Integer>> total = new HashMap<>();
      for (Counter c : collectors) {
        c.finishSegment();
        c.counts.forEach(
            (field, values) ->
                values.forEach(
                    (value, n) ->
                        total
                            .computeIfAbsent(field, f -> new HashMap<>())
                            .merge(value, n, Integer::sum)));
      }
      return total;
    }

    /**
     * Counts a segment's values by ordinal and looks up the text of each value counted once, when
     * the segment is done: per matching document only its ordinals are read (in the browser the
     * text of every value of every match made this the costliest part of a search's last round).
     */
    static final class Counter extends SimpleCollector {
      final Map<String, Map<String, Integer>> counts = new HashMap<>();
      private final SortedSetDocValues[] values = new SortedSetDocValues[FIELDS.length];
      private final int[][] perOrdinal = new int[FIELDS.length][];

      @Override
      protected void doSetNextReader(LeafReaderContext context) throws IOException {
        finishSegment();
        for (int f = 0; f < FIELDS.length; f++) {
          SortedSetDocValues dv = context.reader().getSortedSetDocValues(FIELDS[f]);
          values[f] = dv;
          perOrdinal[f] = dv == null ? null : new int[Math.toIntExact(dv.getValueCount())];
        }
      }

      @Override
      public void collect(int doc) throws IOException {
        for (int f = 0; f < FIELDS.length; f++) {
          SortedSetDocValues dv = values[f];
          if (dv != null && dv.advanceExact(doc)) {
            int[] n = perOrdinal[f];
            for (int i = 0; i < dv.docValueCount(); i++) {
              n[(int) dv.nextOrd()]++;
            }
          }
        }
      }

      /** Adds the segment's counts by value to {@link #counts}. */
      void finishSegment() throws IOException {
        for (int f = 0; f < FIELDS.length; f++) {
          int[] n = perOrdinal[f];
          if (n == null) {
            continue;
          }
          Map<String, Integer> field = null;
          for (int ord = 0; ord < n.length; ord++) {
            if (n[ord] > 0) {
              if (field == null) {
                field = counts.computeIfAbsent(FIELDS[f], k -> new HashMap<>());
              }
              field.merge(values[f].lookupOrd(ord).utf8ToString(), n[ord], Integer::sum);
            }
          }
          perOrdinal[f] = null;
          values[f] = null;
        }
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    }
  }
}
