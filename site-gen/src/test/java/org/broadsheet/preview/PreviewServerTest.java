package org.broadsheet.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.render.ContentPolicy;
import org.broadsheet.serve.BuiltSite;
import org.broadsheet.serve.Http;
import org.broadsheet.serve.ServeLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's machinery (watch, rebuild, reload, overlay) over a stand-in build. */
class PreviewServerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path site;
  private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
  private FakeBuild build;
  private PreviewServer preview;
  private Http http;
  private EventStream events;

  @BeforeEach
  void start() throws Exception {
    Files.createDirectories(site.resolve("content"));
    Files.writeString(site.resolve("content/story.md"), "---\ntitle: Story\n---\nFirst version");
    start(ServeLimits.DEFAULTS);
  }

  private void start(ServeLimits limits) throws Exception {
    build = new FakeBuild(site, site.resolve("public"));
    preview =
        PreviewServer.start(
            site,
            build,
            "127.0.0.1",
            0,
            new PrintStream(terminal, true, StandardCharsets.UTF_8),
            limits);
    http = new Http(preview.port());
    events = new EventStream(preview.port());
    events.next("hello", WAIT);
  }

  @AfterEach
  void stop() throws Exception {
    events.close();
    preview.close();
  }

  @Test
  void injectsTheReloadScriptIntoPagesOnly() throws Exception {
    HttpResponse<String> page = http.get("/articles/story/");
    assertTrue(
        page.body().contains("<script src=\"/_broadsheet/live.js\" defer></script></body>"),
        page.body());
    assertTrue(http.get("/_broadsheet/live.js").body().contains("EventSource"));
    assertFalse(
        Files.readString(site.resolve("public/articles/story/index.html")).contains("_broadsheet"),
        "the built file itself is untouched");
    HttpResponse<String> missing = http.get("/articles/nothing/");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("/_broadsheet/live.js"), "the 404 page reloads too");
  }

  @Test
  void editServesTheNewPageAndSendsReload() throws Exception {
    Files.writeString(site.resolve("content/story.md"), "---\ntitle: Story\n---\nSecond version");
    events.next("reload", WAIT);
    assertTrue(http.get("/articles/story/").body().contains("Second version"));
  }

  @Test
  void brokenFileShowsProblemsKeepsLastGoodPageAndRecovers() throws Exception {
    Files.writeString(site.resolve("content/story.md"), "title: Story\n---\nBroken version");
    EventStream.Event problems = events.next("problems", WAIT);
    assertTrue(
        problems.data().contains("content/story.md:1:1: error: front matter must start with ---"),
        problems.data());
    assertTrue(http.get("/articles/story/").body().contains("First version"));
    assertTrue(terminal.toString(StandardCharsets.UTF_8).contains("content/story.md:1:1: error"));

    try (EventStream late = new EventStream(preview.port())) {
      assertTrue(
          late.next("hello", WAIT).data().contains("front matter must start"),
          "a page opened now shows them too");
    }

    Files.writeString(site.resolve("content/story.md"), "---\ntitle: Story\n---\nFixed version");
    events.next("reload", WAIT);
    assertTrue(http.get("/articles/story/").body().contains("Fixed version"));
    assertTrue(preview.status().ok());
  }

  @Test
  void deletedArticleIsGone() throws Exception {
    Files.delete(site.resolve("content/story.md"));
    events.next("reload", WAIT);
    assertEquals(404, http.get("/articles/story/").statusCode());
  }

  @Test
  void rapidSavesMakeOneRebuild() throws Exception {
    int stalls = 0; // pauses between two saves as long as the quiet window (a loaded machine)
    long last = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      Files.writeString(site.resolve("content/story.md"), "---\ntitle: Story\n---\nSave " + i);
      long now = System.nanoTime();
      stalls += i > 0 && now - last >= PreviewServer.QUIET.toNanos() ? 1 : 0;
      last = now;
    }
    events.next("reload", WAIT);
    Thread.sleep(300);
    if (stalls == 0) {
      assertEquals(1, build.rebuilds.get());
    } else { // each stall may end a burst, never more
      assertTrue(build.rebuilds.get() <= 1 + stalls, build.rebuilds + " rebuilds, " + stalls);
    }
    assertTrue(http.get("/articles/story/").body().contains("Save 9"));
  }

  @Test
  void servesPagesAndTheReloadScriptUnderTheContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = http.get("/articles/story/");
    assertEquals(
        ContentPolicy.HEADER, page.headers().firstValue("content-security-policy").orElse(""));
    assertFalse(
        page.body().matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"),
        "no inline script: " + page.body());
    HttpResponse<String> script = http.get(LiveReload.SCRIPT);
    assertEquals(
        ContentPolicy.HEADER, script.headers().firstValue("content-security-policy").orElse(""));
    assertEquals("nosniff", script.headers().firstValue("x-content-type-options").orElse(""));
    assertEquals(
        ContentPolicy.HEADER,
        http.get("/articles/nothing/").headers().firstValue("content-security-policy").orElse(""));
    for (String method : List.of("POST", "PUT", "DELETE", "TRACE")) {
      assertEquals(405, http.send(method, LiveReload.SCRIPT).statusCode(), method);
      assertEquals(405, http.send(method, LiveReload.EVENTS).statusCode(), method);
    }
  }

  @Test
  void streamsPagesOverTheDecorationLimitAsBuilt() throws Exception {
    events.close();
    preview.close();
    Files.writeString(
        site.resolve("content/story.md"), "---\ntitle: Story\n---\n" + "Long story. ".repeat(1000));
    start(ServeLimits.DEFAULTS.withMaxDecorated(4096));
    HttpResponse<String> page = http.get("/articles/story/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().endsWith("Long story. </body></html>"), "the whole page, as built");
    assertFalse(page.body().contains(LiveReload.SCRIPT), "too big to decorate");

    BuiltSite.page(
        site.resolve("public"),
        "404.html",
        "<html><body>" + "Not here. ".repeat(1000) + "</body></html>");
    HttpResponse<String> missing = http.get("/articles/nothing/");
    assertEquals(404, missing.statusCode());
    assertTrue(
        missing.body().endsWith("Not here. </body></html>"), "the site's 404 page, streamed");
  }

  @Test
  void clientsThatNeverReadDoNotHoldUpTheOthers() throws Exception {
    events.close();
    preview.close();
    start(ServeLimits.DEFAULTS.withEvents(Duration.ofMillis(200), 4, Duration.ofSeconds(3)));
    List<Socket> stuck = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("127.0.0.1", preview.port()));
        socket
            .getOutputStream()
            .write(
                ("GET " + LiveReload.EVENTS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        stuck.add(socket); // and never read from again
      }
      awaitClients(11);
      // A problem report of 8 MB: more than the socket buffers of a client that does not read can
      // take.
      Files.writeString(site.resolve("content/story.md"), "x".repeat(4 << 20) + "\n---\nBroken");
      events.next("problems", WAIT);
      try (EventStream late = new EventStream(preview.port())) {
        late.next("hello", WAIT);
        long start = System.nanoTime();
        Files.writeString(site.resolve("content/story.md"), "---\ntitle: Story\n---\nFixed");
        late.next("reload", Duration.ofSeconds(3));
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(ms < 3_000, "reload took " + ms + " ms");
        awaitClients(2); // the ten that stopped reading were dropped
      }
    } finally {
      for (Socket socket : stuck) {
        socket.close();
      }
    }
  }

  private void awaitClients(int n) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (preview.eventClients() != n) {
      if (System.nanoTime() > end) {
        throw new AssertionError(preview.eventClients() + " event clients, expected " + n);
      }
      Thread.sleep(20);
    }
  }
}
