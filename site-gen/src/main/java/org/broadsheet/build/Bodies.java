package org.broadsheet.build;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.broadsheet.content.Article;
import org.broadsheet.content.Body;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.parse.Parsers;
import org.broadsheet.source.SourceFile;

/**
 * Article bodies for the index and the pages: the one the parse kept, or, past the body cache, the
 * file parsed again. A file that changed or vanished since the parse may no longer give a body;
 * then the article is {@link Lost}: an error naming the file reaches the build's report and the
 * caller leaves the article (or its page) out, so no page is published with an empty body.
 * Diagnostics of the second parse that the first did not give are reported too.
 */
final class Bodies {
  private final Path siteDir;
  private final Parsers parsers;
  private final Diagnostics diagnostics;
  private volatile Set<Diagnostic> firstPass;
  private final Set<Diagnostic> reported = ConcurrentHashMap.newKeySet();
  private final Set<String> lost = ConcurrentHashMap.newKeySet();

  Bodies(Path siteDir, Parsers parsers, Diagnostics diagnostics) {
    this.siteDir = siteDir;
    this.parsers = parsers;
    this.diagnostics = diagnostics;
  }

  /**
   * What the parse reported, taken at the first read again (after the parse phase: taken when this
   * was made, before it, every read again reported its file's warnings a second time).
   */
  private Set<Diagnostic> firstPass() {
    Set<Diagnostic> seen = firstPass;
    if (seen == null) {
      synchronized (this) {
        if (firstPass == null) {
          firstPass = Set.copyOf(diagnostics.snapshot());
        }
        seen = firstPass;
      }
    }
    return seen;
  }

  /** The article's body could not be read again; already reported. */
  static final class Lost extends RuntimeException {
    Lost(String path) {
      super(path, null, false, false);
    }
  }

  /**
   * The article's body, parsing its file again when the parse did not keep it.
   *
   * @param consequence what happens to the article if it is lost, for the error message
   * @throws Lost when the file no longer gives this article's body (reported once per article)
   */
  Body of(Article a, String consequence) {
    Body kept = a.body();
    if (!kept.html().isEmpty() || !kept.text().isEmpty()) {
      return kept;
    }
    if (lost.contains(a.sourcePath())) {
      throw new Lost(a.sourcePath());
    }
    Diagnostics again = new Diagnostics();
    Optional<Article> parsed =
        parsers.parse(new SourceFile(a.sourcePath(), siteDir.resolve(a.sourcePath())), again);
    for (Diagnostic d : again.snapshot()) {
      if (!firstPass().contains(d) && reported.add(d)) {
        diagnostics.add(d);
      }
    }
    String problem =
        parsed.isEmpty()
            ? "no longer parses"
            : !parsed.get().id().equals(a.id())
                ? "now holds article '" + parsed.get().id() + "'"
                : null;
    if (problem == null) {
      return parsed.get().body();
    }
    if (lost.add(a.sourcePath())) {
      diagnostics.add(
          Diagnostic.error(
              a.sourcePath(),
              "changed or removed during the build: its text, read again"
                  + " for rendering because the body cache was full, "
                  + problem
                  + "; "
                  + consequence));
    }
    throw new Lost(a.sourcePath());
  }

  /** Articles lost so far. */
  int lost() {
    return lost.size();
  }
}
