package org.broadsheet.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.source.SourceFile;
import org.broadsheet.source.TextDecoder;

/**
 * Finds the {@code _metadata.csv} row for an article file: in the file's own folder, then in each
 * folder above it up to the content folder; the nearest CSV that names the file wins. Each CSV is
 * read once and cached by folder until its size or modification time changes (so a preview server
 * that keeps one context sees edits), and its problems are reported once per version. Safe for
 * parallel use.
 */
public final class ArchiveMetadata {
  public static final String FILE_NAME = "_metadata.csv";

  private final ConcurrentHashMap<Path, Loaded> byFolder = new ConcurrentHashMap<>();

  private record Loaded(
      String version,
      MetadataCsv csv,
      List<Diagnostic> problems,
      java.util.concurrent.atomic.AtomicBoolean reported) {}

  /** The row naming {@code file}, if any CSV above it has one. */
  public Optional<MetadataCsv.Entry> find(
      SourceFile file, ParseContext context, Diagnostics diagnostics) {
    String[] segments = file.relativePath().split("/");
    Path folder = file.file().toAbsolutePath().getParent();
    String fromFolder = file.fileName();
    for (int up = segments.length - 2; up >= 0 && folder != null; up--) {
      String csvPath =
          String.join("/", java.util.Arrays.copyOfRange(segments, 0, up + 1)) + "/" + FILE_NAME;
      Optional<Loaded> loaded = load(folder, csvPath, context);
      if (loaded.isPresent()) {
        report(loaded.get(), diagnostics);
        Optional<MetadataCsv.Entry> entry = loaded.get().csv().find(fromFolder);
        if (entry.isPresent()) {
          return entry;
        }
      }
      fromFolder = segments[up] + "/" + fromFolder;
      folder = folder.getParent();
    }
    return Optional.empty();
  }

  private Optional<Loaded> load(Path folder, String csvPath, ParseContext context) {
    Path csv = folder.resolve(FILE_NAME);
    String version;
    try {
      BasicFileAttributes attributes = Files.readAttributes(csv, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        return Optional.empty();
      }
      version = attributes.size() + "@" + attributes.lastModifiedTime();
    } catch (IOException e) {
      byFolder.remove(folder);
      return Optional.empty();
    }
    return Optional.of(
        byFolder.compute(
            folder,
            (f, cached) ->
                cached != null && cached.version().equals(version)
                    ? cached
                    : read(csv, version, csvPath, context)));
  }

  private static Loaded read(Path csv, String version, String csvPath, ParseContext context) {
    List<Diagnostic> problems = new ArrayList<>();
    MetadataCsv parsed;
    try {
      Diagnostics decoding = new Diagnostics();
      Optional<String> text = TextDecoder.decode(Files.readAllBytes(csv), csvPath, decoding);
      problems.addAll(decoding.snapshot());
      parsed =
          MetadataCsv.parse(
              text.orElse(""), csvPath, context, text.isPresent() ? problems : new ArrayList<>());
    } catch (IOException e) {
      problems.add(Diagnostic.error(csvPath, "cannot read: " + e.getMessage()));
      parsed = MetadataCsv.parse("", csvPath, context, new ArrayList<>());
    }
    return new Loaded(version, parsed, problems, new java.util.concurrent.atomic.AtomicBoolean());
  }

  private static void report(Loaded loaded, Diagnostics diagnostics) {
    if (loaded.reported().compareAndSet(false, true)) {
      diagnostics.addAll(loaded.problems());
    }
  }
}
