package org.broadsheet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.broadsheet.preview.PreviewBuild;
import org.broadsheet.preview.PreviewServer;
import org.broadsheet.serve.ArchiveServer;
import org.broadsheet.serve.ServeLimits;
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
      "A project folder (one with content/ and no index.html) is built with drafts and future"
          + " articles, watched, and rebuilt as you edit; open pages reload themselves, and the"
          + " build's errors and warnings are printed here as 'check' prints them. Until the first"
          + " build is ready, pages answer 'Building...' and reload, and /api/search waits.",
      "A built site folder or a SITE.zip from 'pack' is served read-only.",
      "Both answer /api/search with the JSON of 'broadsheet search --json'. Ctrl-C stops."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "DIR|SITE.zip",
      description = "Default: the project in the current folder.")
  Path target = Path.of(".");

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 8080;

  @Option(
      names = "--host",
      paramLabel = "HOST",
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
    return preview(path, err);
  }

  /**
   * Builds, serves and watches a project. Ctrl-C is handled from the start: the first build or a
   * rebuild in progress is stopped and waited for, then the temporary output is deleted; nothing is
   * printed but "stopping...".
   */
  private int preview(Path path, PrintWriter err) throws Exception {
    Path out = Files.createTempDirectory("broadsheet-preview-");
    AtomicReference<PreviewServer> running = new AtomicReference<>();
    AtomicBoolean stopping = new AtomicBoolean();
    Thread hook =
        onStop(
            err,
            () -> {
              stopping.set(true);
              PreviewServer preview = running.get();
              if (preview != null) {
                preview.close();
              }
              Publisher.deleteTree(out);
            });
    try (PreviewServer preview =
        PreviewServer.listen(
            path,
            new PreviewBuild(path, out.resolve("site"), Clock.systemUTC()),
            host,
            port,
            err,
            ServeLimits.DEFAULTS)) {
      running.set(preview);
      err.println(
          "building "
              + path
              + " (drafts and future articles included); "
              + preview.uri()
              + " answers when it is ready");
      err.flush();
      preview.buildFirst();
      if (stopping.get()) {
        return 0;
      }
      err.println(
          "previewing at "
              + preview.uri()
              + " (watching content/, templates/, static/, site.yaml; Ctrl-C stops)");
      preview.join();
      return 0;
    } catch (java.io.IOException | RuntimeException e) {
      if (stopping.get()) {
        return 0; // stopped while starting: what failed was only the stopping
      }
      throw e;
    } finally {
      if (!stopping.get()) {
        removeHook(hook);
        Publisher.deleteTree(out);
      }
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
    onStop(err, stop);
    join.run();
    return 0;
  }

  /** Runs {@code stop} when the JVM is asked to end (Ctrl-C, SIGTERM); its failures are quiet. */
  private static Thread onStop(PrintWriter err, Stop stop) {
    Thread hook =
        new Thread(
            () -> {
              // a thread of a build being stopped (a Lucene merge) may fail as its folder goes:
              // nothing to report while stopping
              Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {});
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
    return hook;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs now
    }
  }
}
