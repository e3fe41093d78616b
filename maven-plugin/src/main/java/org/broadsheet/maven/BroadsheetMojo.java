package org.broadsheet.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.broadsheet.build.BuildResult;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;
import org.broadsheet.render.TemplateFailure;
import org.broadsheet.write.OutputGuard;

/**
 * What every goal shares: the site folder, {@code verbose}, {@code skip}, and how problems reach
 * Maven. Content errors (and warnings under {@code strict}) and theme failures fail the build
 * ({@link MojoFailureException}, Maven's "BUILD FAILURE"); a refused output or an I/O error is a
 * {@link MojoExecutionException}.
 */
abstract class BroadsheetMojo extends AbstractMojo {
  /** The site folder: {@code content/}, optional {@code templates/}, {@code static/}, site.yaml. */
  @Parameter(property = "broadsheet.source", defaultValue = "${project.basedir}")
  File source;

  /** Also show notes, and every warning (otherwise the first 100). */
  @Parameter(property = "broadsheet.verbose", defaultValue = "false")
  boolean verbose;

  /** Do nothing. */
  @Parameter(property = "broadsheet.skip", defaultValue = "false")
  boolean skip;

  /** Diagnostics' paths are shown relative to this folder (where Maven was started). */
  @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
  File executionRoot;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Broadsheet: skipped (broadsheet.skip)");
      return;
    }
    try {
      run();
    } catch (OutputGuard.Refused e) {
      // its advice names the command line's options: say which parameters they are here
      throw new MojoExecutionException(
          "Broadsheet: "
              + e.getMessage()
              + "\n  (In the POM, --out is <out> for build and <archive> for pack; --force is <force>.)",
          e);
    } catch (IOException e) {
      throw new MojoExecutionException("Broadsheet: " + e, e);
    } catch (RuntimeException e) {
      Optional<TemplateFailure> theme = TemplateFailure.in(e);
      if (theme.isEmpty()) {
        throw e;
      }
      report().themeFailure(theme.get());
      throw new MojoFailureException(
          "Broadsheet: the theme failed, nothing was published: "
              + report().located(theme.get().diagnostic()).headline(),
          e);
    }
  }

  /** The goal's work. */
  abstract void run() throws IOException, MojoExecutionException, MojoFailureException;

  Path sourcePath() {
    return source.toPath().toAbsolutePath().normalize();
  }

  LogReport report() {
    return new LogReport(
        getLog(), sourcePath(), executionRoot == null ? null : executionRoot.toPath(), verbose);
  }

  /**
   * Fails the Maven build when the command line would exit 1: on an error, or with {@code strict}
   * on a warning too. The message names the count and the first such problem.
   */
  void failOnProblems(BuildResult result, boolean strict) throws MojoFailureException {
    if (result.exitCode(strict) == 0) {
      return;
    }
    long errors = result.count(Severity.ERROR);
    long warnings = result.count(Severity.WARNING);
    Severity worst = errors > 0 ? Severity.ERROR : Severity.WARNING;
    Diagnostic first =
        result.diagnostics().stream().filter(d -> d.severity() == worst).findFirst().orElseThrow();
    throw new MojoFailureException(
        "Broadsheet: "
            + errors
            + (errors == 1 ? " error" : " errors")
            + (strict
                ? ", " + warnings + (warnings == 1 ? " warning" : " warnings") + " (strict)"
                : "")
            + "; the first: "
            + report().located(first).headline());
  }
}
