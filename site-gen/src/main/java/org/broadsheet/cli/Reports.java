package org.broadsheet.cli;

import java.io.PrintWriter;
import java.util.List;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.DiagnosticLines;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;
import org.broadsheet.render.TemplateFailure;

/** Prints diagnostics and the one-line summary at the end of a build or check. */
final class Reports {
  private Reports() {}

  /**
   * The exit code of a theme or template failure, apart from content errors (1) and refusals (2).
   */
  static final int THEME_FAILED = 3;

  /** The content problems found first, then the template's, then why nothing was published. */
  static void themeFailure(TemplateFailure failure, PrintWriter err) {
    print(failure.earlier(), err, false);
    err.println(failure.diagnostic().format());
    if (!failure.page().isEmpty()) {
      err.println("    while rendering " + failure.page());
    }
    err.println(
        "broadsheet: the theme failed (exit "
            + THEME_FAILED
            + "); nothing was published. Fix the template above.");
  }

  static void print(BuildResult result, PrintWriter err, boolean verbose) {
    print(result.diagnostics(), err, verbose);
  }

  private static void print(List<Diagnostic> diagnostics, PrintWriter err, boolean verbose) {
    DiagnosticLines.print(diagnostics, verbose, err::println);
  }

  static String summary(BuildResult result, String verb) {
    StringBuilder sb =
        new StringBuilder(verb)
            .append(' ')
            .append(result.articles())
            .append(" article")
            .append(result.articles() == 1 ? "" : "s");
    if (result.files() > 0) {
      sb.append(", ")
          .append(result.files())
          .append(" files (")
          .append(result.bytes() / 1024)
          .append(" KiB)");
      if (result.parsed() < result.articles()) { // the last build's cache was used
        sb.append(" (")
            .append(result.parsed())
            .append(" parsed, ")
            .append(result.rendered())
            .append(" pages rendered)");
      }
    }
    sb.append(" in ").append(result.elapsed().toMillis()).append(" ms");
    if (result.leftOut() > 0) {
      sb.append("; ").append(result.leftOut()).append(" left out");
    }
    if (result.skipped() > 0) {
      sb.append("; ").append(result.skipped()).append(" drafts/future skipped");
    }
    sb.append("; ")
        .append(result.count(Severity.ERROR))
        .append(" errors, ")
        .append(result.count(Severity.WARNING))
        .append(" warnings");
    long notes = result.count(Severity.NOTE);
    if (notes > 0) {
      sb.append(", ").append(notes).append(" notes (--verbose shows them)");
    }
    return sb.toString();
  }
}
