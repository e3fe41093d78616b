package org.broadsheet.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.content.Article;
import org.broadsheet.search.ArchiveSearch;
import org.broadsheet.search.IndexInfo;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A built search site, its JVM searcher, a static server over it and a headless Chromium: what
 * every browser parity test needs, opened once per test class and closed in reverse order.
 */
final class BrowserFixture implements AutoCloseable {
  final Path site;
  final DirectoryReader reader;
  final ArchiveSearch jvm;
  final StaticServer server;
  final ChromeDriver driver;

  private BrowserFixture(
      Path site, DirectoryReader reader, StaticServer server, ChromeDriver driver)
      throws java.io.IOException {
    this.site = site;
    this.reader = reader;
    this.jvm = new ArchiveSearch(reader, IndexInfo.read(reader));
    this.server = server;
    this.driver = driver;
  }

  static BrowserFixture open(Path tmp, List<Article> articles, int pageSize) throws Exception {
    return open(tmp, articles, pageSize, "en");
  }

  /**
   * A site in {@code language}; the JVM searches it with the analyzer the index records, as the CLI
   * does.
   */
  static BrowserFixture open(Path tmp, List<Article> articles, int pageSize, String language)
      throws Exception {
    Path site = tmp.resolve("site");
    BrowserSite.build(site, articles, pageSize, language);
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(site.resolve("search/lucene")));
    StaticServer server = new StaticServer(site);
    try {
      return new BrowserFixture(site, reader, server, Chromium.start(tmp.resolve("profile")));
    } catch (Exception | Error e) {
      server.close();
      reader.close();
      throw e;
    }
  }

  /** Loads {@code url} and lists every query whose browser result differs from the JVM's. */
  List<String> differences(String url, List<Parity.Query> queries, boolean exact) throws Exception {
    return differences(url, queries, exact, "");
  }

  /** As above, running {@code script} on the page first (to set a test knob of search.js). */
  List<String> differences(String url, List<Parity.Query> queries, boolean exact, String script)
      throws Exception {
    load(url);
    if (!script.isEmpty()) {
      driver.executeScript(script);
    }
    List<String> diffs = new ArrayList<>();
    for (Parity.Query q : queries) {
      diffs.addAll(Parity.differences(q, Parity.jvm(jvm, q), Parity.browser(driver, q), exact));
    }
    return diffs;
  }

  /** Loads {@code url} and waits for search.js, as {@link Chromium#openSearchPage}. */
  void load(String url) throws InterruptedException {
    Chromium.openSearchPage(driver, url, () -> List.copyOf(server.log));
  }

  @Override
  public void close() throws Exception {
    driver.quit();
    server.close();
    reader.close();
  }
}
