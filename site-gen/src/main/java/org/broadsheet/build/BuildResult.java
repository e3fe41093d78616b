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
 * @param files files in the output (written, or kept from the last build)
 * @param parsed article files parsed (the others were unchanged since the last build)
 * @param rendered pages rendered (the others were kept from the last build)
 * @param imagesEncoded images encoded into their sizes (the others came from the image cache)
 */
public record BuildResult(
    int articles,
    int leftOut,
    int skipped,
    long files,
    long bytes,
    Duration elapsed,
    List<Diagnostic> diagnostics,
    int parsed,
    int rendered,
    int imagesEncoded) {

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
