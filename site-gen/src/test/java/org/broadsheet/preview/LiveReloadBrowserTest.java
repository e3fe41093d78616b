package org.broadsheet.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.broadsheet.serve.BrowserSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The preview in headless Chromium, under the Content-Security-Policy it sends (no inline script):
 * the live-reload script still runs, reloads the page after an edit and shows the overlay.
 */
class LiveReloadBrowserTest {
  @RegisterExtension static final BrowserSession browser = new BrowserSession();

  @Test
  void liveReloadRunsUnderTheContentSecurityPolicy(@TempDir Path site) throws Exception {
    Files.createDirectories(site.resolve("content"));
    Files.writeString(site.resolve("content/story.md"), "---\ntitle: Story\n---\nFirst version");
    PrintStream terminal =
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (PreviewServer preview =
        PreviewServer.start(
            site, new FakeBuild(site, site.resolve("public")), "127.0.0.1", 0, terminal)) {
      ChromeDriver driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      wait.ignoring(
          WebDriverException.class); // the page reloads under the wait: stale or vanished nodes
      driver.get(preview.uri() + "articles/story/");
      wait.until(d -> preview.eventClients() == 1); // live.js ran and opened its event stream

      Files.writeString(site.resolve("content/story.md"), "---\ntitle: Story\n---\nSecond version");
      wait.until(d -> d.getPageSource().contains("Second version"));

      Files.writeString(site.resolve("content/story.md"), "title: Story\n---\nBroken");
      wait.until(d -> !d.findElements(By.id("broadsheet-preview-problems")).isEmpty());
      assertEquals(
          "alert", driver.findElement(By.id("broadsheet-preview-problems")).getAttribute("role"));
    }
  }
}
