package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.broadsheet.serve.ArchiveServer;
import org.broadsheet.serve.BrowserSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in headless Chromium, served over http: active filters as chips that remove them,
 * a "no results" that names the filters and clears them, the hits-per-year chart whose bars filter
 * to their year (by pointer and keyboard), dates written as the site writes them, and on a phone
 * the results first with the filters folded away. What it finds is Lucene's (the parity tests hold
 * that); here the page around it.
 */
class SearchPageBrowserTest {
  @RegisterExtension static final BrowserSession browser = new BrowserSession();

  private static final String ARTICLES =
      """
      -- content/a2016.md --
      ---
      title: Savings bank opens in the old town
      date: 2016-01-02T10:00:00Z
      tags: [local]
      section: business
      ---
      A savings bank opened its first branch.
      -- content/a2019.md --
      ---
      title: Central bank holds rates
      date: 2019-03-21T10:00:00Z
      tags: [economy]
      section: business
      ---
      The bank left rates unchanged.
      -- content/a2021a.md --
      ---
      title: Central bank buys bonds
      date: 2021-05-06T10:00:00Z
      tags: [economy]
      section: business
      ---
      The bank bought bonds again.
      -- content/a2021b.md --
      ---
      title: River bursts its bank
      date: 2021-08-10T10:00:00Z
      tags: [weather]
      section: world
      ---
      The river flooded the bank and the fields.
      -- content/a2024.md --
      ---
      title: Central bank cuts rates
      date: 2024-06-06T10:00:00Z
      tags: [economy]
      section: business
      ---
      The bank cut rates for the first time.
      """;

  @TempDir static Path tmp;
  static ArchiveServer english;
  static ArchiveServer german;
  static ChromeDriver driver;

  @BeforeAll
  static void build() throws Exception {
    english = serve("en", "English");
    german = serve("de", "Deutsch");
    driver = browser.driver();
  }

  private static ArchiveServer serve(String language, String name) throws Exception {
    Path site =
        SiteFixture.write(
            tmp.resolve(name),
            "-- site.yaml --\ntitle: Gazette\nbaseUrl: https://news.example/\nlanguage: "
                + language
                + "\n"
                + ARTICLES);
    new SiteBuilder(Progress.quiet()).build(SiteBuilderTest.options(site));
    return browser.serve(site.resolve("public"));
  }

