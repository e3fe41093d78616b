package org.broadsheet.maven;

import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildReport;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.Progress;
import org.broadsheet.build.SiteBuilder;

/**
 * {@code broadsheet build}: builds the site into {@code out}. A broken article is left out and the
 * rest is published, then the Maven build fails (as the command line exits 1); with {@code strict},
 * warnings fail it too.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class BuildMojo extends BroadsheetMojo {
  /**
   * The output folder, replaced as a whole. It must be new, empty or an earlier Broadsheet build.
   */
  @Parameter(property = "broadsheet.out", defaultValue = "${project.build.directory}/broadsheet")
  File out;

  /** Replace {@code out} even if Broadsheet did not build it (never the sources). */
  @Parameter(property = "broadsheet.force", defaultValue = "false")
  boolean force;

  /** Include drafts. */
  @Parameter(property = "broadsheet.drafts", defaultValue = "false")
  boolean drafts;

  /** Include articles dated in the future. */
  @Parameter(property = "broadsheet.future", defaultValue = "false")
  boolean future;

  /** Links end in index.html, so the site works from file://. */
  @Parameter(property = "broadsheet.offline", defaultValue = "false")
  boolean offline;

  /** Overrides site.yaml's baseUrl. */
  @Parameter(property = "broadsheet.baseUrl")
  String baseUrl;

  /** Fail on warnings too. */
  @Parameter(property = "broadsheet.strict", defaultValue = "false")
  boolean strict;

  /** Build everything anew, ignoring the last build's cache beside {@code out}. */
  @Parameter(property = "broadsheet.clean", defaultValue = "false")
  boolean clean;

  @Override
  void run() throws IOException, MojoFailureException {
    BuildOptions options =
        BuildOptions.of(sourcePath())
            .withOut(out.toPath().toAbsolutePath().normalize())
            .withDraftsAndFuture(drafts, future)
            .withOffline(offline)
            .withBaseUrl(baseUrl)
            .withForce(force)
            .withClean(clean);
    BuildResult result = new SiteBuilder(Progress.quiet()).build(options);
    report().result(result, BuildReport.summary(result, "built") + " -> " + options.out());
    failOnProblems(result, strict);
  }
}
