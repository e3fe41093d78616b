package org.broadsheet.preview;

import java.io.IOException;
import java.io.PrintStream;
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
import java.util.function.Consumer;
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
 * overlay on every open page; the next good rebuild clears them. Until the first build and its
 * index are ready, requests are held ({@link FirstBuildGate}). It stops quietly at any moment: a
 * build in progress is interrupted and waited for, and reports nothing more.
 */
public final class PreviewServer implements AutoCloseable {
  static final Duration QUIET = Duration.ofMillis(50);

  /** How long a stop waits for a build in progress to give up. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final SiteBuild build;
  private final Consumer<SiteBuild.Report> reports;
  private final ServeLimits limits;
  private final LiveReload live;
  private final AtomicLong generation = new AtomicLong();
  private final ReentrantLock building = new ReentrantLock();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean closing;
  private volatile Thread builder;
  private Set<String> warningsShown = Set.of();
  private SiteFiles files;
  private SearchIndex search;
  private FirstBuildGate gate;
  private SiteServer server;
  private SiteWatcher watcher;

  private PreviewServer(SiteBuild build, Consumer<SiteBuild.Report> reports, ServeLimits limits) {
    this.build = build;
    this.reports = reports;
    this.limits = limits;
    this.live = new LiveReload(limits);
  }

  /**
   * Starts serving (first, so that a taken port is reported at once), builds the project in {@code
   * site}, and watches it: {@link #listen} then {@link #buildFirst}.
   */
  public static PreviewServer start(
      Path site, SiteBuild build, String host, int port, PrintStream out) throws IOException {
    return start(site, build, host, port, printer(out), ServeLimits.DEFAULTS);
  }

  /**
   * As {@link #start(Path, SiteBuild, String, int, PrintStream)}, handing each (re)build's report
   * to {@code reports} (the Maven plugin sends it to Maven's log).
   */
  public static PreviewServer start(
      Path site, SiteBuild build, String host, int port, Consumer<SiteBuild.Report> reports)
      throws IOException {
    return start(site, build, host, port, reports, ServeLimits.DEFAULTS);
  }

  static PreviewServer start(
      Path site, SiteBuild build, String host, int port, PrintStream out, ServeLimits limits)
      throws IOException {
    return start(site, build, host, port, printer(out), limits);
  }

  private static PreviewServer start(
      Path site,
      SiteBuild build,
      String host,
      int port,
      Consumer<SiteBuild.Report> reports,
      ServeLimits limits)
      throws IOException {
    PreviewServer preview = listen(site, build, host, port, reports, limits);
    try {
      preview.buildFirst();
      return preview;
    } catch (IOException | RuntimeException e) {
      preview.close();
      throw e;
    }
  }

  /**
   * Starts serving before anything is built (a taken port is reported here, at once): every request
   * waits, or gets a page that reloads itself, until {@link #buildFirst()} has built the site and
   * its index.
   */
  public static PreviewServer listen(
      Path site,
      SiteBuild build,
      String host,
      int port,
      Consumer<SiteBuild.Report> reports,
      ServeLimits limits)
      throws IOException {
    PreviewServer preview = new PreviewServer(build, reports, limits);
    try {
      Files.createDirectories(build.output());
      preview.files = SiteFiles.folder(build.output());
      preview.search = SearchIndex.open(build.output().resolve("search/lucene"));
      preview.gate =
          new FirstBuildGate(SiteApp.handler(preview.files, preview.search, preview.live, limits));
      preview.server = SiteServer.start(host, port, preview.gate, limits);
      preview.watcher = new SiteWatcher(site, QUIET, preview::onChange);
      return preview;
    } catch (IOException | RuntimeException e) {
      preview.close();
      throw e;
    }
  }

  static PreviewServer listen(
      Path site, SiteBuild build, String host, int port, PrintStream out, ServeLimits limits)
      throws IOException {
    return listen(site, build, host, port, printer(out), limits);
  }

  /**
   * Builds the whole site, opens its index, lets the held requests through and starts watching.
   * Stopped meanwhile ({@link #close()}), it returns quietly, reporting nothing.
   */
  public void buildFirst() throws IOException {
    boolean built =
        underLock(
            () -> {
              SiteBuild.Report first = build.buildAll();
              refreshSearch();
              publish(first);
            });
    if (built) {
      gate.open();
      watcher.start();
    }
  }

  private interface Step {
    void run() throws IOException;
  }

  /**
   * Runs a build step unless stopping; false when it did not run or a stop cut it short (whose
   * failure then is nobody's business).
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
   * Hands the report on with only the warnings not reported after the previous build (a save does
   * not repeat every warning of the project; the summary still counts them all), and tells the open
   * pages. Nothing once stopping.
   */
  private void publish(SiteBuild.Report report) {
    if (closing) {
      return;
    }
    Set<String> now = new LinkedHashSet<>();
    List<Diagnostic> fresh = new ArrayList<>();
    for (Diagnostic w : report.warnings()) {
      if (now.add(w.format()) && !warningsShown.contains(w.format())) {
        fresh.add(w);
      }
    }
    warningsShown = now;
    reports.accept(new SiteBuild.Report(report.problems(), fresh, report.summary()));
    live.publish(new BuildStatus(generation.incrementAndGet(), report.problems()));
  }

  /** Prints a report's errors and warnings as {@code check} prints them, then its summary line. */
  private static Consumer<SiteBuild.Report> printer(PrintStream out) {
    return report -> {
      report.lines().forEach(out::println);
      out.flush();
    };
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
  boolean closing() {
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
   * Stops at any moment, quietly (once; later calls do nothing): a build in progress is interrupted
   * and waited for, so that its output is not closed under it, then the watcher, the server and the
   * index are closed.
   */
  @Override
  public void close() throws IOException {
    closing = true;
    if (!closed.compareAndSet(false, true)) {
      return;
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
