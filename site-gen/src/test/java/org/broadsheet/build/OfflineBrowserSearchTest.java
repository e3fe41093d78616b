package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The bundled sample site, built with --offline and opened from disk in headless Chromium, finds the
 * seed article for {@code JCPOA} with the browser runtime (search-web) over the site's search/pages.
 * Skipped with a warning where Chromium is missing, except on CI.
 */
class OfflineBrowserSearchTest {
  @TempDir Path tmp;

  @Test
  void offlineSiteFromDiskFindsTheSeedArticleForJcpoa() throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/chromium")) || !Files.isExecutable(Path.of("/usr/bin/chromedriver"))) {
      String message = "Chromium or chromedriver missing: apt-get install -y chromium chromium-driver";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      System.err.println("\n**********\n* WARNING: browser test SKIPPED. " + message + "\n**********\n");
      Assumptions.abort(message);
    }
    Path out = tmp.resolve("site");
    new SiteBuilder(Progress.quiet()).build(BuildOptions.of(BundledContentTest.REPO).withOut(out).withOffline(true));
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + tmp.resolve("profile"));
    ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
    try {
      driver.get(out.resolve("search/index.html").toUri() + "?q=JCPOA");
      new WebDriverWait(driver, Duration.ofSeconds(60))
          .until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
      String first = driver.findElement(By.cssSelector("#search-results li a")).getAttribute("href");
      assertTrue(first.contains("6c84957aa5ccaf51") && first.startsWith("file:"), first);
      assertTrue(driver.findElement(By.id("search-results")).getAttribute("innerHTML").contains("<mark>JCPOA</mark>"));
    } finally {
      driver.quit();
    }
  }
}
