package org.broadsheet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.Progress;
import org.broadsheet.build.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Build the site into its output folder.",
      "Reads content/, templates/ and site.yaml from --source and replaces --out as a whole once"
          + " the build succeeds. Problems are printed as path:line:col with the source line."
          + " Exit codes: 0 built; 1 an article had errors (it is left out) or, with --strict,"
          + " warnings; 2 refused (no content/, an output folder that is not a build); 3 the theme"
          + " failed (nothing published)."
    })
final class BuildCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin SharedOptions.SiteFolder source;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = {
        "Output folder, replaced as a whole. Default: <source>/public.",
        "Must be new, empty or an earlier Broadsheet build (it holds a .broadsheet-site file)."
      })
  Path out;

  @Option(
      names = "--force",
      description =
          "Replace the output folder even if Broadsheet did not build it "
              + "(never the source, content/, templates/ or static/).")
  boolean force;

  @Option(names = "--drafts", description = "Include drafts.")
  boolean drafts;

  @Option(names = "--future", description = "Include articles dated in the future.")
  boolean future;

  @Option(
      names = "--offline",
      description = "Links end in index.html, so the site works from file://.")
  boolean offline;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "Override site.yaml's baseUrl (where the site is published).")
  String baseUrl;

  @Option(
      names = "--strict",
      description = "Fail (exit 1) on warnings too, a missing baseUrl among them.")
  boolean strict;

  @Option(
      names = "--clean",
      description =
          "Build everything anew: parse every file, rebuild the index and render every"
              + " page, ignoring what the last build into the output folder left (.<out>.broadsheet-cache beside it).")
  boolean clean;

  @Mixin SharedOptions.Verbose verbose;

  @Mixin SharedOptions.NoProgress noProgress;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    Path src = source.path();
    BuildOptions options =
        BuildOptions.of(src)
            .withOut(out != null ? out : src.resolve("public"))
            .withDraftsAndFuture(drafts, future)
            .withOffline(offline)
            .withBaseUrl(baseUrl)
            .withProgress(noProgress.shown())
            .withForce(force)
            .withClean(clean);
    Progress progress = new Progress(options.progress());
    BuildResult result = new SiteBuilder(progress).build(options);
    Reports.print(result, err, verbose.on);
    if (verbose.on) {
      err.println("phases: " + progress.timings());
    }
    err.println(Reports.summary(result, "built") + " -> " + options.out());
    return result.exitCode(strict);
  }
}
