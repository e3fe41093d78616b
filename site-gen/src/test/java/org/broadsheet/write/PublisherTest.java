package org.broadsheet.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTest {
  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void everyBuildCarriesTheMarkerAndCommitReplacesTheEarlierBuild(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("public");
    try (Publisher p = Publisher.begin(out)) {
      p.write("index.html", "one".getBytes());
      p.write("old.html", "gone next time".getBytes());
      p.commit();
    }
    assertTrue(Files.readString(out.resolve(OutputGuard.MARKER)).startsWith("Broadsheet "));
    try (Publisher p = Publisher.begin(out)) {
      p.write("index.html", "two".getBytes());
      p.commit();
    }
    assertEquals("two", Files.readString(out.resolve("index.html")));
    assertFalse(Files.exists(out.resolve("old.html")));
    assertTrue(Files.exists(out.resolve(OutputGuard.MARKER)));
    assertEquals(List.of("public"), names(dir), "no staging or old folder left beside the output");
  }

  @Test
  void writesAfterCloseAreRefusedAndRecreateNothing(@TempDir Path dir) throws Exception {
    Publisher p = Publisher.begin(dir.resolve("public"));
    p.write("a/index.html", "a".getBytes());
    p.close();
    assertThrows(IllegalStateException.class, () -> p.write("b/index.html", "late".getBytes()));
    assertThrows(IllegalStateException.class, () -> p.copy(dir.resolve("x"), "x"));
    assertEquals(List.of(), names(dir), "the staging folder stays deleted");
  }

  @Test
  void staleStagingFoldersOfTheOutputAreRemovedAndNothingElse(@TempDir Path dir) throws Exception {
    Path outside = dir.resolve("outside");
    write(outside.resolve("keep.txt"), "not Broadsheet's");
    write(dir.resolve(".public.building-123/index.html"), "killed build");
    write(
        dir.resolve(".public.building-99999998-987/search/lucene/_0.cfs"),
        "killed build of a process long gone");
    write(dir.resolve(".public.old--55/index.html"), "previous output, killed while deleting");
    write(dir.resolve(".public-notes/notes.txt"), "unrelated");
    write(dir.resolve(".public.building-123x/notes.txt"), "not the exact pattern");
    write(dir.resolve(".other.building-1/index.html"), "another output's");
    long self = ProcessHandle.current().pid();
    write(
        dir.resolve(".public.building-" + self + "-5/index.html"),
        "a build still running in a live process");
    Files.createSymbolicLink(dir.resolve(".public.building-7"), outside);
    write(dir.resolve("public/index.html"), "current");
    Map<String, String> outsideBefore = TreeHash.of(outside);

    try (Publisher p = Publisher.begin(dir.resolve("public"))) {
      p.write("index.html", "new".getBytes());
      p.commit();
    }

    // names(dir) is sorted; the live process's pid decides where its folder sorts
    assertEquals(
        Stream.of(
                ".other.building-1",
                ".public-notes",
                ".public.building-123x",
                ".public.building-" + self + "-5",
                ".public.building-7",
                "outside",
                "public")
            .sorted()
            .toList(),
        names(dir));
    assertTrue(
        Files.isSymbolicLink(dir.resolve(".public.building-7")),
        "a link is never taken for a staging folder");
    assertEquals(outsideBefore, TreeHash.of(outside));
    assertEquals("unrelated", Files.readString(dir.resolve(".public-notes/notes.txt")));
  }

  @Test
  void anOutputMovedAsideByAKilledCommitIsRestoredNotDeleted(@TempDir Path dir) throws Exception {
    write(dir.resolve(".public.old-99999999-12/index.html"), "previous output");
    write(dir.resolve(".public.building-99999999-13/index.html"), "half a build");
    Publisher p = Publisher.begin(dir.resolve("public"));
    assertEquals("previous output", Files.readString(dir.resolve("public/index.html")));
    p.close();
    assertEquals(List.of("public"), names(dir));
  }

  @Test
  void theReplacedOutputIsGoneWhenThePublisherClosesAndWhatItLinkedToIsNot(@TempDir Path dir)
      throws Exception {
    Path outside = dir.resolve("outside");
    write(outside.resolve("deep/keep.txt"), "keep");
    Path out = dir.resolve("public");
    try (Publisher p = Publisher.begin(out)) {
      for (int i = 0; i < 50; i++) {
        p.write("articles/story-" + i + "/index.html", ("story " + i).getBytes());
      }
      p.write("tags/a/b/c/index.html", "deep".getBytes());
      p.write("index.html", "one".getBytes());
      p.commit();
    }
    Files.createSymbolicLink(out.resolve("to-outside"), outside); // put there by someone
    Files.createSymbolicLink(out.resolve("articles/to-outside"), outside);
    Map<String, String> before = TreeHash.of(outside);

    Publisher p = Publisher.begin(out);
    p.write("index.html", "two".getBytes());
    p.commit();
    assertEquals("two", Files.readString(out.resolve("index.html")));
    p.close();

    assertEquals(List.of("outside", "public"), names(dir), "the old output is gone");
    assertEquals(List.of(".broadsheet-site", "index.html"), names(out));
    assertEquals(before, TreeHash.of(outside));
  }

  @Test
  void deleteTreeRemovesLinksButNeverWhatTheyPointAt(@TempDir Path dir) throws Exception {
    Path outside = dir.resolve("outside");
    write(outside.resolve("deep/keep.txt"), "keep");
    write(outside.resolve("file.txt"), "keep too");
    Path tree = dir.resolve("tree");
    write(tree.resolve("a/b.txt"), "b");
    Files.createSymbolicLink(tree.resolve("a/to-folder"), outside);
    Files.createSymbolicLink(tree.resolve("to-file"), outside.resolve("file.txt"));
    Files.createSymbolicLink(dir.resolve("link-to-outside"), outside);
    Map<String, String> before = TreeHash.of(outside);

    Publisher.deleteTree(tree);
    Publisher.deleteTree(dir.resolve("link-to-outside"));

    assertFalse(Files.exists(tree));
    assertFalse(
        Files.exists(dir.resolve("link-to-outside"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertEquals(before, TreeHash.of(outside));
  }
}
