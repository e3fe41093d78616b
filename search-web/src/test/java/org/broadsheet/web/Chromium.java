package org.broadsheet.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and chromedriver for browser tests. Where they are missing the tests
 * are skipped with a loud warning, except on CI ({@code CI=true}), where that is a failure.
 */
public final class Chromium {
  static final String BROWSER = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";

  private Chromium() {}

  public static ChromeDriver start(Path profile) {
    return start(profile, false);
  }

  /**
   * {@code testCertificates}: accept the self-signed certificate of a test server (HTTP/2 needs
   * TLS).
   */
  public static ChromeDriver start(Path profile, boolean testCertificates) {
    boolean present = Files.isExecutable(Path.of(BROWSER)) && Files.isExecutable(Path.of(DRIVER));
    if (!present) {
      String message =
          "Chromium or chromedriver missing ("
              + BROWSER
              + ", "
              + DRIVER
              + "): install with `apt-get install -y chromium chromium-driver`";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      System.err.println(
          "\n**********\n* WARNING: browser tests SKIPPED. " + message + "\n**********\n");
      Assumptions.abort(message);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--allow-file-access-from-files=false",
        "--user-data-dir=" + profile);
    if (testCertificates) {
      options.addArguments("--ignore-certificate-errors");
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
    return driver;
  }

  /**
   * Loads {@code url} and waits until search.js has set {@code window.broadsheet}, as {@link
   * #open}.
   */
  public static void openSearchPage(ChromeDriver driver, String url, Supplier<Object> served)
      throws InterruptedException {
    open(driver, url, "window.broadsheet", served);
  }

  /**
   * Loads {@code url} and waits until the page has loaded and its script has set {@code ready} (a
   * JavaScript expression). Navigation can return before the new page's scripts have run (seen on
   * loaded CI machines); a page where they never do within 30 s fails with where the page got to
   * and {@code served}, what the server saw.
   */
  public static void open(ChromeDriver driver, String url, String ready, Supplier<Object> served)
      throws InterruptedException {
    driver.get(url);
    long deadline = System.nanoTime() + 30_000_000_000L;
    String probe = "return document.readyState === 'complete' && !!" + ready;
    while (!Boolean.TRUE.equals(driver.executeScript(probe))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the page's script never set "
                + ready
                + " on "
                + url
                + ": page "
                + driver.executeScript("return location.href + ' ' + document.readyState")
                + ", served "
                + served.get());
      }
      Thread.sleep(20);
    }
  }
}
