package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.broadsheet.content.Body;
import org.broadsheet.route.PageBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyStoreTest {
  @Test
  void aKeptStoreIsReadAgainAfterItIsClosed(@TempDir Path dir) throws IOException {
    Path part = dir.resolve("bodies/part-00003");
    try (BodyStore store = BodyStore.keep(part)) {
      store.put(
          "content/a.md", new Body("<p>Dock workers went back.</p>", "Dock workers went back."));
      store.put("content/ü/b.md", new Body("<p>Ünïcode — “quotes”</p>", "Ünïcode quotes"));
    }
    try (BodyStore again = BodyStore.open(part)) {
      assertEquals(
          Optional.of(new PageBody("<p>Dock workers went back.</p>", 4)),
          again.get("content/a.md"));
      assertEquals(
          Optional.of(new PageBody("<p>Ünïcode — “quotes”</p>", 2)), again.get("content/ü/b.md"));
      assertEquals(Optional.empty(), again.get("content/c.md"));
    }
    assertTrue(Files.isRegularFile(part.resolve("bodies")), "an opened store is not deleted");
  }

  @Test
  void aTemporaryStoreLeavesNothing(@TempDir Path dir) throws IOException {
    try (BodyStore store = new BodyStore(dir)) {
      store.put("content/a.md", new Body("<p>x</p>", "x"));
      assertEquals(Optional.of(new PageBody("<p>x</p>", 1)), store.get("content/a.md"));
    }
    try (var files = Files.list(dir)) {
      assertFalse(files.findAny().isPresent(), "the spill file is deleted on close");
    }
  }

  /**
   * A temporary store holds bodies in memory up to its budget and writes only the rest to its file;
   * both come back alike.
   */
  @Test
  void aTemporaryStoreHoldsBodiesUpToItsBudgetAndSpillsTheRest(@TempDir Path dir)
      throws IOException {
    try (BodyStore store = new BodyStore(dir, 10)) {
      store.put("content/a.md", new Body("<p>ab</p>", "ab"));
      store.put("content/b.md", new Body("<p>Ünï</p>", "Ünï"));
      assertEquals(
          "<p>Ünï</p>".getBytes(StandardCharsets.UTF_8).length,
          store.bytesInFile(),
          "only the body past the budget is in the file");
      assertEquals(Optional.of(new PageBody("<p>ab</p>", 1)), store.get("content/a.md"));
      assertEquals(Optional.of(new PageBody("<p>Ünï</p>", 1)), store.get("content/b.md"));
    }
  }
}
