package org.broadsheet.preview;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.broadsheet.build.DiagnosticLines;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.serve.SearchIndex;
import org.broadsheet.serve.ServeLimits;
import org.broadsheet.serve.SiteApp;
import org.broadsheet.serve.SiteFiles;
import org.broadsheet.serve.SiteServer;

/**
 * {@code broadsheet serve} on a project: builds it, serves the output with live reload and {@code
 * /api/search} over the live index, watches the sources and rebuilds what each change touches. A
 * rebuild with errors keeps the last good pages, prints the diagnostics and shows them in an
 * overlay on every open page; the next good rebuild clears them.
 */
public final class PreviewServer implements AutoCloseable {
  static final Duration QUIET = Duration.ofMillis(50);

  /** How long stopping waits for a build in progress to give up. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final Path site;
  private final SiteBuild build;
  private final PrintWriter out;
  private final ServeLimits limits;
  private final LiveReload live;
  private final AtomicLong generation = new AtomicLong();

  /** Held while a build runs; stopping takes it, so nothing is deleted under a build. */
  private final ReentrantLock building = new ReentrantLock();

  private volatile Thread builder;
  private volatile boolean closing;
  private final AtomicBoolean closed = new AtomicBoolean();
  private Set<String> warningsShown = Set.of();
  private SiteFiles files;
  private SearchIndex search;
  private FirstBuildGate gate;
  private SiteServer server;
  private SiteWatcher watcher;

  private PreviewServer(Path site, SiteBuild build, PrintWriter out, ServeLimits limits) {
    this.site = site;
    this.build = build;
    this.out = out;
    this.limits = limits;
    this.live = new LiveReload(limits);
  }

  /**
   * Starts serving (first, so that a taken port is reported at once), builds the project in {@code
   * site}, and watches it.
   */
  public static PreviewServer start(
      Path site, SiteBuild build, String host, int port, PrintStream out) throws IOException {
    return start(site, build, host, port, out, ServeLimits.DEFAULTS);
  }

  static PreviewServer start(
      Path site, SiteBuild build, String host, int port, PrintStream out, ServeLimits limits)
      throws IOException {
    PreviewServer preview = listen(site, build, host, port, out, limits);
    try {
      preview.buildFirst();
      return preview;
    } catch (IOException | RuntimeException e) {
      preview.close();
      throw e;
    }
  }

  /**
   * Starts serving, before anything is built: every request waits (or gets a page that reloads
   * itself) until {@link #buildFirst()} has built the site and its index. A taken port is reported
   * here, at once.
   */
  public static PreviewServer listen(
      Path site, SiteBuild build, String host, int port, PrintStream out) throws IOException {
    return listen(site, build, host, port, out, ServeLimits.DEFAULTS);
  }

  static PreviewServer listen(
      Path site, SiteBuild build, String host, int port, PrintStream out, ServeLimits limits)
      throws IOException {
    return listen(site, build, host, port, new PrintWriter(out, true), limits);
  }

  /** As {@link #listen(Path, SiteBuild, String, int, PrintStream)}, printing to {@code out}. */
  public static PreviewServer listen(
      Path site, SiteBuild build, String host, int port, PrintWriter out, ServeLimits limits)
      throws IOException {
    PreviewServer preview = new PreviewServer(site, build, out, limits);
    try {
      Files.createDirectories(build.output());
      preview.files = SiteFiles.folder(build.output());
      preview.search = SearchIndex.open(build.output().resolve("search/lucene"));
      preview.gate =
          new FirstBuildGate(SiteApp.handler(preview.files, preview.search, preview.live, limits));
      preview.server = SiteServer.start(host, port, preview.gate, limits);
      // watching from now on: a save during the first build makes a rebuild after it
      preview.watcher = new SiteWatcher(site, QUIET, preview::onChange);
      return preview;
    } catch (IOException | RuntimeException e) {
      preview.close();
      throw e;
    }
  }

