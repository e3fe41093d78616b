package org.broadsheet.build;

import static org.broadsheet.content.ArticleBuilder.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.search.RelatedLists;
import org.broadsheet.search.SearchSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildIndexTest {
  private static BuildIndex withArticles(Path dir, int n) throws IOException {
    BuildIndex index = BuildIndex.open(dir, "en", ZoneOffset.UTC, true);
    for (int i = 0; i < n; i++) {
      index
          .writer()
          .put(
              article("a" + i).date("2020-01-0" + (1 + i % 9) + "T00:00:00Z").build(),
              "articles/a" + i + "/");
    }
    return index;
  }

  @Test
  void theIndexFinishedInTheBackgroundHoldsEveryArticleInOneSegment(@TempDir Path dir)
      throws IOException {
    try (BuildIndex index = withArticles(dir, 50)) {
      index.finishInBackground();
      index.awaitFinish();
    }
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      assertEquals(50, reader.numDocs());
      assertEquals(1, reader.leaves().size(), "a fresh index ships as one segment");
    }
  }

  @Test
  void aBuildThatFailsBeforeTheIndexIsFinishedLeavesNoCommitAndNoThread(@TempDir Path dir)
      throws IOException {
    BuildIndex index = withArticles(dir, 50);
    index.finishInBackground();
    index.close(); // the build failed: no awaitFinish
    assertFalse(
        Thread.getAllStackTraces().keySet().stream()
            .anyMatch(t -> t.getName().equals("broadsheet-index") && t.isAlive()),
        "the finishing thread was waited for");
    // either the commit happened before the rollback or it did not; the writer is closed and
    // the directory can be opened again for writing
    try (BuildIndex again = BuildIndex.open(dir, "en", ZoneOffset.UTC, true)) {
      again.finishInBackground();
      again.awaitFinish();
    }
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      assertEquals(0, reader.numDocs(), "the new index replaced whatever was there");
    }
  }

  @Test
  void whatIsPutAndDeletedAfterTheEarlyFlushIsInTheFinishedIndex(@TempDir Path dir)
      throws IOException {
    try (BuildIndex index = withArticles(dir, 50)) {
      index.flushInBackground(); // as a build does once the parse is over
      index.writer().put(article("late").date("2020-02-01T00:00:00Z").build(), "articles/late/");
      index.writer().delete("a3");
      index.finishInBackground();
      index.awaitFinish();
    }
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      assertEquals(50, reader.numDocs());
      assertEquals(1, reader.leaves().size());
      assertEquals(0, reader.numDeletedDocs());
      assertEquals(1, reader.docFreq(new Term(SearchSchema.ID, "late")));
      assertEquals(0, reader.docFreq(new Term(SearchSchema.ID, "a3")));
    }
  }

  @Test
  void aBuildThatFailsRightAfterTheParseLeavesNoFlushingThread(@TempDir Path dir)
      throws IOException {
    BuildIndex index = withArticles(dir, 50);
    index.flushInBackground();
    index.close(); // the build failed before the last step
    assertFalse(
        Thread.getAllStackTraces().keySet().stream()
            .anyMatch(t -> t.getName().equals("broadsheet-index-flush") && t.isAlive()),
        "the flushing thread was waited for");
    try (FSDirectory d = FSDirectory.open(dir)) {
      assertFalse(DirectoryReader.indexExists(d), "nothing was committed");
    }
  }

  @Test
  void theRelatedListsFoundBesideTheListingsCoverWhatWasPutAndDeletedAfterTheEarlyFlush(
      @TempDir Path dir) throws IOException {
    try (BuildIndex index = withArticles(dir, 20)) {
      index.flushInBackground();
      for (String late : List.of("late", "later")) {
        index.writer().put(article(late).date("2020-02-01T00:00:00Z").build(), "articles/x/");
      }
      index.writer().delete("a3");
      index.finishInBackground();
      index.relatedInBackground(3); // as a build does, while the listings render
      RelatedLists related = index.related();
      index.awaitFinish();
      assertEquals(21, related.size(), "every article in the index, and only those");
    }
  }

  @Test
  void aBuildThatFailsWhileTheRelatedListsAreFoundLeavesNoThread(@TempDir Path dir)
      throws IOException {
    BuildIndex index = withArticles(dir, 50);
    index.flushInBackground();
    index.finishInBackground();
    index.relatedInBackground(3);
    index.close(); // the build failed in the listings: no related(), no awaitFinish
    assertFalse(
        Thread.getAllStackTraces().keySet().stream()
            .anyMatch(t -> t.getName().startsWith("broadsheet-related") && t.isAlive()),
        "the related lists' thread was waited for");
  }

  @Test
  void anIndexOpenedForABuildThatFailedFirstIsClosed(@TempDir Path dir) throws IOException {
    Background<BuildIndex> opening =
        Background.start(
            "test-index-open", "opened", () -> BuildIndex.open(dir, "en", ZoneOffset.UTC, true));
    IllegalStateException failure = new IllegalStateException("the theme failed");
    BuildIndex.discard(opening, failure);
    assertEquals(0, failure.getSuppressed().length);
    // closed: its lock is free, so another writer opens the folder
    BuildIndex.open(dir, "en", ZoneOffset.UTC, true).close();
  }
}
