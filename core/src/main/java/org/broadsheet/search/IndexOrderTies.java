package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;

/**
 * The index's own order, newest first and then by id ({@link SearchIndexWriter}), for hits in
 * different segments. Within a segment doc-id order is that order; across segments it is not (an
 * incremental build adds segments on top, see AppendTiers), so hits that tie on their sort key are
 * ordered by their date and id, as in a clean build's one segment. Dates and ids are read only for
 * such ties, so a one-segment index (and the browser reading it) never reads them for this.
 */
final class IndexOrderTies {
  private IndexOrderTies() {}

  /** A hit in its segment. */
  record Hit(LeafReaderContext leaf, int doc, float score) {
    int globalDoc() {
      return leaf.docBase + doc;
    }
  }

  /** Compares two hits by the index's order. */
  static int compare(Hit a, Hit b) {
    if (a.leaf.ord == b.leaf.ord) {
      return Integer.compare(a.doc, b.doc);
    }
    try {
      int byDate = Long.compare(date(b), date(a));
      return byDate != 0 ? byDate : id(a).compareTo(id(b));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long date(Hit h) throws IOException {
    NumericDocValues dates = h.leaf.reader().getNumericDocValues(SearchSchema.DATE_SORT);
    return dates != null && dates.advanceExact(h.doc) ? dates.longValue() : SearchSchema.UNDATED;
  }

  private static String id(Hit h) throws IOException {
    SortedDocValues ids = h.leaf.reader().getSortedDocValues(SearchSchema.ID);
    return ids != null && ids.advanceExact(h.doc)
        ? ids.lookupOrd(ids.ordValue()).utf8ToString()
        : "";
  }
}
