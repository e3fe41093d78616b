package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.util.Optional;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveMetadataTest {
  private final ParseContext context = new ParseContext(ZoneId.of("UTC"), "en");

  private Optional<String> titleOf(SourceFile file) {
    return context
        .archive()
        .find(file, context, new Diagnostics())
        .flatMap(e -> e.metadata().title());
  }

  @Test
  void theNearestCsvThatNamesTheFileWinsAndEditsAreSeen(@TempDir Path site) throws IOException {
    Path folder = Files.createDirectories(site.resolve("content/wire/2024"));
    Path story = Files.writeString(folder.resolve("a.txt"), "TEHRAN — Text.");
    SourceFile file = new SourceFile("content/wire/2024/a.txt", story);
    assertEquals(Optional.empty(), titleOf(file));

    Files.writeString(
        site.resolve("content/_metadata.csv"), "file,title\nwire/2024/a.txt,From the top\n");
    assertEquals(
        Optional.of("From the top"), titleOf(file), "a CSV higher up names the file by its path");

    Path near = folder.resolve("_metadata.csv");
    Files.writeString(near, "file,title\na.txt,From beside it\n");
    assertEquals(Optional.of("From beside it"), titleOf(file), "the nearest CSV wins");

    Files.writeString(near, "file,title\na.txt,Edited title\n");
    Files.setLastModifiedTime(near, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    assertEquals(Optional.of("Edited title"), titleOf(file), "an edited CSV is read again");
  }
}