  @BeforeEach
  void desktop() {
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  private static void open(ArchiveServer server, String query) {
    driver.get(server.uri().resolve("/search/" + query).toString());
  }

  private static String status() {
    return driver.findElement(By.id("search-status")).getText();
  }

  private static void waitForStatus(String start) {
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(
            d ->
                status().startsWith(start)
                    && d.findElement(By.id("search-app")).getAttribute("aria-busy") == null);
  }

  private static List<WebElement> chips() {
    return driver.findElements(By.cssSelector("#search-chips button.chip"));
  }

  @Test
  void activeFiltersShowAsChipsThatRemoveThem() {
    open(english, "?q=bank&tag=economy");
    waitForStatus("3 results");
    assertEquals(1, chips().size());
    assertEquals("Tag: economy×", chips().get(0).getAttribute("textContent"));
    assertEquals("Remove filter Tag: economy", chips().get(0).getAttribute("aria-label"));
    assertEquals("(1 on)", driver.findElement(By.id("search-filter-count")).getText());
    chips().get(0).click();
    waitForStatus("5 results");
    assertTrue(chips().isEmpty());
    assertFalse(driver.getCurrentUrl().contains("tag="), driver.getCurrentUrl());
    assertEquals("", driver.findElement(By.id("search-filter-count")).getText());
  }

  @Test
  void noResultsNamesTheActiveFiltersAndOffersToClearThem() {
    open(english, "?q=river&tag=economy&year=2024");
    waitForStatus("No results");
    assertEquals("No results for “river” with Tag: economy, Year: 2024.", status());
    driver.findElement(By.id("search-clear")).click();
    waitForStatus("1 result");
    assertTrue(chips().isEmpty());
    assertTrue(driver.findElements(By.id("search-clear")).isEmpty());
    assertEquals(
        "River bursts its bank", driver.findElement(By.cssSelector(".search-hit a")).getText());
  }

  @Test
  void aBarOfTheYearChartFiltersToItsYearAndTheChartKeepsEveryYear() {
    open(english, "?q=bank");
    waitForStatus("5 results");
    List<WebElement> bars = driver.findElements(By.cssSelector("#search-years g.year-bar"));
    assertEquals(
        List.of("2016", "2019", "2021", "2024"),
        bars.stream().map(b -> b.getAttribute("data-year")).toList(),
        "a bar per year with hits; the years between are gaps");
    WebElement bar2021 = bars.get(2);
    assertEquals("2021: 2 results. Show only 2021.", bar2021.getAttribute("aria-label"));
    assertEquals("0", bar2021.getAttribute("tabindex"));
    bar2021.click();
    waitForStatus("2 results");
    assertTrue(driver.getCurrentUrl().contains("year=2021"), driver.getCurrentUrl());
    for (WebElement t : driver.findElements(By.cssSelector("#search-results time"))) {
      assertTrue(t.getAttribute("datetime").startsWith("2021-"), t.getAttribute("datetime"));
    }
    bars = driver.findElements(By.cssSelector("#search-years g.year-bar"));
    assertEquals(4, bars.size(), "every year stays in the chart while one is chosen");
    WebElement chosen =
        driver.findElement(By.cssSelector("#search-years g.year-bar[data-year='2021']"));
    assertEquals("true", chosen.getAttribute("aria-pressed"));
    assertEquals(chosen, driver.switchTo().activeElement(), "the chosen bar keeps the focus");
    assertEquals("Year: 2021×", chips().get(0).getAttribute("textContent"));

    driver.switchTo().activeElement().sendKeys(Keys.ENTER); // the keyboard: all years again
    waitForStatus("5 results");
    assertTrue(chips().isEmpty());
    driver.switchTo().activeElement().sendKeys(Keys.TAB); // from 2021 to the 2024 bar
    assertEquals("2024", driver.switchTo().activeElement().getAttribute("data-year"));
    driver.switchTo().activeElement().sendKeys(" ");
    waitForStatus("1 result");
    assertTrue(driver.getCurrentUrl().contains("year=2024"), driver.getCurrentUrl());
  }

  @Test
  void resultDatesAreWrittenAsTheSitesPagesWriteThemAndDoNotWrap() {
    open(english, "?q=bank&sort=date");
    waitForStatus("5 results");
    WebElement first = driver.findElement(By.cssSelector("#search-results time"));
    assertEquals("6 June 2024", first.getText());
    assertEquals("nowrap", first.getCssValue("white-space"));

    open(german, "?q=bank&sort=date");
    waitForStatus("5 Ergebnisse");
    assertEquals(
        "6. Juni 2024", driver.findElement(By.cssSelector("#search-results time")).getText());
    open(german, "?q=bank&tag=nichts");
    waitForStatus("Keine Ergebnisse");
    assertEquals("Keine Ergebnisse für „bank“ mit Schlagwort: nichts.", status());
    assertEquals("Filter entfernen", driver.findElement(By.id("search-clear")).getText());
  }

  @Test
  void onAPhoneTheResultsComeFirstAndTheFiltersFoldAway() {
    driver.manage().window().setSize(new Dimension(412, 915));
    open(english, "?q=bank");
    waitForStatus("5 results");
    WebElement filters = driver.findElement(By.id("search-filters"));
    assertEquals(null, filters.getAttribute("open"), "a closed panel");
    assertFalse(driver.findElement(By.cssSelector("#search-facets button")).isDisplayed());
    long top =
        (Long)
            driver.executeScript(
                "return Math.round(document.querySelector('.search-hit').getBoundingClientRect().top)");
    long height = (Long) driver.executeScript("return window.innerHeight");
    assertTrue(top < height * 2 / 3, "the first result starts at " + top + " px of " + height);
    WebElement skip = driver.findElement(By.cssSelector("a.skip-results"));
    assertEquals("#search-main", skip.getAttribute("hash"));
  }

  @Test
  void anEmptyBoxShowsAHintAndTheButtonSearches() {
    open(english, "");
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> status().equals("Type a word or two to search the archive."));
    assertTrue(driver.findElement(By.id("search-hint")).isDisplayed());
    driver.executeScript("document.getElementById('search-q').value = 'rates'"); // no input event
    driver.findElement(By.id("search-submit")).click();
    waitForStatus("2 results");
    assertTrue(driver.getCurrentUrl().contains("q=rates"), driver.getCurrentUrl());
  }
}
