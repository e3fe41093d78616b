package org.broadsheet.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.broadsheet.preview.PreviewBuild;
import org.broadsheet.preview.PreviewServer;
import org.broadsheet.serve.ArchiveServer;
import org.broadsheet.write.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Preview a project with live reload, or serve a built site or a packed archive.",
      "A project folder (content/, no index.html) is built with drafts and future articles, watched and",
      "rebuilt as you edit; a built site folder or a SITE.zip from 'pack' is served read-only.",
      "Both answer /api/search."
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
    Path path = target.toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      err.println("broadsheet: no such file or folder: " + target);
      return 2;
    }
    if (Files.isRegularFile(path) || Files.isRegularFile(path.resolve("index.html"))) {
      try (ArchiveServer server = ArchiveServer.start(path, host, port)) {
        err.println("serving " + path + " at " + server.uri() + " (Ctrl-C stops)");
        return untilStopped(server::close, server::join, err);
      }
    }
    if (!Files.isDirectory(path.resolve("content"))) {
      err.println(
          "broadsheet: "
              + target
              + " is neither a project (content/), a built site (index.html) nor a zip");
      return 2;
    }
    Path out = Files.createTempDirectory("broadsheet-preview-");
    err.println("building " + path + " (drafts and future articles included)...");
    PrintStream log = new PrintStream(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    try (PreviewServer preview =
        PreviewServer.start(
            path,
            new PreviewBuild(path, out.resolve("site"), Clock.systemUTC()),
            host,
            port,
            log)) {
      err.println(
          "previewing at "
              + preview.uri()
              + " (watching content/, templates/, static/, site.yaml; Ctrl-C stops)");
      return untilStopped(
          () -> {
            preview.close();
            Publisher.deleteTree(out);
          },
          preview::join,
          err);
    } finally {
      Publisher.deleteTree(out);
    }
  }

  private interface Stop {
    void run() throws Exception;
  }

  private interface Join {
    void run() throws InterruptedException;
  }

  /**
   * Serves until Ctrl-C: the shutdown hook stops the server, which lets requests in flight finish.
   */
  private static int untilStopped(Stop stop, Join join, PrintWriter err)
      throws InterruptedException {
    Thread hook =
        new Thread(
            () -> {
              err.println("stopping...");
              err.flush();
              try {
                stop.run();
              } catch (Exception ignored) {
                // shutting down
              }
            },
            "broadsheet-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    join.run();
    return 0;
  }
}
