package org.broadsheet.build;

import static org.broadsheet.search.SearchRequestBuilder.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.search.ArchiveSearch;
import org.broadsheet.search.SearchHit;
import org.broadsheet.serve.BrowserSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The bundled sample site, built with {@code --offline} and opened straight from disk in headless
 * Chromium: its search page finds the seed article for "JCPOA", with the JVM's results.
 */
class BundledSiteBrowserTest {
  @RegisterExtension static final BrowserSession browser = new BrowserSession();

  @Test
  void offlineSiteFromDiskFindsTheSeedArticle(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("site");
    new SiteBuilder(Progress.quiet())
        .build(BundledContentTest.options().withOut(out).withOffline(true));
    ChromeDriver driver = browser.driver();
    driver.get(out.resolve("search/index.html").toUri() + "?q=JCPOA");
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(
            d ->
                !d.findElements(By.cssSelector("#search-results a[href*='6c84957aa5ccaf51']"))
                    .isEmpty());
    String href = driver.findElement(By.cssSelector("#search-results a")).getAttribute("href");
    assertTrue(
        href.startsWith("file:") && href.endsWith("articles/6c84957aa5ccaf51/index.html"), href);

    @SuppressWarnings("unchecked")
    Map<String, Object> browser =
        (Map<String, Object>)
            driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "window.broadsheet.search('JCPOA Vienna talks', {limit: 5}).then(done, e => done({error: String(e)}));");
    try (var dir = FSDirectory.open(out.resolve("search/lucene"));
        var reader = DirectoryReader.open(dir)) {
      var jvm =
          new ArchiveSearch(reader, "en").search(request("JCPOA Vienna talks").limit(5).build());
      assertEquals(jvm.total(), ((Number) browser.get("total")).longValue(), browser.toString());
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> hits = (List<Map<String, Object>>) browser.get("hits");
      assertEquals(
          jvm.hits().stream().map(SearchHit::id).toList(),
          hits.stream().map(h -> h.get("id")).toList());
      assertEquals(jvm.hits().get(0).score(), ((Number) hits.get(0).get("score")).floatValue());
    }

    driver.get(out.resolve("index.html").toUri().toString());
    driver.findElement(By.linkText("Archive")).click();
    assertTrue(driver.getCurrentUrl().endsWith("archive/index.html"), driver.getCurrentUrl());
    assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Archive"));
  }
}
