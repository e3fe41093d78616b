package org.broadsheet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.broadsheet.preview.Serving;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Preview a project with live reload, or serve a built site or a packed archive.",
      "A project folder (content/, no index.html) is built with drafts and future articles.",
      "It is then watched and rebuilt as you edit; its errors and warnings are printed as 'check'"
          + " prints them.",
      "Until the first build is ready, pages answer 'Building...' and reload, and /api/search"
          + " waits.",
      "A built site folder or a SITE.zip from 'pack' is served read-only.",
      "Both answer /api/search; Ctrl-C stops."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "DIR|SITE.zip",
      description = "Default: the project in the current folder.")
  Path target = Path.of(".");

  @Option(names = "--port", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 8080;

  @Option(
      names = "--host",
      description = "Address to listen on (default ${DEFAULT-VALUE}, this machine only).")
  String host = "127.0.0.1";

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Serving serving;
    try {
      serving =
          Serving.start(
              target,
              host,
              port,
              err::println,
              report -> {
                report.lines().forEach(err::println);
                err.flush();
              });
    } catch (Serving.NotServable e) {
      err.println("broadsheet: " + e.getMessage());
      return 2;
    }
    try (serving) {
      serving.untilStopped(
          line -> {
            err.println(line);
            err.flush();
          });
      return 0;
    }
  }
}
