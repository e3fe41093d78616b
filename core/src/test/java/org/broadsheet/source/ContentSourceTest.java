package org.broadsheet.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSourceTest {
  @TempDir Path site;

  private Path write(String relative) throws IOException {
    Path file = site.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "text of " + relative);
  }

  private List<String> load(Diagnostics diagnostics) {
    return ContentSource.load(site, site.resolve("content"), diagnostics).stream()
        .map(SourceFile::relativePath)
        .toList();
  }

  private static Diagnostic only(Diagnostics diagnostics) {
    List<Diagnostic> all = diagnostics.snapshot();
    assertEquals(1, all.size(), () -> "one diagnostic expected: " + all);
    return all.get(0);
  }

  @Test
  void loadsRegularFilesInPathOrderAndSkipsHiddenOnes() throws IOException {
    write("content/b.md");
    write("content/a/x.txt");
    write("content/.git/config");
    write("content/.hidden.md");
    Diagnostics d = new Diagnostics();
    assertEquals(List.of("content/a/x.txt", "content/b.md"), load(d));
    assertEquals(List.of(), d.snapshot());
  }

  @Test
  void followsASymlinkedContentFolder(@TempDir Path elsewhere) throws IOException {
    Files.createDirectories(elsewhere.resolve("2024"));
    Files.writeString(elsewhere.resolve("2024/a.md"), "a");
    Files.createSymbolicLink(site.resolve("content"), elsewhere);
    Diagnostics d = new Diagnostics();
    List<SourceFile> files = ContentSource.load(site, site.resolve("content"), d);
    assertEquals(
        List.of("content/2024/a.md"), files.stream().map(SourceFile::relativePath).toList());
    assertEquals("a", Files.readString(files.get(0).file()));
    assertEquals(List.of(), d.snapshot());
  }

  @Test
  void followsSymlinkedFilesAndFoldersWhoseTargetsLieInTheSite() throws IOException {
    write("content/real.md");
    write("shared/outside.md");
    write("shared/wire/w.txt");
    Files.createSymbolicLink(site.resolve("content/linked.md"), site.resolve("shared/outside.md"));
    Files.createSymbolicLink(site.resolve("content/wire"), site.resolve("shared/wire"));
    Diagnostics d = new Diagnostics();
    assertEquals(List.of("content/linked.md", "content/real.md", "content/wire/w.txt"), load(d));
    assertEquals(List.of(), d.snapshot());
  }

  @Test
  void refusesLinksThatLeadOutOfTheSiteWithAWarningNamingThem(@TempDir Path elsewhere)
      throws IOException {
    write("content/real.md");
    Files.writeString(elsewhere.resolve("id_rsa"), "private");
    Files.createDirectories(elsewhere.resolve("home"));
    Files.writeString(elsewhere.resolve("home/notes.md"), "private");
    Files.createSymbolicLink(site.resolve("content/story.txt"), elsewhere.resolve("id_rsa"));
    Files.createSymbolicLink(site.resolve("content/home"), elsewhere.resolve("home"));
    Diagnostics d = new Diagnostics();
    assertEquals(List.of("content/real.md"), load(d));
    List<Diagnostic> all = d.snapshot();
    assertEquals(2, all.size(), () -> all.toString());
    assertTrue(
        all.stream()
            .allMatch(
                x -> x.severity() == Severity.WARNING && x.message().contains("outside the site")),
        () -> all.toString());
    assertEquals(
        List.of("content/home", "content/story.txt"),
        all.stream().map(Diagnostic::path).sorted().toList());
  }

  @Test
  void reportsABrokenLinkAsAWarningWithItsPathAndLoadsTheRest() throws IOException {
    write("content/a.md");
    Files.createSymbolicLink(site.resolve("content/gone.md"), site.resolve("nowhere.md"));
    Diagnostics d = new Diagnostics();
    assertEquals(List.of("content/a.md"), load(d));
    Diagnostic w = only(d);
    assertEquals(Severity.WARNING, w.severity());
    assertEquals("content/gone.md", w.path());
    assertTrue(
        w.message().contains("broken symbolic link") && w.message().contains("nowhere.md"),
        w.message());
  }

  @Test
  void reportsALinkLoopAsAWarningWithItsPathAndLoadsTheRest() throws IOException {
    write("content/a/b.md");
    Files.createSymbolicLink(site.resolve("content/a/loop"), site.resolve("content"));
    Diagnostics d = new Diagnostics();
    assertEquals(List.of("content/a/b.md"), load(d));
    Diagnostic w = only(d);
    assertEquals(Severity.WARNING, w.severity());
    assertEquals("content/a/loop", w.path());
    assertTrue(w.message().contains("symbolic link loop"), w.message());
  }

  @Test
  void reportsABrokenContentLinkInsteadOfBuildingNothingInSilence() throws IOException {
    Files.createSymbolicLink(site.resolve("content"), site.resolve("moved-away"));
    Diagnostics d = new Diagnostics();
    assertEquals(List.of(), load(d));
    Diagnostic w = only(d);
    assertEquals("content", w.path());
    assertTrue(w.message().contains("broken symbolic link"), w.message());
  }

  /**
   * An unreadable folder, simulated: the walk is real, but the walker is told that one folder
   * failed to open with the exception the JDK raises for a folder without read permission. (Tests
   * here may run as root, for whom chmod 000 stops nothing; the next test does it for real.)
   */
  @Test
  void anUnreadableFolderIsAnErrorWithPathAndReasonAndTheRestIsLoaded() throws IOException {
    write("content/a.md");
    write("content/locked/secret.md");
    write("content/z/after.md");
    Path locked = site.resolve("content/locked");
    Diagnostics d = new Diagnostics();
    ContentWalker walker = new ContentWalker(site, site.resolve("content"), d);
    ContentSource.walk(
        site.resolve("content"),
        new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (dir.equals(locked)) {
              // what the JDK does when a folder cannot be opened: visitFileFailed instead of a
              // descent
              walker.visitFileFailed(dir, new AccessDeniedException(dir.toString()));
              return FileVisitResult.SKIP_SUBTREE;
            }
            return walker.preVisitDirectory(dir, attrs);
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            return walker.visitFile(file, attrs);
          }
        });
    assertEquals(
        List.of("content/a.md", "content/z/after.md"),
        walker.files().stream().map(SourceFile::relativePath).sorted().toList());
    Diagnostic e = only(d);
    assertEquals(Severity.ERROR, e.severity());
    assertEquals("content/locked", e.path());
    assertTrue(
        e.message().contains("permission denied") && e.message().contains("left out"), e.message());
  }

  @Test
  void aFolderWithoutReadPermissionIsAnErrorAndTheRestIsLoaded() throws IOException {
    write("content/a.md");
    write("content/locked/secret.md");
    Path locked = site.resolve("content/locked");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      boolean enforced;
      try (Stream<Path> list = Files.list(locked)) {
        enforced = false; // root (CAP_DAC_OVERRIDE) reads it anyway
      } catch (AccessDeniedException expected) {
        enforced = true;
      }
      assumeFalse(
          !enforced,
          "folder permissions are not enforced for this user (root?); the simulated test covers it");
      Diagnostics d = new Diagnostics();
      assertEquals(List.of("content/a.md"), load(d));
      Diagnostic e = only(d);
      assertEquals(Severity.ERROR, e.severity());
      assertEquals("content/locked", e.path());
      assertTrue(e.message().contains("permission denied"), e.message());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
