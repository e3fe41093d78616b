package org.broadsheet.build;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostic;

/**
 * What one build into one output folder leaves for the next: for each source file its content hash,
 * what parsing it gave (the article's summary, no body, and the diagnostics), what the shipped
 * index holds for each id, and a fingerprint of each page's inputs. With it the next build parses
 * only changed files, updates the index in place of rebuilding it, and renders only pages whose
 * inputs changed; the result equals a clean build's.
 *
 * <p>It lives beside the output folder ({@code .public.broadsheet-cache} for {@code public/}) and
 * names the build it describes; the output folder's marker must name the same build, or the cache
 * is not used (the folder was built by someone else since, or the save was cut short).
 */
record BuildCache(
    String key,
    String buildId,
    Map<String, Source> sources,
    Map<String, Indexed> indexed,
    Map<String, String> pages) {
  private static final int FORMAT = 5;
  static final BuildCache EMPTY = new BuildCache("", "", Map.of(), Map.of(), Map.of());

  /** A source file as last parsed: its hash, its article (empty if it failed), its diagnostics. */
  record Source(String hash, Optional<Article> article, List<Diagnostic> diagnostics) {}

  /** What the index holds for an id: the document of this file, at this hash, under this slug. */
  record Indexed(String sourcePath, String hash, String slug) {}

  /** The cache file of builds into {@code out}: beside it, never inside the published site. */
  static Path file(Path out) {
    return out.resolveSibling("." + out.getFileName() + ".broadsheet-cache");
  }

  /**
   * The cache, if it exists, was written under {@code key} and describes the build {@code out}
   * holds.
   */
  static BuildCache load(Path file, String key, Optional<String> outBuild) {
    if (!Files.isRegularFile(file) || outBuild.isEmpty()) {
      return EMPTY;
    }
    try (SummaryCodec.In in =
        new SummaryCodec.In(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != FORMAT || !SummaryCodec.readString(in).equals(key)) {
        return EMPTY;
      }
      String buildId = SummaryCodec.readString(in);
      if (!buildId.equals(outBuild.get())) {
        return EMPTY;
      }
      int n = in.readInt();
      Map<String, Source> sources = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String path = SummaryCodec.readString(in);
        String hash = SummaryCodec.readString(in);
        Optional<Article> article =
            in.readBoolean() ? Optional.of(SummaryCodec.readArticle(in)) : Optional.empty();
        sources.put(path, new Source(hash, article, SummaryCodec.readDiagnostics(in)));
      }
      Map<String, Indexed> indexed = SummaryCodec.readIndexed(in);
      Map<String, String> pages = SummaryCodec.readMap(in);
      return new BuildCache(key, buildId, sources, indexed, pages);
    } catch (IOException | RuntimeException e) {
      return EMPTY; // unreadable: the build is a clean one, and writes a new cache
    }
  }

  /** Writes the cache (a new file moved over the old one, so a reader never sees half of it). */
  void save(Path file) throws IOException {
    try (Saving saving = startSaving(file)) {
      saving.finish(pages);
    }
  }

  /**
   * Starts writing the cache to a new file beside {@code file}: its sources and index, which a
   * build knows once its articles are parsed, on a thread of its own while the pages render (at
   * 10,000 articles a tenth of a second, which was the build's last step); this cache's pages are
   * not written, {@link Saving#finish} gives the pages'.
   */
  Saving startSaving(Path file) throws IOException {
    return new Saving(this, file);
  }

  /** A cache being written; closing it unfinished leaves no file. */
  static final class Saving implements AutoCloseable {
    private final Path file;
    private final Path temp;
    private final SummaryCodec.Out out;
    private final Background<Void> writing;
    private boolean finished;

    private Saving(BuildCache cache, Path file) throws IOException {
      this.file = file;
      this.temp = Files.createTempFile(file.getParent(), ".build-", ".tmp");
      try {
        out = new SummaryCodec.Out(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
      writing =
          Background.start(
              "broadsheet-cache",
              "the build cache was written",
              () -> {
                cache.writeAllButPages(out);
                return null;
              });
    }

    /** Writes {@code pages} after the rest, and moves the file over the old one. */
    void finish(Map<String, String> pages) throws IOException {
      writing.join();
      SummaryCodec.writeMap(out, pages);
      out.close();
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      finished = true;
    }

    /**
     * Unfinished (the build failed): waits for the writing thread and removes the new file, never
     * throwing over the build's own failure.
     */
    @Override
    public void close() {
      if (finished) {
        return;
      }
      try {
        writing.awaitEnd();
      } catch (java.io.InterruptedIOException e) {
        // the interrupt is kept; the file goes all the same
      }
      try {
        out.close();
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        temp.toFile().deleteOnExit(); // the last try: a stray temporary file, never read as a cache
      }
    }
  }

  private void writeAllButPages(SummaryCodec.Out out) throws IOException {
    out.writeInt(FORMAT);
    SummaryCodec.writeString(out, key);
    SummaryCodec.writeString(out, buildId);
    out.writeInt(sources.size());
    for (Map.Entry<String, Source> e : sources.entrySet()) {
      SummaryCodec.writeString(out, e.getKey());
      SummaryCodec.writeString(out, e.getValue().hash());
      out.writeBoolean(e.getValue().article().isPresent());
      if (e.getValue().article().isPresent()) {
        SummaryCodec.writeArticle(out, e.getValue().article().get());
      }
      SummaryCodec.writeDiagnostics(out, e.getValue().diagnostics());
    }
    SummaryCodec.writeIndexed(out, indexed);
  }

  /** Removes the cache file, before the output it describes is replaced. */
  static void forget(Path file) throws IOException {
    Files.deleteIfExists(file);
  }
}
