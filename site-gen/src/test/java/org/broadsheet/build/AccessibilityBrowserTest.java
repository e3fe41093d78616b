package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.broadsheet.serve.ArchiveServer;
import org.broadsheet.serve.BrowserSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core finds no violation, of any impact, on every kind of page of the bundled site (front page
 * and its page 2, articles (also the German one and the Persian one, right to left), listings and
 * their indexes, the calendar archive, the search page showing results, the 404 page), in the light
 * and the dark colour scheme, in headless Chromium. The site is built once and served by {@code
 * broadsheet serve}.
 */
class AccessibilityBrowserTest {
  @RegisterExtension static final BrowserSession browser = new BrowserSession();

  /** Paths of every page kind; the search page is checked with its results shown. */
  static final List<String> PAGES =
      List.of(
          "",
          "page/2/",
          "articles/6c84957aa5ccaf51/",
          "articles/election-deepfakes-year/",
          "articles/hamburg-landstrom-terminal/",
          "articles/national-library-manuscripts-fa/",
          "tags/",
          "tags/jcpoa/",
          "sections/",
          "sections/world/",
          "authors/",
          "authors/mei-tanaka/",
          "sources/",
          "sources/mehr-news-agency/",
          "archive/",
          "archive/2024/",
          "archive/2024/06/",
          "search/?q=JCPOA",
          "no/such/page/");

  @TempDir static Path tmp;
  static ArchiveServer server;
  static ChromeDriver driver;

  @BeforeAll
  static void buildAndServe() throws Exception {
    Path out = tmp.resolve("site");
    // served at the root: the 404 page links from the base URL's path (its CSS too)
    new SiteBuilder(Progress.quiet())
        .build(BundledContentTest.options().withOut(out).withBaseUrl("https://example.org/"));
    for (String page : PAGES) {
      if (!page.contains("?") && !page.startsWith("no/")) {
        assertTrue(Files.exists(out.resolve(page).resolve("index.html")), page + " is built");
      }
    }
    driver = browser.driver();
    server = browser.serve(out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"light", "dark"})
  void everyPageKindHasNoAxeViolation(String scheme) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    List<String> found = new ArrayList<>();
    for (String page : PAGES) {
      driver.get(server.uri().resolve("/" + page).toString());
      assertEquals(
          scheme.equals("dark"),
          driver.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches"),
          "the page sees the " + scheme + " scheme");
      if (page.startsWith("search/")) {
        new WebDriverWait(driver, Duration.ofSeconds(90))
            .until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
      }
      Results results = new AxeBuilder().analyze(driver);
      assertTrue(results.getErrorMessage() == null, page + ": " + results.getErrorMessage());
      for (Rule rule : results.getViolations()) {
        StringBuilder line =
            new StringBuilder("/" + page + " (" + scheme + "): " + rule.getId())
                .append(" [")
                .append(rule.getImpact())
                .append("] ")
                .append(rule.getHelp());
        for (CheckedNode node : rule.getNodes().stream().limit(3).toList()) {
          line.append("\n    ").append(node.getTarget()).append(" ").append(node.getHtml());
        }
        found.add(line.toString());
      }
    }
    assertEquals(List.of(), found, String.join("\n", found));
  }
}
