package org.broadsheet.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.broadsheet.serve.Http;
import org.broadsheet.serve.ServeLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview until its first build is ready (requests wait, pages say "Building..." and reload),
 * stopped at any moment (quietly, even mid-build), and its warnings (printed as {@code check}
 * prints them).
 */
class PreviewStartAndStopTest {
  private static final long WAIT_S = 30;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path site;
  @TempDir Path work; // holds the output folder and, beside it, the build cache
  private Path out;
  private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

  @BeforeEach
  void outputFolder() {
    out = work.resolve("public");
  }

  private void write(String path, String text) throws IOException {
    Path file = site.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void project() throws IOException {
    write("site.yaml", "title: Test Wire\nbaseUrl: https://example.org/\n");
    write(
        "content/vienna.md",
        "---\ntitle: Vienna talks resume\ndate: 2024-03-01\n---\n"
            + "Negotiators met in Vienna to revive the nuclear agreement.\n");
    write(
        "content/port.md",
        "---\ntitle: Port reopens\ndate: 2024-02-01\n---\nThe port of Vienna reopened.\n");
  }

  private String terminal() {
    return terminal.toString(StandardCharsets.UTF_8);
  }

  /** The real pipeline, whose first build waits until {@link #release} opens. */
  private static final class HeldBuild implements SiteBuild {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch rebuilding = new CountDownLatch(1);
    volatile boolean holdRebuilds;
    private final SiteBuild real;

    HeldBuild(SiteBuild real) {
      this.real = real;
    }

    @Override
    public Path output() {
      return real.output();
    }

    @Override
    public Report buildAll() throws IOException {
      started.countDown();
      hold(release);
      return real.buildAll();
    }

    @Override
    public Report rebuild(Set<Path> changed, boolean everything) throws IOException {
      if (holdRebuilds) {
        rebuilding.countDown();
        hold(new CountDownLatch(1)); // until stopped
      }
      return real.rebuild(changed, everything);
    }

    private static void hold(CountDownLatch latch) throws IOException {
      try {
        latch.await();
      } catch (InterruptedException e) {
        throw new InterruptedIOException("stopped");
      }
    }
  }

  private PreviewServer listen(HeldBuild build) throws IOException {
    return PreviewServer.listen(
        site,
        build,
        "127.0.0.1",
        0,
        new PrintStream(terminal, true, StandardCharsets.UTF_8),
        ServeLimits.DEFAULTS);
  }

  @Test
  void searchWaitsForTheFirstBuildAndAnswersFromTheWholeIndex() throws Exception {
    project();
    HeldBuild build = new HeldBuild(new PreviewBuild(site, out, CLOCK));
    try (PreviewServer preview = listen(build)) {
      CompletableFuture<Void> first = CompletableFuture.runAsync(() -> buildFirst(preview));
      assertTrue(build.started.await(WAIT_S, TimeUnit.SECONDS));
      CompletableFuture<HttpResponse<String>> search =
          HttpClient.newHttpClient()
              .sendAsync(
                  HttpRequest.newBuilder(preview.uri().resolve("/api/search?q=vienna"))
                      .timeout(Duration.ofSeconds(120))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      while (preview.waitingForFirstBuild() == 0) {
        assertFalse(search.isDone(), () -> "answered before the first build: " + search.join());
        Thread.sleep(10);
      }
      assertFalse(search.isDone(), "the search waits");
      build.release.countDown();
      HttpResponse<String> answer = search.get(120, TimeUnit.SECONDS);
      first.get(120, TimeUnit.SECONDS);
      assertEquals(200, answer.statusCode(), answer.body());
      Map<String, Object> json = JSON.std.mapFrom(answer.body());
      assertEquals(2, ((Number) json.get("total")).intValue(), answer.body());
    }
  }

  @Test
  void aPageAskedDuringTheFirstBuildSaysBuildingAndReloadsItself() throws Exception {
    project();
    HeldBuild build = new HeldBuild(new PreviewBuild(site, out, CLOCK));
    try (PreviewServer preview = listen(build)) {
      Http http = new Http(preview.port());
      CompletableFuture<Void> first = CompletableFuture.runAsync(() -> buildFirst(preview));
      assertTrue(build.started.await(WAIT_S, TimeUnit.SECONDS));
      HttpResponse<String> building = http.get("/");
      assertEquals(503, building.statusCode());
      assertEquals("1", building.headers().firstValue("retry-after").orElse(""));
      assertTrue(building.body().contains("<meta http-equiv=\"refresh\" content=\"1\">"));
      assertTrue(building.body().contains("Building the site"), building.body());
      build.release.countDown();
      first.get(WAIT_S, TimeUnit.SECONDS);
      HttpResponse<String> page = http.get("/articles/vienna/");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("Vienna talks resume"));
    }
  }

  @Test
  void warningsArePrintedAsCheckPrintsThemAndNotRepeatedOnEverySave() throws Exception {
    project();
    write("content/vienna.md", "---\ndate: 2024-03-01\n---\nNegotiators met in Vienna.\n");
    try (PreviewServer preview =
        PreviewServer.start(
            site,
            new PreviewBuild(site, out, CLOCK),
            "127.0.0.1",
            0,
            new PrintStream(terminal, true, StandardCharsets.UTF_8),
            ServeLimits.DEFAULTS)) {
      String warning = "content/vienna.md:1:1: warning: front matter has no 'title'";
      assertTrue(terminal().contains(warning), terminal());
      assertTrue(terminal().contains("'\n    ---\n    ^\n"), "as check shows it: " + terminal());
      assertTrue(terminal().contains("0 errors, 1 warning"), terminal());
      assertFalse(terminal().contains("no baseUrl"), "the preview uses its own address");

      EventStream events = new EventStream(preview.port());
      events.next("hello", Duration.ofSeconds(WAIT_S));
      write("content/port.md", "---\ndate: 2024-02-01\n---\nThe port reopened.\n");
      events.next("reload", Duration.ofSeconds(WAIT_S));
      events.close();
      String after = terminal();
      assertTrue(
          after.contains("content/port.md:1:1: warning: front matter has no 'title'"), after);
      assertEquals(1, after.split(java.util.regex.Pattern.quote(warning), -1).length - 1, after);
      assertTrue(after.contains("0 errors, 2 warnings"), after);
    }
  }

  @Test
  void stoppingDuringTheFirstBuildIsQuiet() throws Exception {
    project();
    HeldBuild build = new HeldBuild(new PreviewBuild(site, out, CLOCK));
    PreviewServer preview = listen(build);
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> buildFirst(preview));
    assertTrue(build.started.await(WAIT_S, TimeUnit.SECONDS));
    preview.close();
    first.get(WAIT_S, TimeUnit.SECONDS); // returns, no exception
    assertTrue(preview.closing());
    assertEquals("", terminal(), "nothing printed");
  }

  @Test
  void stoppingDuringARebuildIsQuiet() throws Exception {
    project();
    HeldBuild build = new HeldBuild(new PreviewBuild(site, out, CLOCK));
    build.release.countDown();
    PreviewServer preview = listen(build);
    preview.buildFirst();
    String before = terminal();
    build.holdRebuilds = true;
    write("content/port.md", "---\ntitle: Port reopens\ndate: 2024-02-01\n---\nEdited.\n");
    assertTrue(build.rebuilding.await(WAIT_S, TimeUnit.SECONDS), "a rebuild runs");
    preview.close();
    assertEquals(before, terminal(), "nothing printed after stopping");
  }

  private static void buildFirst(PreviewServer preview) {
    try {
      preview.buildFirst();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
