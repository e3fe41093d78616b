package org.broadsheet.cli;

import java.io.PrintWriter;
import java.util.List;
import org.broadsheet.build.BuildReport;
import org.broadsheet.build.BuildResult;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.render.TemplateFailure;

/** Prints diagnostics and the one-line summary at the end of a build or check, on stderr. */
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
    BuildReport.Shown shown = BuildReport.shown(diagnostics, verbose);
    for (Diagnostic d : shown.diagnostics()) {
      err.println(d.format());
    }
    if (shown.hiddenWarnings() > 0) {
      err.println(shown.hiddenLine("--verbose"));
    }
  }

  static String summary(BuildResult result, String verb) {
    return BuildReport.summary(result, verb);
  }
}
