package org.broadsheet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.Progress;
import org.broadsheet.build.SitePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "pack",
    mixinStandardHelpOptions = true,
    description = {
      "Build the site for offline reading and write it, with its search index, into one zip.",
      "Links end in index.html and the index is also written as scripts, so the unzipped folder"
          + " opens from file:// with search working; 'broadsheet serve SITE.zip' serves the zip"
          + " as it is. Exit codes as for 'build'."
    })
final class PackCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin SharedOptions.SiteFolder source;

  @Option(
      names = "--out",
      paramLabel = "FILE.zip",
      description = "The zip to write. Default: <source>/site.zip.")
  Path out;

  @Option(names = "--force", description = "Replace the --out file even if it is not a zip.")
  boolean force;

  @Mixin SharedOptions.Verbose verbose;

  @Mixin SharedOptions.NoProgress noProgress;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Path src = source.path();
    SitePack.Packed packed =
        SitePack.pack(
            BuildOptions.of(src),
            out != null ? out : src.resolve("site.zip"),
            force,
            new Progress(noProgress.shown()));
    Reports.print(packed.result(), err, verbose.on);
    err.println(packed.summary());
    return packed.result().exitCode(false);
  }
}
