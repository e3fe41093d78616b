package org.broadsheet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.broadsheet.write.OutputGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output on a Hadoop file system: what may be replaced, and the swap at the end. */
class SiteOutputTest {
  private final Configuration conf = new Configuration();

  @Test
  void aFolderThatNoBuildWroteIsNeverReplaced(@TempDir Path dir) throws IOException {
    Path source = Files.createDirectories(dir.resolve("site/content"));
    Path out = Files.createDirectories(dir.resolve("photos"));
    Files.writeString(out.resolve("holiday.jpg"), "not a site");
    IOException e =
        assertThrows(
            IOException.class,
            () -> SiteOutput.check(out.toUri(), source.getParent().toUri(), "b1", conf));
    assertTrue(e.getMessage().contains("no Broadsheet build wrote it"), e.getMessage());
    assertTrue(Files.exists(out.resolve("holiday.jpg")));
  }

  @Test
  void theSourceOrAFolderHoldingItIsRefused(@TempDir Path dir) throws IOException {
    Path site = Files.createDirectories(dir.resolve("site"));
    Files.createDirectories(site.resolve("content"));
    assertThrows(IOException.class, () -> SiteOutput.check(site.toUri(), site.toUri(), "b", conf));
    assertThrows(IOException.class, () -> SiteOutput.check(dir.toUri(), site.toUri(), "b", conf));
    assertThrows(
        IOException.class,
        () -> SiteOutput.check(site.resolve("content/x").toUri(), site.toUri(), "b", conf));
  }

  @Test
  void theStagingFolderReplacesTheLastSiteAtTheCommit(@TempDir Path dir) throws IOException {
    Path site = Files.createDirectories(dir.resolve("site"));
    Path out = Files.createDirectories(dir.resolve("public"));
    Files.writeString(out.resolve(OutputGuard.MARKER), "Broadsheet built this site.\n");
    Files.writeString(out.resolve("old.html"), "old");
    SiteOutput output = SiteOutput.check(out.toUri(), site.toUri(), "b2", conf);
    Path staging = Path.of(output.staging());
    Files.createDirectories(staging);
    Files.writeString(staging.resolve("index.html"), "new");
    Files.createDirectories(Path.of(SiteOutput.partIndex(output.work(), 0)));
    output.commit();
    assertEquals("new", Files.readString(out.resolve("index.html")));
    assertFalse(Files.exists(out.resolve("old.html")));
    try (var left = Files.list(dir)) {
      assertEquals(
          java.util.List.of("public", "site"),
          left.map(p -> p.getFileName().toString()).sorted().toList(),
          "no staging, work or old folder left");
    }
  }
}
