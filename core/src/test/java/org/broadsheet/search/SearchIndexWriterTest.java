package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.content.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How documents put from many threads at once reach the index. */
class SearchIndexWriterTest {
  @TempDir Path tmp;

  @Test
  void documentsPutFromManyThreadsAtOnceAreOneSegmentWithNothingLeftBehind() throws Exception {
    // few enough for one in-memory segment: one thread at a time adds
    assertEquals(1, putFromThreads(1200));
  }

  @Test
  void manyDocumentsAreAddedByEachPuttingThreadWithNothingLeftBehind() throws Exception {
    // more than one segment holds: each put adds its own at once, a segment per thread
    assertTrue(putFromThreads(SearchIndexWriter.ONE_SEGMENT_DOCUMENTS + 1) > 1);
  }

  /**
   * Puts documents from four threads at once, after saying {@code expected} would come, checks that
   * every one is in the index with a delete after them applied, and returns the index's segments.
   */
  private int putFromThreads(int expected) throws Exception {
    int threads = 4;
    int each = 300;
    try (FSDirectory dir = FSDirectory.open(tmp);
        SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
      w.expect(expected);
      CyclicBarrier start = new CyclicBarrier(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int first = t * each;
          done.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int n = first; n < first + each; n++) {
                      Article a = AppendTiersTest.story(n);
                      w.put(a, "articles/" + a.slug() + "/");
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      w.delete("s7"); // after the puts, whichever thread added them
      w.commit(); // a plain commit: no merge
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(threads * each - 1, reader.numDocs());
        IndexSearcher searcher = new IndexSearcher(reader);
        assertEquals(0, searcher.count(new TermQuery(new Term(SearchSchema.ID, "s7"))));
        assertEquals(1, searcher.count(new TermQuery(new Term(SearchSchema.ID, "s8"))));
        // Lucene keeps one in-memory segment per thread adding at the same time
        return reader.leaves().size();
      }
    }
  }

  @Test
  void aDocumentLuceneRefusesIsNamedByItsSource() throws Exception {
    Article immense =
        ArchiveSearchTest.article(
            "i".repeat(40_000), "Big", "text", "2020-01-01T00:00:00Z", List.of(), "News");
    try (FSDirectory dir = FSDirectory.open(tmp);
        SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
      w.put(AppendTiersTest.story(1), "articles/s1/");
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> w.put(immense, "articles/big/"));
      assertTrue(e.getMessage().startsWith(immense.sourcePath() + ": "), e.getMessage());
      w.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(1, reader.numDocs(), "the refused document alone is left out");
      }
    }
  }

  @Test
  void aTagTooLongForATermIsNoFacetAndItsArticleIsIndexed() throws Exception {
    Article tagged =
        ArchiveSearchTest.article(
            "big",
            "Big",
            "text",
            "2020-01-01T00:00:00Z",
            List.of("economy", "t".repeat(40_000)),
            "News");
    try (FSDirectory dir = FSDirectory.open(tmp);
        SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
      w.put(tagged, "articles/big/");
      w.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        assertEquals(1, searcher.count(new TermQuery(new Term(SearchSchema.TAGS, "economy"))));
      }
    }
  }
}
