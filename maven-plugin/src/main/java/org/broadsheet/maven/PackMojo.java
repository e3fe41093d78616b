package org.broadsheet.maven;

import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.Progress;
import org.broadsheet.build.SitePack;

/**
 * {@code broadsheet pack}: builds the site for offline reading and writes it, with its search
 * index, into one zip; unzipped it opens from file://, and {@code broadsheet serve SITE.zip} (or
 * this plugin's {@code serve} goal with {@code site}) serves it.
 */
@Mojo(name = "pack", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class PackMojo extends BroadsheetMojo {
  /** The zip to write (the command line's {@code pack --out}). */
  @Parameter(property = "broadsheet.archive", defaultValue = "${project.build.directory}/site.zip")
  File archive;

  /** Replace {@code archive} even if it is not a zip. */
  @Parameter(property = "broadsheet.force", defaultValue = "false")
  boolean force;

  @Override
  void run() throws IOException, MojoFailureException {
    SitePack.Packed packed =
        SitePack.pack(BuildOptions.of(sourcePath()), archive.toPath(), force, Progress.quiet());
    report().result(packed.result(), packed.summary());
    failOnProblems(packed.result(), false);
  }
}
