package org.broadsheet.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckAndPackMojoTest {
  static CheckMojo check(Path project, RecordingLog log) {
    return Sites.goal(new CheckMojo(), project, log);
  }

  static PackMojo pack(Path project, RecordingLog log) {
    PackMojo mojo = Sites.goal(new PackMojo(), project, log);
    mojo.archive = project.resolve("target/site.zip").toFile();
    return mojo;
  }

  @Test
  void checkFailsOnAnErrorAndWritesNothing(@TempDir Path dir) throws Exception {
    Sites.write(dir, "content/good.md", Sites.GOOD, "content/bad.md", Sites.BROKEN);
    RecordingLog log = new RecordingLog();
    MojoFailureException e = assertThrows(MojoFailureException.class, check(dir, log)::execute);
    assertTrue(e.getMessage().contains("the first: content/bad.md:3:"), e.getMessage());
    assertTrue(log.text().contains("info checked 1 article"), log.text());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "only content/ is there");
    }
  }

  @Test
  void checkPassesWarningsUnlessStrict(@TempDir Path dir) throws Exception {
    Sites.write(dir, "content/warns.md", Sites.WARNS);
    RecordingLog log = new RecordingLog();
    check(dir, log).execute();
    assertTrue(log.text().contains("warn content/warns.md:5:1: warning:"), log.text());

    CheckMojo strict = check(dir, new RecordingLog());
    strict.strict = true;
    assertThrows(MojoFailureException.class, strict::execute);
  }

  @Test
  void notesShowWithVerboseElseOnlyInMavensDebugLog(@TempDir Path dir) throws Exception {
    Sites.write(dir, "content/good.md", Sites.GOOD, "content/draft.md", Sites.DRAFT);
    RecordingLog quiet = new RecordingLog(false);
    check(dir, quiet).execute();
    assertFalse(quiet.text().contains("note:"), quiet.text());

    RecordingLog debug = new RecordingLog(true);
    check(dir, debug).execute();
    assertTrue(debug.lines.stream().anyMatch(l -> l.startsWith("debug content/draft.md")));

    RecordingLog verbose = new RecordingLog(false);
    CheckMojo mojo = check(dir, verbose);
    mojo.verbose = true;
    mojo.execute();
    assertTrue(
        verbose.lines.stream().anyMatch(l -> l.startsWith("info content/draft.md")),
        verbose.text());
  }

  @Test
  void packWritesTheOfflineSiteIntoOneZip(@TempDir Path dir) throws Exception {
    Sites.write(dir, "content/good.md", Sites.GOOD);
    RecordingLog log = new RecordingLog();
    pack(dir, log).execute();
    try (ZipFile zip = new ZipFile(dir.resolve("target/site.zip").toFile())) {
      assertTrue(zip.getEntry("articles/good/index.html") != null);
      assertTrue(zip.stream().anyMatch(e -> e.getName().startsWith("search/lucene/segments_")));
      assertTrue(zip.stream().anyMatch(e -> e.getName().startsWith("search/offline/")));
    }
    assertTrue(log.text().contains("info packed 1 article"), log.text());
  }

  @Test
  void packRefusesToReplaceAFileThatIsNotAZipUnlessForced(@TempDir Path dir) throws Exception {
    Sites.write(dir, "content/good.md", Sites.GOOD, "target/site.zip", "not a zip");
    PackMojo mojo = pack(dir, new RecordingLog());
    assertThrows(MojoExecutionException.class, mojo::execute);
    assertEquals("not a zip", Files.readString(dir.resolve("target/site.zip")));
    mojo.force = true;
    mojo.execute();
    try (ZipFile zip = new ZipFile(dir.resolve("target/site.zip").toFile())) {
      assertTrue(zip.getEntry("index.html") != null);
    }
  }
}
