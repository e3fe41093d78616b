package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.broadsheet.render.ContentPolicy;
import org.broadsheet.serve.ArchiveServer;
import org.broadsheet.serve.BrowserSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Built pages carry the Content-Security-Policy in a meta element (static hosts send no headers):
 * the Lucene runtime still loads and searches, WasmGC and JavaScript, over http and from file://,
 * while an inline script, an inline event handler or a javascript: link put into a page do not run.
 */
class ContentPolicyBrowserTest {
  /** Chromium starts with the first test that asks for it (the pages' policy check needs none). */
  @RegisterExtension static final BrowserSession browser = new BrowserSession();

  static final String SITE =
      """
      -- site.yaml --
      title: Policy Gazette
      baseUrl: https://news.example/
      -- content/vienna.md --
      ---
      title: Vienna talks resume
      date: 2024-03-01
      ---
      Negotiators met in Vienna to revive the nuclear agreement.
      -- content/harvest.md --
      ---
      title: Wheat harvest beats forecasts
      date: 2024-02-01
      ---
      Farmers brought in a record wheat harvest.
      """;
  static final String META = meta(ContentPolicy.META);

  /** Each sets the title if it runs. */
  static final String INJECTED =
      "<script>document.title = 'inline script ran'</script>"
          + "<img src=\"nowhere.png\" onerror=\"document.title = 'inline handler ran'\">"
          + "<a id=\"js-link\" href=\"javascript:void(document.title = 'javascript: link ran')\">x</a>";

  static String meta(String policy) {
    return "<meta http-equiv=\"Content-Security-Policy\" content=\""
        + policy.replace("'", "&#39;")
        + "\">";
  }

  @TempDir static Path tmp;
  static Path online;
  static Path offline;
  static ArchiveServer server;

  @BeforeAll
  static void build() throws Exception {
    Path source = SiteFixture.write(tmp.resolve("source"), SITE);
    online = tmp.resolve("online");
    offline = tmp.resolve("offline");
    new SiteBuilder(Progress.quiet()).build(BuildOptions.of(source).withOut(online));
    new SiteBuilder(Progress.quiet())
        .build(BuildOptions.of(source).withOut(offline).withOffline(true));
  }

  private static String http(String path) throws Exception {
    if (server == null) {
      server = browser.serve(online);
    }
    return server.uri().resolve("/" + path).toString();
  }

  @Test
  void everyHtmlPageCarriesThePolicyBeforeAnythingItGoverns() throws Exception {
    try (Stream<Path> files = Files.walk(online)) {
      List<Path> pages = files.filter(p -> p.toString().endsWith(".html")).toList();
      assertTrue(pages.size() > 10, pages.toString());
      for (Path page : pages) {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        int meta = html.indexOf(META);
        assertTrue(meta > 0, "no policy in " + page);
        assertEquals(
            meta,
            html.indexOf("<meta http-equiv=\"Content-Security-Policy\""),
            "one policy: " + page);
        assertTrue(
            meta < html.indexOf("<link") && meta < html.indexOf("<script"),
            "the policy comes first: " + page);
      }
    }
    assertEquals(
        "script-src 'self' 'wasm-unsafe-eval'",
        scripts(ContentPolicy.META),
        "no eval, no inline script, the search page included");
  }

  private static String scripts(String policy) {
    return java.util.Arrays.stream(policy.split(";"))
        .map(String::strip)
        .filter(d -> d.startsWith("script-src"))
        .findFirst()
        .orElseThrow();
  }

