package org.broadsheet.preview;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.broadsheet.serve.ArchiveServer;
import org.broadsheet.serve.ServeLimits;
import org.broadsheet.write.Publisher;

/**
 * {@code serve}, for every front end (the command line, the Maven plugin): a project folder ({@code
 * content/}, no {@code index.html}) is built with drafts and future articles into a temporary
 * folder, previewed with live reload and rebuilt as it changes; a built site folder or a zip from
 * {@code pack} is served read-only. Either answers {@code /api/search}. A preview listens at once
 * and holds requests until its first build is ready; it stops quietly at any moment, leaving no
 * temporary output.
 */
public final class Serving implements AutoCloseable {
  /** The path is neither a project, a built site nor a zip, or does not exist. */
  public static final class NotServable extends IOException {
    NotServable(String message) {
      super(message);
    }
  }

  private interface Closer {
    void close() throws IOException;
  }

  private interface Joiner {
    void join() throws InterruptedException;
  }

  private interface FirstBuild {
    void run() throws IOException;
  }

  private final URI uri;
  private final String description;
  private final FirstBuild firstBuild;
  private final Joiner joiner;
  private final Closer closer;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Serving(
      URI uri, String description, FirstBuild firstBuild, Joiner joiner, Closer closer) {
    this.uri = uri;
    this.description = description;
    this.firstBuild = firstBuild;
    this.joiner = joiner;
    this.closer = closer;
  }

  /**
   * Starts serving {@code target}; a project's first build runs in {@link #untilStopped}.
   *
   * @param say progress lines ("building ...") for the user
   * @param reports each preview (re)build's problems and summary; not called for a built site
   * @throws NotServable when {@code target} cannot be served, before anything starts
   */
  public static Serving start(
      Path target, String host, int port, Consumer<String> say, Consumer<SiteBuild.Report> reports)
      throws IOException {
    Path path = target.toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new NotServable("no such file or folder: " + target);
    }
    if (Files.isRegularFile(path) || Files.isRegularFile(path.resolve("index.html"))) {
      ArchiveServer server = ArchiveServer.start(path, host, port);
      return new Serving(
          server.uri(),
          "serving " + path + " at " + server.uri() + " (Ctrl-C stops)",
          () -> {},
          server::join,
          server::close);
    }
    if (!Files.isDirectory(path.resolve("content"))) {
      throw new NotServable(
          target + " is neither a project (content/), a built site (index.html) nor a zip");
    }
    Path out = Files.createTempDirectory("broadsheet-preview-");
    try {
      PreviewServer preview =
          PreviewServer.listen(
              path,
              new PreviewBuild(path, out.resolve("site"), Clock.systemUTC()),
              host,
              port,
              reports,
              ServeLimits.DEFAULTS);
      say.accept(
          "building "
              + path
              + " (drafts and future articles included); "
              + preview.uri()
              + " answers when it is ready...");
      return new Serving(
          preview.uri(),
          "previewing at "
              + preview.uri()
              + " (watching content/, templates/, static/, site.yaml; Ctrl-C stops)",
          preview::buildFirst,
          preview::join,
          () -> {
            try {
              preview.close();
            } finally {
              Publisher.deleteTree(out);
            }
          });
    } catch (IOException | RuntimeException e) {
      Publisher.deleteTree(out);
      throw e;
    }
  }

  public URI uri() {
    return uri;
  }

  /**
   * One line for the user: what is served where, e.g. {@code previewing at http://...}; {@link
   * #untilStopped} says it once serving.
   */
  public String description() {
    return description;
  }

  /**
   * Makes a project's first build, says {@link #description()}, then serves until Ctrl-C or SIGTERM
   * (a shutdown hook closes the server, which lets requests in flight finish, stops a build in
   * progress and removes the preview's temporary folder; nothing more is said) or until this thread
   * is interrupted.
   *
   * @param say the description once serving, and "stopping..." when Ctrl-C arrives
   * @throws IOException when the first build fails (not when a stop cut it short)
   */
  public void untilStopped(Consumer<String> say) throws IOException, InterruptedException {
    Thread hook =
        new Thread(
            () -> {
              // a thread of the build being stopped (a Lucene merge) may fail as its folder goes:
              // nothing to report while stopping
              Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {});
              say.accept("stopping...");
              closeQuietly();
            },
            "broadsheet-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      firstBuild.run();
      if (closed.get()) {
        return;
      }
      say.accept(description);
      joiner.join();
    } catch (IOException | RuntimeException e) {
      if (!closed.get()) {
        throw e;
      } // else stopped during the first build: what failed was only the stopping
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs now, or has run
      }
      closeQuietly();
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException | RuntimeException ignored) {
      // shutting down: nothing left to tell
    }
  }

  /** Stops serving (once; later calls do nothing) and removes the preview's temporary folder. */
  @Override
  public void close() throws IOException {
    if (closed.compareAndSet(false, true)) {
      closer.close();
    }
  }
}
