package org.broadsheet.build;

import java.util.List;
import java.util.function.Consumer;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;

/**
 * How problems are shown on the terminal, the same by {@code build}, {@code check}, {@code pack}
 * and {@code serve}: each with its source line and caret; notes only when verbose; after {@link
 * #WARNINGS_SHOWN} warnings the rest are counted (errors are always all shown).
 */
public final class DiagnosticLines {
  /** Warnings shown before the rest are only counted. */
  public static final int WARNINGS_SHOWN = 100;

  private DiagnosticLines() {}

  public static void print(List<Diagnostic> diagnostics, boolean verbose, Consumer<String> out) {
    int warnings = 0;
    for (Diagnostic d : diagnostics) {
      if (d.severity() == Severity.NOTE && !verbose) {
        continue;
      }
      if (d.severity() == Severity.WARNING && !verbose && ++warnings > WARNINGS_SHOWN) {
        continue;
      }
      out.accept(d.format());
    }
    if (warnings > WARNINGS_SHOWN) {
      out.accept(
          "... and " + (warnings - WARNINGS_SHOWN) + " more warnings (--verbose prints them all)");
    }
  }
}
