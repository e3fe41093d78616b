package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;

/**
 * "Related articles" from the index itself ({@link RelatedLists}): computed for every article at
 * once, the first time any is asked for, then looked up. Thread-safe; used by the build (JVM only).
 */
public final class RelatedArticles {
  private final IndexReader reader;
  private final IndexInfo info;

  /** The lists, by how many articles each holds at most. */
  private final Map<Integer, RelatedLists> lists = new ConcurrentHashMap<>();

  /**
   * Finds related articles in {@code reader}, an index that records {@code info} ({@link
   * IndexInfo#read}).
   */
  public RelatedArticles(IndexReader reader, IndexInfo info) {
    this.reader = reader;
    this.info = info;
  }

  /**
   * Up to {@code count} related articles of every article of {@code reader}, an index that records
   * {@code info}, from the index alone: a function of its set of articles, whatever its segments.
   */
  public static RelatedLists all(IndexReader reader, IndexInfo info, int count) throws IOException {
    return RelatedLists.compute(reader, info, count);
  }

  /**
   * Ids of up to {@code count} articles related to the article {@code id}, best first, as {@link
   * #all} lists them (the first call computes every article's list; the others wait for it). The
   * article's language, title and body are read from the index: the other parameters are left over
   * from a per-article query, and unused.
   */
  public List<String> ids(String id, String lang, String title, String body, int count)
      throws IOException {
    try {
      return lists
          .computeIfAbsent(
              count,
              n -> {
                try {
                  return all(reader, info, n);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .of(id);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
