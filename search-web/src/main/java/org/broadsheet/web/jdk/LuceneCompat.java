package org.broadsheet.web.jdk;

import java.util.Optional;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.Weight;

/** Browser bodies for Lucene methods that ask the JVM about itself. */
public final class LuceneCompat {
  private LuceneCompat() {}

  /** {@code HotspotVMOptions.get}: not a HotSpot VM, so no VM options. */
  public static Optional<String> vmOption(String name) {
    return Optional.empty();
  }

  /**
   * {@code LRUQueryCache.doCache}: never cache. A cached query reads its whole postings list, i.e.
   * fetches pages no query needs; and the cache's locks do not exist in the browser.
   */
  public static Weight noCache(Object cache, Weight weight, QueryCachingPolicy policy) {
    return weight;
  }

  /**
   * {@code VirtualMethod.compareImplementationDistance}, which finds by reflection whether a query
   * class overrides a deprecated method: none of the queries ArchiveSearch builds does.
   */
  public static int sameDistance(Class<?> cls, Object a, Object b) {
    return 0;
  }

  /**
   * {@code PerFieldKnnVectorsFormat.fieldsReader}: the shipped index has no vector fields, and
   * without this the HNSW and quantization code of every vector format would be compiled in.
   */
  public static KnnVectorsReader noVectors(Object format, SegmentReadState state) {
    throw new UnsupportedOperationException("vector fields are not supported in the browser");
  }
}
