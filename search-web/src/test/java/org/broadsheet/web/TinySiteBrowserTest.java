package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.broadsheet.content.Article;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Always on, no corpus needed: a six-article site searched in headless Chromium, http and file://.
 */
class TinySiteBrowserTest {
  @TempDir static Path tmp;
  static BrowserFixture fixture;
  static Path site;
  static ChromeDriver driver;
  static StaticServer server;

  static final List<Parity.Query> QUERIES =
      List.of(
          Parity.Query.of("oil"),
          Parity.Query.of("nuclear talks"),
          Parity.Query.of("\"central bank\""),
          Parity.Query.of("oil -opec"),
          Parity.Query.of("vienn*"),
          Parity.Query.of("markets"),
          Parity.Query.of("<script>alert(1)</script> oil"),
          Parity.Query.of("nothingmatchesthis"),
          new Parity.Query("oil", "energy", null, null, null, "relevance"),
          new Parity.Query("the", null, "business", null, null, "date"),
          new Parity.Query("talks", null, null, "2023-01-01", "2024-12-31", "date"),
          // four words: three must match (minimumNumberShouldMatch), which under a filter takes
          // WANDScorer
          new Parity.Query("oil prices markets opec", null, "business", null, null, "relevance"));

  static Article article(
      String id, String title, String body, String date, String section, List<String> tags) {
    return BrowserSite.article("en", id, title, body, date, section, tags);
  }

  static List<Article> articles() {
    return List.of(
        article(
            "a1",
            "Oil prices climb as OPEC trims output",
            "Oil prices rose on Monday after OPEC agreed to trim output; markets cheered.",
            "2024-03-01T10:00:00Z",
            "Business",
            List.of("energy", "opec")),
        article(
            "a2",
            "Nuclear talks resume in Vienna",
            "Diplomats said the nuclear talks in Vienna would resume next week & continue <carefully>.",
            "2023-06-12T08:00:00Z",
            "World",
            List.of("iran", "diplomacy")),
        article(
            "a3",
            "Central bank holds rates",
            "The central bank held interest rates steady; markets had expected the decision. Oil was flat.",
            "2022-11-20T12:00:00Z",
            "Business",
            List.of("rates")),
        article(
            "a4",
            "Crude oil shipments rise",
            "Shipments of crude oil from the Gulf rose, traders said, with no help from OPEC.",
            "2021-01-05T09:00:00Z",
            "Business",
            List.of("energy")),
        article(
            "a5",
            "Talks on trade stall",
            "Trade talks stalled again as both sides blamed the other. Café owners worried.",
            "2024-08-15T16:30:00Z",
            "World",
            List.of("trade")),
        article(
            "a6",
            "Markets in brief",
            "Stock markets closed higher; bond markets were quiet and oil slipped.",
            "2020-02-02T14:00:00Z",
            "Business",
            List.of("markets")));
  }

  @BeforeAll
  static void setUp() throws Exception {
    fixture = BrowserFixture.open(tmp, articles(), 4096);
    site = fixture.site;
    driver = fixture.driver;
    server = fixture.server;
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  private List<String> differences(String url, boolean exact) throws Exception {
    return fixture.differences(url, QUERIES, exact);
  }

  @Test
  void wasmOverHttpAnswersExactlyAsTheJvm() throws Exception {
    assertEquals(List.of(), differences(server.url("search/index.html"), true));
    assertEquals("wasm-gc", driver.executeScript("return window.broadsheet.runtime"));
  }

  @Test
  void wasmFromFileAnswersExactlyAsTheJvm() throws Exception {
    assertEquals(
        List.of(), differences(site.resolve("search/index.html").toUri().toString(), true));
    assertEquals("wasm-gc", driver.executeScript("return window.broadsheet.runtime"));
  }

  @Test
  void javascriptFallbackAnswersExactlyAsTheJvm() throws Exception {
    assertEquals(List.of(), differences(server.url("search/index.html?runtime=js"), true));
    assertEquals("js", driver.executeScript("return window.broadsheet.runtime"));
  }

  @Test
  void wasmServedWithoutItsMimeTypeStillAnswersExactlyAsTheJvm() throws Exception {
    try (StaticServer plain = StaticServer.withoutWasmType(site)) {
      assertEquals(List.of(), differences(plain.url("search/index.html"), true));
      assertEquals("wasm-gc", driver.executeScript("return window.broadsheet.runtime"));
    }
  }

  @Test
  void theSearchPageLoadsItsRuntimeAtOnceBeforeAnySearch() throws Exception {
    driver.get(server.url("search/index.html"));
    new WebDriverWait(driver, java.time.Duration.ofSeconds(30))
        .until(
            d ->
                "wasm-gc"
                    .equals(
                        driver.executeScript(
                            "return window.broadsheet && window.broadsheet.runtime")));
    assertEquals(0L, driver.executeScript("return window.broadsheet.stats.rounds"));
  }

  @Test
  void searchPageShowsEscapedResultsForTheQueryInTheAddress() throws Exception {
    driver.get(
        server.url(
            "search/index.html?q="
                + java.net.URLEncoder.encode("nuclear <b>x</b> talks", "UTF-8")));
    new WebDriverWait(driver, java.time.Duration.ofSeconds(30))
        .until(
            d ->
                !d.findElements(By.cssSelector("#search-results li")).isEmpty()
                    || d.findElement(By.id("search-status")).getText().startsWith("No results"));
    driver.get(server.url("search/index.html?q=vienna"));
    new WebDriverWait(driver, java.time.Duration.ofSeconds(30))
        .until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
    String html = driver.findElement(By.id("search-results")).getAttribute("innerHTML");
    assertTrue(html.contains("<mark>Vienna</mark>"), html);
    assertTrue(html.contains("&amp; continue &lt;carefully&gt;"), html);
    assertTrue(driver.findElement(By.id("search-status")).getText().startsWith("1 result"));
    assertTrue(driver.findElements(By.cssSelector("#search-facets button")).size() >= 3);
    Map<?, ?> stats = (Map<?, ?>) driver.executeScript("return window.broadsheet.stats");
    assertTrue(((Number) stats.get("requests")).intValue() > 0);
  }
}
