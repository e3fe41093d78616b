package org.broadsheet.build;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;

/**
 * What a build, check or pack tells its user, whoever shows it: the command line prints it on
 * stderr, the Maven plugin sends it to Maven's log. One place decides which diagnostics are shown
 * and how the closing line reads, so both say the same.
 */
public final class BuildReport {
  private BuildReport() {}

  /** Warnings shown before the rest are only counted (errors are always all shown). */
  public static final int WARNINGS_SHOWN = 100;

  /**
   * The diagnostics to show, in order, and how many warnings were left unshown.
   *
   * @param hiddenWarnings warnings past {@link #WARNINGS_SHOWN} that are only counted
   */
  public record Shown(List<Diagnostic> diagnostics, int hiddenWarnings) {
    public Shown {
      diagnostics = List.copyOf(diagnostics);
    }

    /** The line that stands for the hidden warnings, or empty when none are hidden. */
    public String hiddenLine(String howToSeeAll) {
      return hiddenWarnings == 0
          ? ""
          : "... and " + hiddenWarnings + " more warnings (" + howToSeeAll + " prints them all)";
    }
  }

  /**
   * Every error, the first {@link #WARNINGS_SHOWN} warnings, and notes only when {@code verbose}
   * (which also shows every warning).
   */
  public static Shown shown(List<Diagnostic> diagnostics, boolean verbose) {
    List<Diagnostic> shown = new ArrayList<>();
    int warnings = 0;
    for (Diagnostic d : diagnostics) {
      if (d.severity() == Severity.NOTE && !verbose) {
        continue;
      }
      if (d.severity() == Severity.WARNING && !verbose && ++warnings > WARNINGS_SHOWN) {
        continue;
      }
      shown.add(d);
    }
    return new Shown(shown, Math.max(0, warnings - WARNINGS_SHOWN));
  }

  /**
   * The one-line summary, e.g. {@code built 12 articles, 80 files (412 KiB) in 950 ms; 0 errors, 1
   * warnings}.
   *
   * @param verb what was done: {@code built}, {@code checked}, {@code packed}
   */
  public static String summary(BuildResult result, String verb) {
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
