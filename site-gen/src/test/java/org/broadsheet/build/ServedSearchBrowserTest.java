package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.search.ArchiveSearch;
import org.broadsheet.search.IndexInfo;
import org.broadsheet.search.SearchHit;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResults;
import org.broadsheet.serve.ArchiveServer;
import org.broadsheet.serve.BrowserSession;
import org.broadsheet.serve.Packer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The bundled sample, built as for the web (no script copies of the index) and served by {@code
 * broadsheet serve} (Jetty) from its folder and from a zip: the search page reads the one shipped
 * index, {@code search/lucene/}, in byte ranges (206 answers), and finds what the JVM finds in the
 * same files.
 */
class ServedSearchBrowserTest {
  @RegisterExtension static final BrowserSession browser = new BrowserSession();

  static final List<String> QUERIES = List.of("JCPOA Vienna talks", "oil", "\"nuclear deal\"");

  @TempDir static Path tmp;
  static Path out;
  static ChromeDriver driver;

  @BeforeAll
  static void build() throws Exception {
    out = tmp.resolve("site");
    new SiteBuilder(Progress.quiet()).build(BundledContentTest.options().withOut(out));
    driver = browser.driver();
  }

  @ParameterizedTest
  @ValueSource(strings = {"folder", "zip"})
  void serveAnswersRangeRequestsAndTheBrowserFindsWhatTheJvmFinds(String kind) throws Exception {
    Path served = out;
    if (kind.equals("zip")) {
      served = tmp.resolve("site.zip");
      Files.deleteIfExists(served);
      Packer.pack(out, served);
    }
    try (ArchiveServer server = ArchiveServer.start(served, "127.0.0.1", 0);
        var dir = FSDirectory.open(out.resolve("search/lucene"));
        var reader = DirectoryReader.open(dir)) {
      ArchiveSearch jvm = new ArchiveSearch(reader, IndexInfo.read(reader));
      browser.openSearchPage(server.uri().resolve("/search/").toString());
      for (String q : QUERIES) {
        Map<String, Object> browser = search(q);
        SearchResults expected = jvm.search(SearchRequest.of(q));
        assertEquals(expected.total(), ((Number) browser.get("total")).longValue(), q);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hits = (List<Map<String, Object>>) browser.get("hits");
        assertEquals(
            expected.hits().stream().map(SearchHit::id).toList(),
            hits.stream().map(h -> h.get("id")).toList(),
            q);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> stats =
          (Map<String, Object>) driver.executeScript("return window.broadsheet.stats");
      assertTrue(((Number) stats.get("ranges")).intValue() > 0, kind + ": " + stats);
      assertEquals(0, ((Number) stats.get("wholeFiles")).intValue(), kind + ": " + stats);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> search(String q) {
    Object out =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "window.broadsheet.search(arguments[0], {limit: 10})"
                + ".then(done, e => done({error: String(e)}));",
            q);
    Map<String, Object> result = (Map<String, Object>) out;
    assertTrue(!result.containsKey("error"), q + ": " + result);
    return result;
  }
}