  /**
   * Builds the whole site, opens the index, lets the held requests through and starts watching.
   * Stopped meanwhile ({@link #close()}), it returns quietly.
   */
  public void buildFirst() throws IOException {
    boolean built =
        underLock(
            () -> {
              SiteBuild.Report first = build.buildAll();
              refreshSearch();
              publish(first);
            });
    if (!built) {
      return;
    }
    gate.open();
    watcher.start();
  }

  private interface Step {
    void run() throws IOException;
  }

  /**
   * Runs a build step unless stopping; false when it was not run or stopping interrupted it (then
   * its failure is nobody's business).
   */
  private boolean underLock(Step step) throws IOException {
    building.lock();
    try {
      if (closing) {
        return false;
      }
      builder = Thread.currentThread();
      step.run();
      return !closing;
    } catch (IOException | RuntimeException e) {
      if (closing) {
        return false;
      }
      throw e;
    } finally {
      builder = null;
      if (closing) {
        Thread.interrupted(); // the interrupt was for the build, which is over
      }
      building.unlock();
    }
  }

  private void onChange(SiteWatcher.Change change) {
    try {
      underLock(
          () -> {
            SiteBuild.Report report = build.rebuild(change.paths(), change.overflow());
            refreshSearch();
            publish(report);
          });
    } catch (IOException | RuntimeException e) {
      publish(
          new SiteBuild.Report(
              List.of(Diagnostic.error("(rebuild)", String.valueOf(e))), "rebuild failed"));
    }
  }

  private void refreshSearch() throws IOException {
    var reader = build.searchReader();
    if (reader.isPresent()) {
      search.use(reader.get());
    } else {
      search.reload();
    }
  }

  /**
   * Prints the errors, then the warnings as {@code check} prints them (only those not printed after
   * the last build, so a save does not repeat every warning of the project), then the summary.
   */
  private void publish(SiteBuild.Report report) {
    if (closing) {
      return;
    }
    BuildStatus status = new BuildStatus(generation.incrementAndGet(), report.problems());
    Set<String> now = new LinkedHashSet<>();
    List<Diagnostic> fresh = new ArrayList<>(report.problems());
    for (Diagnostic w : report.warnings()) {
      if (now.add(w.format()) && !warningsShown.contains(w.format())) {
        fresh.add(w);
      }
    }
    warningsShown = now;
    DiagnosticLines.print(fresh, false, out::println);
    out.println(report.summary());
    out.flush();
    live.publish(status);
  }

  public URI uri() {
    return server.uri();
  }

  public int port() {
    return server.port();
  }

  public BuildStatus status() {
    return live.status();
  }

  /** Whether {@link #close()} has begun: what a build reports now is not printed. */
  public boolean closing() {
    return closing;
  }

  /** Requests held until the first build is ready. */
  int waitingForFirstBuild() {
    return gate == null ? 0 : gate.waiting();
  }

  /** Event-stream clients connected now. */
  int eventClients() {
    return live.connectedClients();
  }

  public void join() throws InterruptedException {
    server.join();
  }

  /**
   * Stops at any moment, quietly: a build in progress is interrupted and waited for (so the output
   * is not deleted under it), then the watcher, the server and the index are closed.
   */
  @Override
  public void close() throws IOException {
    closing = true;
    if (!closed.compareAndSet(false, true)) {
      return; // closed already (Ctrl-C's hook and the command both close it)
    }
    if (watcher != null) {
      watcher.close();
    }
    Thread running = builder;
    if (running != null && running != Thread.currentThread()) {
      running.interrupt();
    }
    boolean locked = false;
    try {
      locked = building.tryLock(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      live.close();
      if (server != null) {
        server.close();
      }
      if (search != null) {
        search.close();
      }
      if (files != null) {
        files.close();
      }
      build.close();
    } finally {
      if (locked) {
        building.unlock();
      }
    }
  }
}
