package org.broadsheet.maven;

import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.broadsheet.preview.Serving;

/**
 * {@code broadsheet serve}: previews the project with live reload until Ctrl-C: builds it with
 * drafts and future articles, serves it, and rebuilds what each saved change touches; rebuild
 * problems go to Maven's log. Set {@code site} to a built site folder or a zip from {@code pack} to
 * serve that read-only instead. Run it directly ({@code mvn broadsheet:serve}); it does not return
 * until stopped.
 */
@Mojo(name = "serve", threadSafe = true, requiresDirectInvocation = true)
public final class ServeMojo extends BroadsheetMojo {
  /** What to serve: a project folder (default: {@code source}), a built site or a zip. */
  @Parameter(property = "broadsheet.site")
  File site;

  /** The port; 0 picks a free one. */
  @Parameter(property = "broadsheet.port", defaultValue = "8080")
  int port;

  /** The address to listen on (default: this machine only). */
  @Parameter(property = "broadsheet.host", defaultValue = "127.0.0.1")
  String host;

  @Override
  void run() throws IOException, MojoExecutionException {
    LogReport report = report();
    Serving serving;
    try {
      serving =
          Serving.start(
              site != null ? site.toPath() : sourcePath(),
              host,
              port,
              getLog()::info,
              rebuilt -> {
                report.diagnostics(rebuilt.diagnostics());
                getLog().info(rebuilt.summary());
              });
    } catch (Serving.NotServable e) {
      throw new MojoExecutionException("Broadsheet: " + e.getMessage(), e);
    }
    try (serving) {
      serving.untilStopped(getLog()::info);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      getLog().info("Broadsheet: stopped");
    }
  }
}
