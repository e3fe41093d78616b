package org.broadsheet.build;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.search.RelatedLists;
import org.broadsheet.search.SearchIndexWriter;

/**
 * The search index while a build writes it, and its last step on threads of its own: the final
 * flush (started as soon as the parse is over, {@link #flushInBackground}), then ({@link
 * SearchIndexWriter#optimizeAndCommit}) the merge into the shipped layout and the commit; and the
 * related lists once it is flushed ({@link #relatedInBackground}). So the listing pages render
 * while the index is flushed and the lists are found, and the article pages while it merges: the
 * merge is one thread's work, and the other cores idled through it. Closing without waiting for the
 * last step (a failed build) rolls the index back, which stops a merge under way, and waits for the
 * threads to end.
 */
final class BuildIndex implements AutoCloseable {
  private final FSDirectory dir;
  private final SearchIndexWriter writer;
  private Background<Void> flushing;
  private Background<Void> finishing;
  private Background<RelatedLists> relating;

  private BuildIndex(FSDirectory dir, SearchIndexWriter writer) {
    this.dir = dir;
    this.writer = writer;
  }

  /**
   * Closes the index {@code opening} opens, once it has, for a build that failed with {@code
   * failure} before it took the index over: what closing throws is added to that failure.
   */
  static void discard(Background<BuildIndex> opening, Throwable failure) {
    try {
      opening.join().close();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  static BuildIndex open(Path indexDir, String language, ZoneId zone, boolean create)
      throws IOException {
    FSDirectory dir = FSDirectory.open(indexDir);
    try {
      return new BuildIndex(dir, SearchIndexWriter.open(dir, language, zone, create));
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  SearchIndexWriter writer() {
    return writer;
  }

  /**
   * Starts writing what was put so far as segments, while the caller goes on (and may still put and
   * delete: the last step flushes those).
   */
  void flushInBackground() {
    flushing =
        Background.start(
            "broadsheet-index-flush",
            "the search index was flushed",
            () -> {
              writer.flush();
              return null;
            });
  }

  /** Starts the last step; nothing may be added to the index after this. */
  void finishInBackground() {
    if (flushing == null) {
      flushInBackground();
    }
    finishing =
        Background.start(
            "broadsheet-index",
            "the search index was merged",
            () -> {
              flushing.join();
              writer.optimizeAndCommit();
              return null;
            });
  }

  /**
   * Starts finding up to {@code count} related articles of every article, on a thread of its own
   * once the index is flushed, while the listing pages render: they depend on the index's articles
   * alone, not on its segments ({@link RelatedLists}), so they need not wait for the merge. At
   * 10,000 Reuters stories, one core idled while the main thread found them between the listings
   * and the article pages. Nothing may be added to the index after this.
   */
  void relatedInBackground(int count) {
    if (flushing == null) {
      flushInBackground();
    }
    relating =
        Background.start(
            "broadsheet-related",
            "the related articles were found",
            () -> {
              flushing.join();
              try (DirectoryReader reader = DirectoryReader.open(writer.writer())) {
                return RelatedLists.compute(reader, writer.info(), count);
              }
            });
  }

  /** Waits for the related lists {@link #relatedInBackground} started, or throws what it threw. */
  RelatedLists related() throws IOException {
    return relating.join();
  }

  /** Waits for the last step, and throws what it threw. */
  void awaitFinish() throws IOException {
    if (finishing != null) {
      finishing.join();
    }
  }

  /**
   * Closes the index: after {@link #awaitFinish} it is committed; before it, it is rolled back (a
   * merge under way stops) and the last step's threads are waited for, so nothing writes into the
   * staging folder once the build is over.
   */
  @Override
  public void close() throws IOException {
    try (dir) {
      try {
        writer.close(); // not committed on close: a rollback, which stops a running merge
      } finally {
        if (flushing != null) {
          flushing.awaitEnd();
        }
        if (finishing != null) {
          finishing.awaitEnd();
        }
        if (relating != null) {
          relating.awaitEnd();
        }
      }
    }
  }
}
