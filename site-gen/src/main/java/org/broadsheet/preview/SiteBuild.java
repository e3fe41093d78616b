package org.broadsheet.preview;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.broadsheet.build.BuildReport;
import org.broadsheet.diag.Diagnostic;

/**
 * What the preview needs from the build pipeline: one full build, then rebuilds of only what a set
 * of changed source files touches. The output folder stays the same, and always holds the last good
 * version of every page.
 */
public interface SiteBuild extends AutoCloseable {
  /** Where the site is built; served as it changes. */
  Path output();

  /** Builds everything. */
  Report buildAll() throws IOException;

  /**
   * Rebuilds after a change.
   *
   * @param changed files and folders created, modified or deleted, relative to the site folder
   * @param everything events were lost: rebuild everything
   */
  Report rebuild(Set<Path> changed, boolean everything) throws IOException;

  /**
   * The outcome of a (re)build.
   *
   * @param problems every error the project has now (not just in the changed files)
   * @param warnings every warning the project has now; printed, never shown in the pages
   * @param summary one line for the terminal, e.g. "1 article, 23 pages in 84 ms"
   */
  record Report(List<Diagnostic> problems, List<Diagnostic> warnings, String summary) {
    public Report {
      problems = List.copyOf(problems);
      warnings = List.copyOf(warnings);
    }

    public Report(List<Diagnostic> problems, String summary) {
      this(problems, List.of(), summary);
    }

    /** The errors, then the warnings. */
    public List<Diagnostic> diagnostics() {
      List<Diagnostic> all = new ArrayList<>(problems);
      all.addAll(warnings);
      return all;
    }

    /**
     * The lines for a terminal: the errors and warnings as {@code check} prints them, the summary.
     */
    public List<String> lines() {
      BuildReport.Shown shown = BuildReport.shown(diagnostics(), false);
      List<String> lines = new ArrayList<>();
      shown.diagnostics().forEach(d -> lines.add(d.format()));
      if (shown.hiddenWarnings() > 0) {
        lines.add(shown.hiddenLine("'broadsheet check --verbose'"));
      }
      lines.add(summary);
      return lines;
    }
  }

  /**
   * A reader of the search index as the last (re)build left it, when the build can give one without
   * going to disk; empty: the server reopens the index in {@link #output()}.
   */
  default Optional<DirectoryReader> searchReader() throws IOException {
    return Optional.empty();
  }

  /** Releases what the build holds open (the index writer); the output stays. */
  @Override
  default void close() throws IOException {}
}
