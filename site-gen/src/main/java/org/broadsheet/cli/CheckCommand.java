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
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Parse every article and report every problem; write nothing.",
      "Also renders one page of each template, so a broken theme shows here too. Exit codes as for"
          + " 'build': 1 on errors (and on warnings with --strict), 2 when there is no content/, 3"
          + " when the theme fails."
    })
final class CheckCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin SharedOptions.SiteFolder source;

  @Option(
      names = "--strict",
      description =
          "Fail (exit 1) on warnings too: a missing baseUrl, and front-matter keys Broadsheet does not"
              + " know.")
  boolean strict;

  @Mixin SharedOptions.Verbose verbose;

  @Option(
      names = "--explain",
      paramLabel = "FILE",
      description =
          "Show what the wire-copy parser made of one .txt file: fields, paragraphs, subheadings, notes.")
  Path explain;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    if (explain != null) {
      return explain();
    }
    BuildOptions options = BuildOptions.of(source.path());
    BuildResult result = new SiteBuilder(Progress.quiet()).check(options);
    if (strict) {
      result = keysAsWarnings(result);
    }
    Reports.print(result, err, verbose.on);
    err.println(Reports.summary(result, "checked"));
    return result.exitCode(strict);
  }

  /**
   * Front-matter keys Broadsheet does not know are kept as template params and noted; a strict
   * check reports them as warnings (a typo such as {@code titel:} fails it).
   */
  static BuildResult keysAsWarnings(BuildResult r) {
    var diagnostics =
        r.diagnostics().stream()
            .map(
                d ->
                    org.broadsheet.parse.Metadata.isUnknownKeyNote(d)
                        ? new org.broadsheet.diag.Diagnostic(
                            org.broadsheet.diag.Severity.WARNING,
                            d.path(),
                            d.line(),
                            d.column(),
                            d.message(),
                            d.sourceLine())
                        : d)
            .toList();
    return new BuildResult(
        r.articles(),
        r.leftOut(),
        r.skipped(),
        r.files(),
        r.bytes(),
        r.elapsed(),
        diagnostics,
        r.parsed(),
        r.rendered(),
        r.imagesEncoded());
  }

  private int explain() throws java.io.IOException {
    Path site = source.path();
    Path file = explain.toAbsolutePath().normalize();
    if (!java.nio.file.Files.isRegularFile(file)) {
      spec.commandLine().getErr().println("broadsheet: no such file: " + explain);
      return 2;
    }
    var config =
        org.broadsheet.config.SiteConfigLoader.load(site, new org.broadsheet.diag.Diagnostics());
    String relative =
        file.startsWith(site)
            ? site.relativize(file).toString().replace('\\', '/')
            : file.toString();
    spec.commandLine()
        .getOut()
        .print(
            org.broadsheet.parse.wire.Explain.explain(
                new org.broadsheet.source.SourceFile(relative, file),
                new org.broadsheet.parse.ParseContext(config.timeZone(), config.language())));
    return 0;
  }
}
