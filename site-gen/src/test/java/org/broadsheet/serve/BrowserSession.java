package org.broadsheet.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;
import org.broadsheet.web.Chromium;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One headless Chromium for a browser test class, and the built sites it visits over http:
 *
 * <pre>{@code
 * @RegisterExtension static final BrowserSession browser = new BrowserSession();
 * ...
 * ArchiveServer server = browser.serve(out);
 * browser.openSearchPage(server.uri().resolve("/search/").toString());
 * }</pre>
 *
 * <p>The browser starts on the first call of {@link #driver()}, through {@link Chromium#start}:
 * where Chromium is missing, the test that asks (the whole class, when asked from
 * {@code @BeforeAll}) is skipped with a loud warning, and under {@code CI=true} fails. After the
 * class the browser quits, the servers stop and the browser's profile folder is deleted.
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback {
  private final Deque<AutoCloseable> servers = new ArrayDeque<>();
  private boolean registered;
  private Path profile;
  private ChromeDriver driver;

  @Override
  public void beforeAll(ExtensionContext context) {
    registered = true;
  }

  /** The browser, started on the first call. */
  public ChromeDriver driver() {
    if (!registered) {
      // registered per test, it would never be told to quit
      throw new IllegalStateException(
          "BrowserSession must be a static @RegisterExtension field of the test class");
    }
    if (driver == null) {
      try {
        profile = Files.createTempDirectory("broadsheet-chromium-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      driver = Chromium.start(profile);
    }
    return driver;
  }

  /**
   * Loads a search page in the browser and waits until its script has set {@code
   * window.broadsheet}: {@code driver().get} can return before it has.
   */
  public ChromeDriver openSearchPage(String url) throws InterruptedException {
    ChromeDriver d = driver();
    Chromium.openSearchPage(d, url, () -> "(the server keeps no log)");
    return d;
  }

  /** Serves the built {@code site} (a folder or a zip) on a free port of 127.0.0.1. */
  public ArchiveServer serve(Path site) throws IOException {
    ArchiveServer server = ArchiveServer.start(site, "127.0.0.1", 0);
    servers.push(server);
    return server;
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    Exception failure = null;
    if (driver != null) {
      try {
        driver.quit();
      } catch (RuntimeException e) {
        failure = e;
      }
      driver = null;
    }
    while (!servers.isEmpty()) {
      try {
        servers.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (profile != null) {
      deleteQuietly(profile); // Chromium's own temporary files; what is left goes with /tmp
      profile = null;
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a file Chromium was still closing: the folder stays in the temporary folder
    }
  }
}
