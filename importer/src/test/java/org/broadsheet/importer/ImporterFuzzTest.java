package org.broadsheet.importer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Any file, read as any format {@code broadsheet import} takes (the first byte picks it): stories
 * or errors, never a bug's exception turned into "cannot import", and every article it writes is
 * one the build reads, with no error. Inputs: {@code ImporterFuzzTestInputs/} (the first byte, then
 * the file).
 */
class ImporterFuzzTest {
  private static final List<String> FORMATS =
      List.of("rss", "jsonfeed", "wxr", "html", "nitf", "newsml");
  private static final Path WORK = Path.of("target/fuzz/import");

  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void anyInputImportsArticlesTheBuildReads(byte[] bytes) throws IOException {
    if (bytes.length == 0) {
      return;
    }
    String format = FORMATS.get((bytes[0] & 0xFF) % FORMATS.size());
    remove(WORK);
    Path input = Files.createDirectories(WORK.resolve("in")).resolve("input");
    Files.write(input, Arrays.copyOfRange(bytes, 1, bytes.length));
    Path into = WORK.resolve("content");
    Importer.Result result = Importer.run(List.of(input), into, WORK, format);
    for (Diagnostic d : result.diagnostics()) {
      assertFalse(
          d.message().startsWith("cannot import: java.lang."),
          () -> format + ": a reader failed with a bug: " + d.headline());
    }
    if (!Files.isDirectory(into)) {
      return;
    }
    try (Stream<Path> files = Files.list(into)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Diagnostics diagnostics = new Diagnostics();
        Optional<Article> article =
            ImportFixture.built(file.getFileName().toString(), file, text, diagnostics);
        assertTrue(
            article.isPresent() && !diagnostics.hasErrors(),
            () ->
                format
                    + ": the build refuses what the import wrote: "
                    + diagnostics.snapshot().stream().map(Diagnostic::headline).toList());
      }
    }
  }

  private static void remove(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