  /**
   * The search page finds the Vienna article: through its form with WasmGC, through the API with
   * JavaScript; its engine runs where expected ({@code worker} over http: a worker started under
   * the page's policy, and under the server's header; {@code page} from disk).
   */
  private void searchFinds(String searchPage, String engine) throws InterruptedException {
    ChromeDriver d = browser.driver();
    d.get(searchPage + "?q=vienna");
    new WebDriverWait(d, Duration.ofSeconds(90))
        .until(
            x ->
                !x.findElements(By.cssSelector("#search-results a[href*='articles/vienna']"))
                    .isEmpty());
    assertEquals("wasm-gc", d.executeScript("return window.broadsheet.runtime"));
    assertEquals(engine, d.executeScript("return window.broadsheet.engine"));
    browser.openSearchPage(searchPage + "?runtime=js");
    Object hits =
        d.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "window.broadsheet.search('vienna').then(r => done(r.hits.map(h => h.id).join()), e => done(String(e)));");
    assertEquals("vienna", hits);
    assertEquals("js", d.executeScript("return window.broadsheet.runtime"));
    assertEquals(engine, d.executeScript("return window.broadsheet.engine"));
  }

  @Test
  void searchRunsUnderThePolicyOverHttp() throws Exception {
    searchFinds(http("search/index.html"), "worker");
  }

  @Test
  void aSearchBoxOnAnotherPageFetchesTheRuntimeAheadWithoutBreakingItsPolicy() throws Exception {
    ChromeDriver d = browser.driver();
    d.get(http("articles/vienna/"));
    d.executeScript(
        "window.__violations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));");
    d.findElement(By.id("site-search-q")).click();
    new WebDriverWait(d, Duration.ofSeconds(30))
        .until(
            x ->
                (Boolean)
                    d.executeScript(
                        "return performance.getEntriesByType('resource').some(r => r.name.endsWith('/search/runtime/search.wasm'))"));
    assertEquals(List.of(), d.executeScript("return window.__violations"));
  }

  @Test
  void thePointerNearingASearchBoxFetchesTheRuntimeBeforeTheBoxIsFocused() throws Exception {
    ChromeDriver d = browser.driver();
    d.get(http("articles/vienna/"));
    String fetched =
        "return performance.getEntriesByType('resource').some(r => r.name.endsWith('/search/runtime/search.wasm'))";
    Thread.sleep(500);
    assertEquals(false, d.executeScript(fetched), "nothing is fetched before the pointer moves");
    WebElement box = d.findElement(By.id("site-search-q"));
    new Actions(d).moveToElement(box, 0, box.getSize().getHeight() / 2 + 40).perform();
    new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> (Boolean) d.executeScript(fetched));
    assertNotEquals(box, d.switchTo().activeElement());
  }

  @Test
  void searchRunsUnderThePolicyFromDisk() throws Exception {
    searchFinds(offline.resolve("search/index.html").toUri().toString(), "page");
  }

  /** The title after loading {@code page} with the injected script, handler and link (clicked). */
  private String titleWithInjectedScript(String url) throws Exception {
    ChromeDriver d = browser.driver();
    d.get(url);
    d.findElement(By.id("js-link")).click();
    Thread.sleep(300);
    return d.getTitle();
  }

  private static String inject(Path site, String page, String name, boolean withPolicy)
      throws Exception {
    String html = Files.readString(site.resolve(page), StandardCharsets.UTF_8);
    if (!withPolicy) {
      html = html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
    }
    html = html.replaceFirst("(<body[^>]*>)", "$1" + Matcher.quoteReplacement(INJECTED));
    Path injected = site.resolve(page).resolveSibling(name);
    Files.writeString(injected, html, StandardCharsets.UTF_8);
    return site.relativize(injected).toString();
  }

  @Test
  void inlineScriptPutIntoAPageDoesNotRun() throws Exception {
    for (String page : List.of("index.html", "articles/vienna/index.html", "search/index.html")) {
      String title =
          Files.readString(online.resolve(page)).replaceAll("(?s).*<title>([^<]*)</title>.*", "$1");
      String injected = inject(online, page, "injected.html", true);
      assertEquals(title, titleWithInjectedScript(http(injected)), page);
      injected = inject(offline, page, "injected.html", true);
      assertEquals(
          title, titleWithInjectedScript(offline.resolve(injected).toUri().toString()), page);
    }
  }

  @Test
  void withoutThePolicyTheSameInjectionRuns() throws Exception {
    // the control: the test above would notice a script that ran
    String injected = inject(offline, "index.html", "unprotected.html", false);
    String title = titleWithInjectedScript(offline.resolve(injected).toUri().toString());
    assertTrue(title.endsWith(" ran"), title);
  }
}
