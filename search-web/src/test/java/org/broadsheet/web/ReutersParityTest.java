package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.content.Article;
import org.broadsheet.search.ArchiveSearch;
import org.broadsheet.search.SearchResults;
import org.broadsheet.search.SearchSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

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
  static Path site;
  static List<Parity.Query> queries;
  static DirectoryReader reader;
  static ArchiveSearch jvm;
  static ChromeDriver driver;
  static StaticServer server;

  @BeforeAll
  static void setUp() throws Exception {
    var tarball = ReutersCorpus.tarball();
    Assumptions.assumeTrue(tarball.isPresent(), "shared/corpus/reuters21578.tar.gz not found: Reuters parity skipped");
    List<Article> articles = ReutersCorpus.load(tarball.get(), Path.of("target"), STORIES);
    assertEquals(STORIES, articles.size());
    site = tmp.resolve("site");
    BrowserSite.build(site, articles, org.broadsheet.search.pages.BrowserIndexPages.DEFAULT_PAGE_SIZE);
    queries = ReutersCorpus.queries(articles, QUERIES);
    reader = DirectoryReader.open(FSDirectory.open(site.resolve("search/lucene")));
    jvm = new ArchiveSearch(reader, SearchSchema.analyzer("en"));
    server = new StaticServer(site);
    driver = Chromium.start(tmp.resolve("profile"));
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    if (reader != null) {
      reader.close();
    }
  }

  private List<String> run(String url, boolean exact) throws Exception {
    driver.get(url);
    List<String> diffs = new ArrayList<>();
    int withHits = 0;
    for (Parity.Query q : queries) {
      SearchResults expected = Parity.jvm(jvm, q);
      Map<String, Object> actual = Parity.browser(driver, q);
      withHits += expected.hits().isEmpty() ? 0 : 1;
      diffs.addAll(Parity.differences(q, expected, actual, exact));
    }
    assertTrue(withHits > QUERIES / 2, "most queries should find something, found " + withHits);
    return diffs;
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
