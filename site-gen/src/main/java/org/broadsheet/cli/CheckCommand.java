package org.broadsheet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.Progress;
import org.broadsheet.build.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Parse every article and report every problem; write nothing.")
final class CheckCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--source", description = "Site folder. Default: current folder.")
  Path source = Path.of(".");

  @Option(names = "--strict", description = "Fail (exit 1) on warnings too.")
  boolean strict;

  @Option(names = {"-v", "--verbose"}, description = "Also print notes.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    BuildOptions options = BuildOptions.of(source.toAbsolutePath().normalize());
    BuildResult result = new SiteBuilder(Progress.quiet()).check(options);
    Reports.print(result, err, verbose);
    err.println(Reports.summary(result, "checked"));
    return result.exitCode(strict);
  }
}
