package org.broadsheet.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.broadsheet.content.Article;
import org.broadsheet.content.IdOrigin;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.LineMap;
import org.broadsheet.source.SourceFile;
import org.broadsheet.source.TextDecoder;

/**
 * Finds where an article's id is written, for the duplicate-id error, by reading its files again:
 * duplicates are rare, and keeping a position for every article of a million would not be. The
 * places are those the parsers take the id from, in the same order: front matter; or the sidecar,
 * then the {@code _metadata.csv} row; else the start of the file (the id is its name).
 */
final class IdOrigins {
  private IdOrigins() {}

  static IdOrigin find(Article article, Path siteDir, ParseContext context) {
    SourceFile file = new SourceFile(article.sourcePath(), siteDir.resolve(article.sourcePath()));
    try {
      Optional<IdOrigin> written =
          file.extension().equals("txt")
              ? inWireMetadata(file, siteDir, context)
              : inFrontMatter(file);
      return written.orElseGet(() -> IdOrigin.fileStart(article));
    } catch (IOException | RuntimeException e) {
      return IdOrigin.fileStart(
          article); // the file changed since it was parsed: its start is the best we know
    }
  }

  private static Optional<IdOrigin> inFrontMatter(SourceFile file) throws IOException {
    LineMap lines = read(file.file(), file.relativePath());
    if (!lines.lineText(1).strip().equals("---")) {
      return Optional.empty();
    }
    for (int close = 2; close <= lines.lineCount(); close++) {
      String l = lines.lineText(close).stripTrailing();
      if (l.equals("---") || l.equals("...")) {
        return at(file.relativePath(), lines, MarkdownParser.lineOfKey(lines, "id", close));
      }
    }
    return Optional.empty();
  }

  private static Optional<IdOrigin> inWireMetadata(
      SourceFile file, Path siteDir, ParseContext context) throws IOException {
    for (String ext : List.of("yaml", "yml", "json")) {
      Path sidecar = file.file().resolveSibling(file.baseName() + "." + ext);
      if (Files.isRegularFile(sidecar)) {
        String folder =
            file.relativePath()
                .substring(0, file.relativePath().length() - file.fileName().length());
        LineMap lines = read(sidecar, folder + sidecar.getFileName());
        Optional<IdOrigin> inSidecar =
            at(folder + sidecar.getFileName(), lines, Sidecars.lineOfKey(lines, "id"));
        if (inSidecar.isPresent()) {
          return inSidecar;
        }
        break; // the parser reads the first sidecar only
      }
    }
    Optional<MetadataCsv.Entry> row = context.archive().find(file, context, new Diagnostics());
    if (row.isEmpty() || row.get().metadata().id().isEmpty()) {
      return Optional.empty();
    }
    String csvPath = row.get().csvPath();
    String text = read(siteDir.resolve(csvPath), csvPath).lineText(row.get().line());
    int column = text.indexOf(row.get().metadata().id().get());
    return Optional.of(new IdOrigin(csvPath, row.get().line(), Math.max(1, column + 1), text));
  }

  /**
   * The key's line with the column where the key starts; empty when the key was not found (line 0).
   */
  private static Optional<IdOrigin> at(String path, LineMap lines, int line) {
    if (line <= 0) {
      return Optional.empty();
    }
    String text = lines.lineText(line);
    int column = text.length() - text.stripLeading().length() + 1;
    return Optional.of(new IdOrigin(path, line, column, text));
  }

  private static LineMap read(Path file, String path) throws IOException {
    return new LineMap(
        TextDecoder.decode(Files.readAllBytes(file), path, new Diagnostics()).orElse(""));
  }
}
