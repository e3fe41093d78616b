package org.broadsheet.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotentImportTest {
  static Map<String, byte[]> snapshot(Path dir) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        out.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    }
    return out;
  }

  @Test
  void importingTheSameInputTwiceChangesNoByte(@TempDir Path into) throws Exception {
    Path all = ImportFixture.sample("");
    Importer.Result first = Importer.run(List.of(all), into, all, "auto");
    Map<String, byte[]> before = snapshot(into);
    assertEquals(first.stories(), before.size());
    assertEquals(first.stories(), first.created());
    FileTime stamp = Files.getLastModifiedTime(into.resolve(before.keySet().iterator().next()));

    // run "from elsewhere": reports name files from another folder, the files stay the same
    Importer.Result second = Importer.run(List.of(all), into, all.getParent(), "auto");
    assertEquals(0, second.created());
    assertEquals(0, second.updated());
    assertEquals(first.stories(), second.unchanged());
    Map<String, byte[]> after = snapshot(into);
    assertEquals(before.keySet(), after.keySet());
    before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
    assertEquals(
        stamp,
        Files.getLastModifiedTime(into.resolve(before.keySet().iterator().next())),
        "unchanged files are not rewritten");
  }

  @Test
  void linksInAnInputFolderAreNotFollowed(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.json");
    Files.writeString(
        secret,
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"s\","
            + "\"title\":\"Secret\",\"content_text\":\"private\"}]}");
    Path folder = Files.createDirectories(dir.resolve("in"));
    try {
      Files.createSymbolicLink(folder.resolve("linked.json"), secret);
    } catch (UnsupportedOperationException | java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
    }
    Importer.Result r = Importer.run(List.of(folder), dir.resolve("out"), dir, "auto");
    assertEquals(0, r.stories());
    assertEquals(
        "in/linked.json: note: symbolic link in an input folder; not followed",
        r.diagnostics().get(0).format());
  }

  @Test
  void aChangedStoryUpdatesItsOwnFile(@TempDir Path dir) throws Exception {
    Path feed = dir.resolve("feed.json");
    Path into = dir.resolve("out");
    Files.writeString(
        feed,
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"T\",\"items\":["
            + "{\"id\":\"a\",\"title\":\"First\",\"content_text\":\"One.\"}]}");
    Importer.run(List.of(feed), into, dir, "auto");
    Files.writeString(
        feed,
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"T\",\"items\":["
            + "{\"id\":\"a\",\"title\":\"First, corrected\",\"content_text\":\"One.\"},"
            + "{\"id\":\"b\",\"title\":\"Second\",\"content_text\":\"Two.\"}]}");
    Importer.Result r = Importer.run(List.of(feed), into, dir, "auto");
    assertEquals(1, r.updated());
    assertEquals(1, r.created());
    assertEquals(2, snapshot(into).size());
    assertEquals(
        "First, corrected", ImportFixture.article(into, "a").get("title"), "keyed by the id");
  }
}
