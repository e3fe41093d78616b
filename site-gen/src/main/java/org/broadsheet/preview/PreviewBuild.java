package org.broadsheet.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.Progress;
import org.broadsheet.build.SiteBuilder;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;

/**
 * The build as the preview runs it: the same pipeline as {@code broadsheet build} (drafts, future
 * articles and badges included), run again on every change. The pipeline's cache makes a rebuild
 * incremental: only changed files are parsed, the index is updated, only pages whose inputs changed
 * are rendered; the Lucene index and its browser pages are always those of the site as it is now.
 *
 * <p>An article that no longer parses keeps its last good version (page, listings, index) and its
 * diagnostic stays in {@link Report#problems()} until the file is fixed or deleted. A template that
 * fails to render leaves the last good site in place and is reported the same way.
 */
public final class PreviewBuild implements SiteBuild {
  private final Path site;
  private final Path out;
  private final Clock clock;

  public PreviewBuild(Path site, Path out, Clock clock) {
    this.site = site.toAbsolutePath().normalize();
    this.out = out.toAbsolutePath().normalize();
    this.clock = clock;
  }

  @Override
  public Path output() {
    return out;
  }

  @Override
  public synchronized Report buildAll() throws IOException {
    return build(true, "built");
  }

  @Override
  public synchronized Report rebuild(Set<Path> changed, boolean everything) throws IOException {
    return build(
        everything,
        changed.size() == 1
            ? changed.iterator().next().toString().replace('\\', '/')
            : changed.size() + " changes");
  }

  private Report build(boolean clean, String what) throws IOException {
    long start = System.nanoTime();
    BuildOptions options =
        BuildOptions.of(site)
            .withOut(out)
            .withDraftsAndFuture(true, true)
            .withPreview(true)
            .withClock(clock)
            .withForce(true)
            .withClean(clean);
    try {
      BuildResult result = new SiteBuilder(Progress.quiet()).build(options);
      List<Diagnostic> errors =
          result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
      List<Diagnostic> warnings =
          result.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).toList();
      return report(
          errors,
          warnings,
          String.format(
              "%s: %d articles, %d files (%d parsed, %d pages rendered)",
              what, result.articles(), result.files(), result.parsed(), result.rendered()),
          start);
    } catch (RuntimeException e) {
      // The last good site stays in place; the next change builds again.
      if (!Files.isDirectory(out)) {
        Files.createDirectories(out);
      }
      return report(List.of(TemplateProblems.of(e)), List.of(), what + ": build failed", start);
    }
  }

  private static Report report(
      List<Diagnostic> problems, List<Diagnostic> warnings, String what, long start) {
    long ms = (System.nanoTime() - start) / 1_000_000;
    List<Diagnostic> all = new ArrayList<>(problems);
    return new Report(
        all,
        warnings,
        what
            + " in "
            + ms
            + " ms; "
            + all.size()
            + (all.size() == 1 ? " error, " : " errors, ")
            + warnings.size()
            + (warnings.size() == 1 ? " warning" : " warnings"));
  }

  @Override
  public void close() {
    // nothing held between builds: the pipeline's cache is on disk beside the output
  }
}
