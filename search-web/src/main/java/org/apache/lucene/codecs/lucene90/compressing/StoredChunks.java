package org.apache.lucene.codecs.lucene90.compressing;

import org.apache.lucene.codecs.StoredFieldsReader;

/**
 * Broadsheet's, not Lucene's: where the compressed chunk that holds a document's stored fields
 * begins and ends in the {@code .fdt} file, so the browser can load a hit's chunk in one round
 * instead of a page at a time (LZ4 reads it sequentially). It sits in Lucene's package only because
 * the stored-fields index is package-private. Reads only the {@code .fdx} index, which the open
 * bundle carries. Never used on the JVM.
 */
public final class StoredChunks {
  private StoredChunks() {}

  /**
   * {@code [start, end, firstDoc, endDoc)}: the bytes of the chunk holding {@code doc} and the
   * documents it holds; null when the reader is not Lucene 9.0's.
   */
  public static long[] chunkOf(StoredFieldsReader reader, int doc, int maxDoc) {
    if (!(reader instanceof Lucene90CompressingStoredFieldsReader fields)
        || !(fields.getIndexReader() instanceof FieldsIndexReader index)) {
      return null;
    }
    long start = index.getStartPointer(doc);
    // the chunk's documents are contiguous: find the first later document in another chunk
    int first = doc;
    while (first > 0 && index.getStartPointer(first - 1) == start) {
      first--; // at most a chunk's worth of steps
    }
    int step = 1;
    int lo = doc;
    int hi = doc + 1;
    while (hi < maxDoc && index.getStartPointer(hi) == start) {
      lo = hi;
      step *= 2;
      hi = Math.min(maxDoc, doc + step);
    }
    if (hi >= maxDoc && (maxDoc == 0 || index.getStartPointer(maxDoc - 1) == start)) {
      return new long[] {start, index.getMaxPointer(), first, maxDoc};
    }
    while (hi - lo > 1) { // getStartPointer(lo) == start < getStartPointer(hi)
      int mid = (lo + hi) >>> 1;
      if (index.getStartPointer(mid) == start) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return new long[] {start, index.getStartPointer(hi), first, hi};
  }
}
