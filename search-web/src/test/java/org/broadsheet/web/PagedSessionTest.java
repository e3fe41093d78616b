package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.content.Article;
import org.broadsheet.search.ArchiveSearch;
import org.broadsheet.search.SearchSchema;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser's paged reading, run on the JVM (no Chromium): whatever pages each round names and
 * whatever stand-ins the speculative reads use, the final answer is the JVM's, byte for byte.
 */
class PagedSessionTest {
  @TempDir Path tmp;

  @Test
  void tinySiteWithTinyPagesAnswersLikeTheJvm() throws Exception {
    // 64-byte pages: almost every read misses at first, so every stand-in path runs
    assertSameAnswers(TinySiteBrowserTest.articles(), 64, TinySiteBrowserTest.QUERIES);
  }

  @Test
  void reutersAnswersLikeTheJvm() throws Exception {
    Path tarball = ReutersCorpus.tarball().orElse(null);
    Assumptions.assumeTrue(tarball != null, "no ../shared/corpus: Reuters paged-session test skipped");
    List<Article> articles = ReutersCorpus.load(tarball, Path.of("target"), 3000);
    PagedSession session = assertSameAnswers(articles, 1024, ReutersCorpus.queries(articles, 220));
    System.out.printf("paged session, 3,000 stories, 220 queries: %d rounds, %d pages%n", session.rounds,
        session.pagesLoaded);
  }

  private PagedSession assertSameAnswers(List<Article> articles, int pageSize, List<Parity.Query> queries)
      throws Exception {
    Path site = tmp.resolve("site");
    BrowserSite.build(site, articles, pageSize);
    PagedSession session = new PagedSession(site);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(site.resolve("search/lucene")))) {
      ArchiveSearch jvm = new ArchiveSearch(reader, SearchSchema.analyzer("en"));
      for (Parity.Query q : queries) {
        assertEquals(Json.results(jvm.search(q.request())), session.search(q.request()), q.toString());
      }
    }
    assertTrue(session.rounds > 0, "the pages were loaded on demand");
    return session;
  }
}
