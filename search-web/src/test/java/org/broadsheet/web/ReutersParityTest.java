package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.broadsheet.content.Article;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity on 10,000 Reuters stories: 220 queries through window.broadsheet.search, over http and
 * from file://, find the same ids in the same order with bit-identical float scores (and the same
 * titles, dates and snippets) as ArchiveSearch on the JVM; so does the JavaScript fallback, whose
 * float arithmetic ExactFloatsForJs rounds like the JVM's. Skipped where shared/corpus is absent.
 */
class ReutersParityTest {
  static final int STORIES = 10_000;
  static final int QUERIES = 220;

  @TempDir static Path tmp;
  static BrowserFixture fixture;
  static Path site;
  static List<Parity.Query> queries;
  static StaticServer server;

  @BeforeAll
  static void setUp() throws Exception {
    var tarball = ReutersCorpus.tarball();
    Assumptions.assumeTrue(
        tarball.isPresent(), "shared/corpus/reuters21578.tar.gz not found: Reuters parity skipped");
    List<Article> articles = ReutersCorpus.load(tarball.get(), Path.of("target"), STORIES);
    assertEquals(STORIES, articles.size());
    queries = ReutersCorpus.queries(articles, QUERIES);
    fixture =
        BrowserFixture.open(
            tmp, articles, org.broadsheet.search.pages.BrowserIndexPages.DEFAULT_PAGE_SIZE);
    site = fixture.site;
    server = fixture.server;
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  private List<String> run(String url, boolean exact) throws Exception {
    int withHits = 0;
    for (Parity.Query q : queries) {
      withHits += Parity.jvm(fixture.jvm, q).hits().isEmpty() ? 0 : 1;
    }
    assertTrue(withHits > QUERIES / 2, "most queries should find something, found " + withHits);
    return fixture.differences(url, queries, exact);
  }

  @Test
  void wasmOverHttpMatchesTheJvmBitForBit() throws Exception {
    assertEquals(List.of(), run(server.url("search/index.html"), true));
  }

  @Test
  void wasmFromFileMatchesTheJvmBitForBit() throws Exception {
    assertEquals(List.of(), run(site.resolve("search/index.html").toUri().toString(), true));
  }

  @Test
  void javascriptFallbackMatchesTheJvmBitForBit() throws Exception {
    assertEquals(List.of(), run(server.url("search/index.html?runtime=js"), true));
  }
}
