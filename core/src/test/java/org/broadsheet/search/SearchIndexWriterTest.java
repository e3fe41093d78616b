package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
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
    assertEquals(1, putFromThreads(1200, 300));
  }

  @Test
  void manyDocumentsAreAddedByEachPuttingThreadWithNothingLeftBehind() throws Exception {
    // more than one segment holds: each thread adds the runs it fills, each a segment
    assertTrue(
        putFromThreads(
                SearchIndexWriter.ONE_SEGMENT_DOCUMENTS + 1, SearchIndexWriter.RUN_DOCUMENTS + 1)
            > 1);
  }

  /**
   * Puts {@code each} documents from four threads at once, after saying {@code expected} would
   * come, checks that every one is in the index with a delete after them applied, and returns the
   * index's segments.
   */
  private int putFromThreads(int expected, int each) throws Exception {
    int threads = 4;
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
        // Lucene keeps one in-memory segment per thread adding at the same time, and one a run
        // once many are expected
        return reader.leaves().size();
      }
    }
  }

  @Test
  void onceEveryExpectedDocumentIsPutWhatWaitsIsLeftToTheFlush() throws Exception {
    int run = SearchIndexWriter.ONE_AT_A_TIME_RUN_DOCUMENTS;
    for (int expected : new int[] {run, run + 1}) {
      Path here = tmp.resolve("expected-" + expected);
      try (FSDirectory dir = FSDirectory.open(here);
          SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
        w.expect(expected);
        for (int n = 0; n < run; n++) {
          Article a = AppendTiersTest.story(n);
          w.put(a, "articles/" + a.slug() + "/");
        }
        // the put that fills a run adds it, unless it was the last expected: the parse is then
        // over, and the flush (on a thread of its own in a build) adds it beside the next steps
        assertEquals(expected == run ? run : 0, w.waiting(), "expected " + expected);
        w.flush();
        assertEquals(0, w.waiting());
        w.commit();
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          assertEquals(run, reader.numDocs());
        }
      }
    }
  }

  @Test
  void eachRunOfALargeFreshIndexIsASegmentInTheIndexOrder() throws Exception {
    assertEquals(3, segmentsOfRuns(SearchIndexWriter.ONE_SEGMENT_DOCUMENTS + 1, 3));
  }

  @Test
  void aVeryLargeArchiveHasASegmentPerThreadNotPerRun() throws Exception {
    assertEquals(1, segmentsOfRuns(SearchIndexWriter.SEGMENT_PER_RUN_DOCUMENTS + 1, 3));
  }

  /**
   * Puts {@code runs} runs of the smallest size from one thread, after saying {@code expected}
   * would come, checks that they are all in the index, each segment in the index's order, and
   * returns the segments.
   */
  private int segmentsOfRuns(int expected, int runs) throws Exception {
    try (FSDirectory dir = FSDirectory.open(tmp);
        SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
      w.expect(expected);
      for (int n = 0; n < runs * SearchIndexWriter.RUN_DOCUMENTS; n++) {
        Article a = AppendTiersTest.story(n); // dates out of order
        w.put(a, "articles/" + a.slug() + "/");
      }
      w.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(runs * SearchIndexWriter.RUN_DOCUMENTS, reader.numDocs());
        for (LeafReaderContext leaf : reader.leaves()) {
          assertInIndexOrder(leaf.reader());
        }
        return reader.leaves().size(); // one thread put them
      }
    }
  }

  @Test
  void aDocumentLuceneRefusesInARunOfItsOwnSegmentIsNamedAndTheRestOfTheRunIndexed()
      throws Exception {
    Article immense =
        ArchiveSearchTest.article(
            "i".repeat(40_000), "Big", "text", "2020-06-01T00:00:00Z", List.of(), "News");
    Article immenseToo =
        ArchiveSearchTest.article(
            "j".repeat(40_000), "Big", "text", "2020-07-01T00:00:00Z", List.of(), "News");
    int stories = SearchIndexWriter.RUN_DOCUMENTS + 10;
    try (FSDirectory dir = FSDirectory.open(tmp);
        SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
      w.expect(SearchIndexWriter.ONE_SEGMENT_DOCUMENTS + 1);
      IllegalArgumentException e = null;
      for (int n = 0; n < stories; n++) {
        Article a = AppendTiersTest.story(n);
        try {
          w.put(a, "articles/" + a.slug() + "/");
          if (n == 100) {
            w.put(immense, "articles/big/");
          } else if (n == 900) {
            w.put(immenseToo, "articles/big-too/");
          }
        } catch (IllegalArgumentException refused) { // with the run that held them
          e = refused;
        }
      }
      assertNotNull(e);
      assertEquals(1, e.getSuppressed().length, "both named");
      assertEquals(
          Set.of(immense.sourcePath(), immenseToo.sourcePath()),
          Set.of(namedSource(e), namedSource(e.getSuppressed()[0])));
      w.optimizeAndCommit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(stories, reader.numDocs(), "the refused documents alone are left out");
        assertEquals(1, reader.leaves().size());
        assertInIndexOrder(reader.leaves().get(0).reader());
        IndexSearcher searcher = new IndexSearcher(reader);
        assertEquals(1, searcher.count(new TermQuery(new Term(SearchSchema.ID, "s101"))));
      }
    }
  }

  /** The source a refusal names before its message. */
  private static String namedSource(Throwable refusal) {
    return refusal.getMessage().substring(0, refusal.getMessage().indexOf(": "));
  }

  /** Newest first, and ids in order within a second: the writer's index sort. */
  private static void assertInIndexOrder(LeafReader leaf) throws Exception {
    NumericDocValues dates = leaf.getNumericDocValues(SearchSchema.DATE_SORT);
    SortedDocValues ids = leaf.getSortedDocValues(SearchSchema.ID);
    long lastDate = Long.MAX_VALUE;
    String lastId = "";
    for (int doc = 0; doc < leaf.maxDoc(); doc++) {
      assertTrue(dates.advanceExact(doc) && ids.advanceExact(doc));
      String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
      assertTrue(
          dates.longValue() < lastDate || dates.longValue() == lastDate && id.compareTo(lastId) > 0,
          "document " + doc + " out of order");
      lastDate = dates.longValue();
      lastId = id;
    }
  }

  @Test
  void aDocumentLuceneRefusesIsNamedByItsSourceAndTheOthersAreIndexed() throws Exception {
    Article immense =
        ArchiveSearchTest.article(
            "i".repeat(40_000), "Big", "text", "2020-01-01T00:00:00Z", List.of(), "News");
    try (FSDirectory dir = FSDirectory.open(tmp);
        SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
      w.put(AppendTiersTest.story(1), "articles/s1/");
      w.put(immense, "articles/big/");
      w.put(AppendTiersTest.story(2), "articles/s2/");
      // added with its run: the refusal comes with the run, or here, before the index changes
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, w::commit);
      assertTrue(e.getMessage().startsWith(immense.sourcePath() + ": "), e.getMessage());
      w.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(2, reader.numDocs(), "the refused document alone is left out");
      }
    }
  }

  @Test
  void aLaterPutOfAnIdReplacesAnEarlierOneInTheSameRun() throws Exception {
    try (FSDirectory dir = FSDirectory.open(tmp)) {
      try (SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
        w.put(AppendTiersTest.story(1), "articles/s1/");
        w.commit();
      }
      try (SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), false)) {
        // a newer date sorts before an older one: the run must not reorder replacements
        w.put(
            ArchiveSearchTest.article("s1", "Older", "text", "2001-01-01T00:00:00Z", List.of(), ""),
            "articles/s1/");
        w.put(
            ArchiveSearchTest.article("s1", "Newer", "text", "2021-01-01T00:00:00Z", List.of(), ""),
            "articles/s1/");
        w.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(1, reader.numDocs());
        IndexSearcher searcher = new IndexSearcher(reader);
        int doc =
            searcher.search(new TermQuery(new Term(SearchSchema.ID, "s1")), 1).scoreDocs[0].doc;
        assertEquals("Newer", searcher.storedFields().document(doc).get(SearchSchema.TITLE));
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
