package org.broadsheet.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * folder above it up to the site folder; the nearest CSV that names the file wins. Each CSV is
 * read once per build (cached by folder) and its problems are reported once. Safe for parallel use.
 */
public final class ArchiveMetadata {
  public static final String FILE_NAME = "_metadata.csv";

  private final ConcurrentHashMap<Path, Optional<Loaded>> byFolder = new ConcurrentHashMap<>();

  private record Loaded(MetadataCsv csv, List<Diagnostic> problems, java.util.concurrent.atomic.AtomicBoolean reported) {}

  /** The row naming {@code file}, if any CSV above it has one. */
  public Optional<MetadataCsv.Entry> find(SourceFile file, ParseContext context, Diagnostics diagnostics) {
    String[] segments = file.relativePath().split("/");
    Path folder = file.file().toAbsolutePath().getParent();
    String fromFolder = file.fileName();
    for (int up = segments.length - 2; up >= 0 && folder != null; up--) {
      String csvPath = String.join("/", java.util.Arrays.copyOfRange(segments, 0, up + 1)) + "/" + FILE_NAME;
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
    return byFolder.computeIfAbsent(folder, f -> {
      Path csv = f.resolve(FILE_NAME);
      if (!Files.isRegularFile(csv)) {
        return Optional.empty();
      }
      List<Diagnostic> problems = new ArrayList<>();
      try {
        Diagnostics decoding = new Diagnostics();
        Optional<String> text = TextDecoder.decode(Files.readAllBytes(csv), csvPath, decoding);
        problems.addAll(decoding.snapshot());
        MetadataCsv parsed = text.map(t -> MetadataCsv.parse(t, csvPath, context, problems))
            .orElseGet(() -> MetadataCsv.parse("", csvPath, context, new ArrayList<>()));
        return Optional.of(new Loaded(parsed, problems, new java.util.concurrent.atomic.AtomicBoolean()));
      } catch (IOException e) {
        problems.add(Diagnostic.error(csvPath, "cannot read: " + e.getMessage()));
        return Optional.of(new Loaded(MetadataCsv.parse("", csvPath, context, new ArrayList<>()), problems,
            new java.util.concurrent.atomic.AtomicBoolean()));
      }
    });
  }

  private static void report(Loaded loaded, Diagnostics diagnostics) {
    if (loaded.reported().compareAndSet(false, true)) {
      diagnostics.addAll(loaded.problems());
    }
  }
}
