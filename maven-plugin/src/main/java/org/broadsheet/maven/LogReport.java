package org.broadsheet.maven;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.logging.Log;
import org.broadsheet.build.BuildReport;
import org.broadsheet.build.BuildResult;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;
import org.broadsheet.render.TemplateFailure;

/**
 * Broadsheet's diagnostics in Maven's log: errors as {@code [ERROR]}, warnings as {@code
 * [WARNING]}, notes as {@code [INFO]} with {@code verbose} (else {@code [DEBUG]}, shown by {@code
 * mvn -X}). Each reads {@code path:line:col: severity: message} with the source line and a caret
 * under it, the path relative to the folder Maven was started in (so a terminal or IDE can open
 * it), or absolute when the file lies outside it.
 */
final class LogReport {
  private final Log log;
  private final Path source;
  private final Path root;
  private final boolean verbose;

  /**
   * @param source the site folder the diagnostics' paths are relative to
   * @param root the folder Maven was started in; null: paths are shown absolute
   */
  LogReport(Log log, Path source, Path root, boolean verbose) {
    this.log = log;
    this.source = source.toAbsolutePath().normalize();
    this.root = root == null ? null : root.toAbsolutePath().normalize();
    this.verbose = verbose;
  }

  /** The diagnostics CLI would print (every error, up to 100 warnings, notes when verbose). */
  void diagnostics(List<Diagnostic> diagnostics) {
    BuildReport.Shown shown = BuildReport.shown(diagnostics, verbose);
    for (Diagnostic d : shown.diagnostics()) {
      diagnostic(d);
    }
    if (shown.hiddenWarnings() > 0) {
      log.warn(shown.hiddenLine("<verbose>true</verbose>"));
    }
    if (!verbose && log.isDebugEnabled()) {
      diagnostics.stream()
          .filter(d -> d.severity() == Severity.NOTE)
          .forEach(d -> log.debug(located(d).format()));
    }
  }

  void diagnostic(Diagnostic d) {
    String text = located(d).format();
    switch (d.severity()) {
      case ERROR -> log.error(text);
      case WARNING -> log.warn(text);
      case NOTE -> log.info(text);
    }
  }

  /** The diagnostics of a build, then its summary line. */
  void result(BuildResult result, String summary) {
    diagnostics(result.diagnostics());
    log.info(summary);
  }

  /** The content problems found before the theme failed, then the theme's. */
  void themeFailure(TemplateFailure failure) {
    diagnostics(failure.earlier());
    diagnostic(failure.diagnostic());
    if (!failure.page().isEmpty()) {
      log.error("    while rendering " + failure.page());
    }
  }

  /** {@code d} with its path as shown: relative to Maven's folder, or absolute. */
  Diagnostic located(Diagnostic d) {
    String path = d.path();
    if (path.isEmpty() || path.startsWith("(")) { // "(rebuild)" and the like: no file
      return d;
    }
    Path file;
    try {
      file = source.resolve(path).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      return d;
    }
    String shown =
        root != null && file.startsWith(root) && !file.equals(root)
            ? root.relativize(file).toString()
            : file.toString();
    return new Diagnostic(d.severity(), shown, d.line(), d.column(), d.message(), d.sourceLine());
  }
}
