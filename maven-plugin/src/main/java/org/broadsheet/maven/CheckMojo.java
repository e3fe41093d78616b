package org.broadsheet.maven;

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
 * {@code broadsheet check}: parses every article and renders one page of each template, writing
 * nothing; fails the Maven build on an error, and with {@code strict} on a warning too.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends BroadsheetMojo {
  /** Fail on warnings too. */
  @Parameter(property = "broadsheet.strict", defaultValue = "false")
  boolean strict;

  @Override
  void run() throws IOException, MojoFailureException {
    BuildResult result = new SiteBuilder(Progress.quiet()).check(BuildOptions.of(sourcePath()));
    report().result(result, BuildReport.summary(result, "checked"));
    failOnProblems(result, strict);
  }
}
