package org.broadsheet.build;

import java.time.Duration;
import java.util.List;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;

/**
 * What a build did.
 *
 * @param articles articles published
 * @param leftOut article files that could not be built (each has an error diagnostic)
 * @param skipped drafts and future articles not published (without --drafts / --future)
 * @param files files written into the output
 */
public record BuildResult(int articles, int leftOut, int skipped, long files, long bytes, Duration elapsed,
    List<Diagnostic> diagnostics) {

  public BuildResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public long count(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }

  /** The exit code: 1 when an article was left out (or, with {@code strict}, on any warning). */
  public int exitCode(boolean strict) {
    return count(Severity.ERROR) > 0 || (strict && count(Severity.WARNING) > 0) ? 1 : 0;
  }
}
