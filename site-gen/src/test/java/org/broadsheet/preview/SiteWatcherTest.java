package org.broadsheet.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWatcherTest {
  @TempDir Path site;
  private final BlockingQueue<SiteWatcher.Change> changes = new LinkedBlockingQueue<>();
  private SiteWatcher watcher;

  @BeforeEach
  void start() throws Exception {
    Files.createDirectories(site.resolve("content/2024"));
    Files.writeString(site.resolve("content/2024/a.md"), "a");
    Files.writeString(site.resolve("site.yaml"), "title: T\n");
    watcher = new SiteWatcher(site, Duration.ofMillis(150), changes::add).start();
  }

  @AfterEach
  void stop() throws Exception {
    watcher.close();
  }

  private SiteWatcher.Change next() throws InterruptedException {
    SiteWatcher.Change change = changes.poll(10, TimeUnit.SECONDS);
    assertTrue(change != null, "no change reported");
    return change;
  }

  @Test
  void coalescesRapidSavesIntoOneChange() throws Exception {
    for (int i = 0; i < 20; i++) {
      Files.writeString(site.resolve("content/2024/a.md"), "edit " + i);
      Thread.sleep(5);
    }
    assertTrue(next().paths().contains(Path.of("content/2024/a.md")));
    assertNull(changes.poll(600, TimeUnit.MILLISECONDS), "one burst, one change");
  }

  @Test
  void watchesFoldersCreatedLaterAndTheFilesInThem() throws Exception {
    Files.createDirectories(site.resolve("content/2025/06"));
    Files.writeString(site.resolve("content/2025/06/b.md"), "b");
    SiteWatcher.Change first = next();
    Thread.sleep(300);
    changes.clear();
    Files.writeString(site.resolve("content/2025/06/b.md"), "b, edited");
    assertTrue(next().paths().contains(Path.of("content/2025/06/b.md")), first.toString());
  }

  @Test
  void reportsDeletesRenamesAndSiteYaml() throws Exception {
    Files.move(site.resolve("content/2024/a.md"), site.resolve("content/2024/renamed.md"));
    SiteWatcher.Change rename = next();
    assertTrue(rename.paths().contains(Path.of("content/2024/a.md")));
    assertTrue(rename.paths().contains(Path.of("content/2024/renamed.md")));
    Files.delete(site.resolve("content/2024/renamed.md"));
    assertTrue(next().paths().contains(Path.of("content/2024/renamed.md")));
    Files.writeString(site.resolve("site.yaml"), "title: U\n");
    assertEquals(java.util.Set.of(Path.of("site.yaml")), next().paths());
  }

  @Test
  void ignoresEditorFilesAndOtherFolders() throws Exception {
    Files.writeString(site.resolve("content/2024/.a.md.swp"), "x");
    Files.writeString(site.resolve("content/2024/a.md~"), "x");
    Files.createDirectories(site.resolve("public"));
    Files.writeString(site.resolve("public/index.html"), "x");
    assertNull(changes.poll(600, TimeUnit.MILLISECONDS));
  }
}
