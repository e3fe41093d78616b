package org.broadsheet.build;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.content.Article;
import org.broadsheet.content.ArticleImage;
import org.broadsheet.content.Body;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;

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
  private static final int FORMAT = 2;
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
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != FORMAT || !readString(in).equals(key)) {
        return EMPTY;
      }
      String buildId = readString(in);
      if (!buildId.equals(outBuild.get())) {
        return EMPTY;
      }
      int n = in.readInt();
      Map<String, Source> sources = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String path = readString(in);
        String hash = readString(in);
        Optional<Article> article =
            in.readBoolean() ? Optional.of(readArticle(in)) : Optional.empty();
        sources.put(path, new Source(hash, article, readDiagnostics(in)));
      }
      n = in.readInt();
      Map<String, Indexed> indexed = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        indexed.put(readString(in), new Indexed(readString(in), readString(in), readString(in)));
      }
      n = in.readInt();
      Map<String, String> pages = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        pages.put(readString(in), readString(in));
      }
      return new BuildCache(key, buildId, sources, indexed, pages);
    } catch (IOException | RuntimeException e) {
      return EMPTY; // unreadable: the build is a clean one, and writes a new cache
    }
  }

  /** Writes the cache (a new file moved over the old one, so a reader never sees half of it). */
  void save(Path file) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), ".build-", ".tmp");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
      out.writeInt(FORMAT);
      writeString(out, key);
      writeString(out, buildId);
      out.writeInt(sources.size());
      for (Map.Entry<String, Source> e : sources.entrySet()) {
        writeString(out, e.getKey());
        writeString(out, e.getValue().hash());
        out.writeBoolean(e.getValue().article().isPresent());
        if (e.getValue().article().isPresent()) {
          writeArticle(out, e.getValue().article().get());
        }
        writeDiagnostics(out, e.getValue().diagnostics());
      }
      out.writeInt(indexed.size());
      for (Map.Entry<String, Indexed> e : indexed.entrySet()) {
        writeString(out, e.getKey());
        writeString(out, e.getValue().sourcePath());
        writeString(out, e.getValue().hash());
        writeString(out, e.getValue().slug());
      }
      out.writeInt(pages.size());
      for (Map.Entry<String, String> e : pages.entrySet()) {
        writeString(out, e.getKey());
        writeString(out, e.getValue());
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Removes the cache file, before the output it describes is replaced. */
  static void forget(Path file) throws IOException {
    Files.deleteIfExists(file);
  }

  private static void writeArticle(DataOutputStream out, Article a) throws IOException {
    for (String s :
        new String[] {
          a.id(),
          a.slug(),
          a.title(),
          a.summary(),
          a.date().map(ZonedDateTime::toString).orElse(""),
          a.updated().map(ZonedDateTime::toString).orElse(""),
          a.dateline(),
          a.section(),
          a.source(),
          a.license(),
          a.lang(),
          a.sourcePath()
        }) {
      writeString(out, s);
    }
    writeList(out, a.authors());
    writeList(out, a.tags());
    out.writeBoolean(a.draft());
    out.writeBoolean(a.image().isPresent());
    if (a.image().isPresent()) {
      ArticleImage i = a.image().get();
      for (String s : new String[] {i.src(), i.alt(), i.caption(), i.credit()}) {
        writeString(out, s);
      }
    }
  }

  private static Article readArticle(DataInputStream in) throws IOException {
    String[] s = new String[12];
    for (int i = 0; i < s.length; i++) {
      s[i] = readString(in);
    }
    List<String> authors = readList(in);
    List<String> tags = readList(in);
    boolean draft = in.readBoolean();
    Optional<ArticleImage> image =
        in.readBoolean()
            ? Optional.of(
                new ArticleImage(readString(in), readString(in), readString(in), readString(in)))
            : Optional.empty();
    return new Article(
        s[0],
        s[1],
        s[2],
        s[3],
        date(s[4]),
        date(s[5]),
        authors,
        s[6],
        s[7],
        tags,
        s[8],
        s[9],
        s[10],
        draft,
        s[11],
        Body.EMPTY,
        image);
  }

  private static Optional<ZonedDateTime> date(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(ZonedDateTime.parse(s));
  }

  private static void writeDiagnostics(DataOutputStream out, List<Diagnostic> diagnostics)
      throws IOException {
    out.writeInt(diagnostics.size());
    for (Diagnostic d : diagnostics) {
      writeString(out, d.severity().name());
      writeString(out, d.path());
      out.writeInt(d.line());
      out.writeInt(d.column());
      writeString(out, d.message());
      writeString(out, d.sourceLine());
    }
  }

  private static List<Diagnostic> readDiagnostics(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<Diagnostic> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(
          new Diagnostic(
              Severity.valueOf(readString(in)),
              readString(in),
              in.readInt(),
              in.readInt(),
              readString(in),
              readString(in)));
    }
    return list;
  }

  private static void writeList(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      writeString(out, s);
    }
  }

  private static List<String> readList(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(readString(in));
    }
    return list;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (64 << 20)) {
      throw new IOException("corrupt cache: a string of " + n + " bytes");
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }
}
