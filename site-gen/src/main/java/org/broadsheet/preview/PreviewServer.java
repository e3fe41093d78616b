package org.broadsheet.preview;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
 * overlay on every open page; the next good rebuild clears them.
 */
public final class PreviewServer implements AutoCloseable {
  static final Duration QUIET = Duration.ofMillis(50);

  private final SiteBuild build;
  private final Consumer<SiteBuild.Report> reports;
  private final ServeLimits limits;
  private final LiveReload live;
  private final AtomicLong generation = new AtomicLong();
  private SiteFiles files;
  private SearchIndex search;
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
   * site}, and watches it.
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
    PreviewServer preview = new PreviewServer(build, reports, limits);
    try {
      Files.createDirectories(build.output());
      preview.files = SiteFiles.folder(build.output());
      preview.search = SearchIndex.open(build.output().resolve("search/lucene"));
      preview.server =
          SiteServer.start(
              host,
              port,
              SiteApp.handler(preview.files, preview.search, preview.live, limits),
              limits);
      preview.watcher = new SiteWatcher(site, QUIET, preview::onChange);
      SiteBuild.Report first = build.buildAll();
      preview.refreshSearch();
      preview.publish(first);
      preview.watcher.start();
      return preview;
    } catch (IOException | RuntimeException e) {
      preview.close();
      throw e;
    }
  }

  private void onChange(SiteWatcher.Change change) {
    try {
      SiteBuild.Report report = build.rebuild(change.paths(), change.overflow());
      refreshSearch();
      publish(report);
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

  private void publish(SiteBuild.Report report) {
    BuildStatus status = new BuildStatus(generation.incrementAndGet(), report.problems());
    reports.accept(report);
    live.publish(status);
  }

  /** Prints a report's problems, then its summary line. */
  private static Consumer<SiteBuild.Report> printer(PrintStream out) {
    return report -> {
      for (Diagnostic d : report.problems()) {
        out.println(d.format());
      }
      out.println(report.summary());
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

  /** Event-stream clients connected now. */
  int eventClients() {
    return live.connectedClients();
  }

  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws IOException {
    if (watcher != null) {
      watcher.close();
    }
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
  }
}
