package org.broadsheet.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.broadsheet.render.ContentPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveServerTest {
  @TempDir Path tmp;
  private ArchiveServer server;
  private Http http;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private Path start(String kind) throws IOException {
    return start(kind, site -> {}, ServeLimits.DEFAULTS);
  }

  private interface SiteEdit {
    void apply(Path site) throws IOException;
  }

  private Path start(String kind, SiteEdit edit, ServeLimits limits) throws IOException {
    Path site = BuiltSite.write(tmp.resolve("public"));
    edit.apply(site);
    Path served = kind.equals("zip") ? BuiltSite.zip(site, tmp.resolve("site.zip")) : site;
    server = ArchiveServer.start(served, "127.0.0.1", 0, limits);
    http = new Http(server.port());
    return site;
  }

  @ParameterizedTest
  @ValueSource(strings = {"folder", "zip"})
  void servesFolderIndexAsHtml(String kind) throws Exception {
    start(kind);
    HttpResponse<String> r = http.get("/articles/vienna-talks/");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
    assertTrue(r.body().contains("Vienna talks resume"));
    assertFalse(r.body().contains("_broadsheet"), "a built site is served exactly as built");
  }

  @ParameterizedTest
  @ValueSource(strings = {"folder", "zip"})
  void redirectsFolderWithoutSlash(String kind) throws Exception {
    start(kind);
    HttpResponse<String> r = http.get("/articles/vienna-talks");
    assertEquals(301, r.statusCode());
    assertTrue(
        r.headers().firstValue("location").orElseThrow().endsWith("/articles/vienna-talks/"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"folder", "zip"})
  void givesContentTypes(String kind) throws Exception {
    start(kind);
    assertEquals(
        "application/wasm",
        http.get("/assets/search.wasm").headers().firstValue("content-type").orElseThrow());
    assertTrue(
        http.get("/assets/site.css")
            .headers()
            .firstValue("content-type")
            .orElseThrow()
            .startsWith("text/css"));
    assertTrue(
        http.get("/feed.xml").headers().firstValue("content-type").orElseThrow().contains("xml"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"folder", "zip"})
  void answersConditionalRequestsWith304(String kind) throws Exception {
    start(kind);
    HttpResponse<String> first = http.get("/assets/site.css");
    String etag = first.headers().firstValue("etag").orElseThrow();
    String modified = first.headers().firstValue("last-modified").orElseThrow();
    assertEquals(304, http.get("/assets/site.css", "If-None-Match", etag).statusCode());
    assertEquals(304, http.get("/assets/site.css", "If-Modified-Since", modified).statusCode());
    assertEquals(200, http.get("/assets/site.css", "If-None-Match", "\"other\"").statusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"folder", "zip"})
  void servesByteRanges(String kind) throws Exception {
    Path site = start(kind);
    HttpResponse<byte[]> r = http.bytes("/assets/search.wasm", "Range", "bytes=100-199");
    assertEquals(206, r.statusCode());
    assertEquals("bytes 100-199/20000", r.headers().firstValue("content-range").orElseThrow());
    byte[] all = Files.readAllBytes(site.resolve("assets/search.wasm"));
    assertArrayEquals(java.util.Arrays.copyOfRange(all, 100, 200), r.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"folder", "zip"})
  void gzipsWhenAccepted(String kind) throws Exception {
    Path site = start(kind);
    HttpResponse<byte[]> zipped = http.bytes("/", "Accept-Encoding", "gzip");
    assertEquals("gzip", zipped.headers().firstValue("content-encoding").orElseThrow());
    byte[] plain = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
    assertArrayEquals(Files.readAllBytes(site.resolve("index.html")), plain);
    assertTrue(http.bytes("/").headers().firstValue("content-encoding").isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"folder", "zip"})
  void answersMissingPagesWithTheSites404Page(String kind) throws Exception {
    start(kind);
    HttpResponse<String> r = http.get("/articles/no-such-story/");
    assertEquals(404, r.statusCode());
    assertTrue(r.body().contains("Page not found"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"folder", "zip"})
  void neverListsFolders(String kind) throws Exception {
    start(kind);
    assertEquals(404, http.get("/assets/").statusCode());
    assertEquals(404, http.get("/assets/empty-folder/").statusCode());
    assertEquals(404, http.get("/search/lucene/").statusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"folder", "zip"})
  void answersHeadWithoutBody(String kind) throws Exception {
    start(kind);
    HttpResponse<String> r = http.send("HEAD", "/assets/site.css");
    assertEquals(200, r.statusCode());
    assertEquals("", r.body());
    assertEquals(
        String.valueOf("body { font-family: serif; }\n".length() * 40),
        r.headers().firstValue("content-length").orElseThrow());
    assertEquals(405, http.send("POST", "/index.html").statusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"folder", "zip"})
  void searchesTheShippedIndex(String kind) throws Exception {
    start(kind);
    HttpResponse<String> r = http.get("/api/search?q=JCPOA+Vienna&limit=5");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
    Map<String, Object> json = JSON.std.mapFrom(r.body());
    assertEquals(1, ((Number) json.get("total")).intValue());
    @SuppressWarnings("unchecked")
    Map<String, Object> hit = ((List<Map<String, Object>>) json.get("hits")).get(0);
    assertEquals("vienna-talks", hit.get("id"));
    assertEquals("articles/vienna-talks/", hit.get("url"));
    assertEquals(
        List.of("id", "title", "url", "date", "score", "snippet"), List.copyOf(hit.keySet()));
    assertTrue(((String) hit.get("snippet")).contains("<mark>"));
  }

  @Test
  void searchFiltersSortsAndRejectsBadParameters() throws Exception {
    start("folder");
    assertEquals(
        2,
        ((Number) JSON.std.mapFrom(http.get("/api/search?q=&sort=date").body()).get("total"))
            .intValue());
    Map<String, Object> bySection =
        JSON.std.mapFrom(http.get("/api/search?q=the&section=economy").body());
    assertEquals(1, ((Number) bySection.get("total")).intValue());
    Map<String, Object> byDate =
        JSON.std.mapFrom(http.get("/api/search?q=the&from=2022-01-01&to=2022-12-31").body());
    assertEquals(1, ((Number) byDate.get("total")).intValue());
    assertEquals(400, http.get("/api/search?q=x&limit=lots").statusCode());
    assertEquals(400, http.get("/api/search?q=x&limit=0").statusCode());
    assertEquals(400, http.get("/api/search?q=x&sort=size").statusCode());
    assertEquals(400, http.get("/api/search?q=x&from=yesterday").statusCode());
    assertTrue(http.get("/api/search?q=x&sort=size").body().contains("\"error\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"folder", "zip"})
  void refusesEveryPathOutOfTheSite(String kind) throws Exception {
    Files.writeString(tmp.resolve("secret.txt"), BuiltSite.SECRET);
    start(kind);
    List<String> attempts =
        List.of(
            "/../secret.txt",
            "/assets/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E/%2e%2e/secret.txt",
            "/.%2e/secret.txt",
            "/assets/%2e%2e/%2e%2e/secret.txt",
            "/..%2fsecret.txt",
            "/..%5csecret.txt",
            "/..\\secret.txt",
            "/%00",
            "/index.html%00.css",
            "/articles/%00/index.html",
            "/" + tmp.resolve("secret.txt").toAbsolutePath(),
            "//" + tmp.resolve("secret.txt").toAbsolutePath(),
            "/%2f" + tmp.resolve("secret.txt").toAbsolutePath(),
            "/;/../secret.txt",
            "/assets/;x=1/../../secret.txt",
            "/%252e%252e/secret.txt",
            "/assets/..;/..;/secret.txt");
    for (String attempt : attempts) {
      String response = http.raw(attempt);
      int status = Http.status(response);
      assertTrue(status == 400 || status == 404, attempt + " answered " + status);
      assertFalse(response.contains(BuiltSite.SECRET), attempt + " leaked the file");
    }
  }

  @Test
  void refusesSymlinksLeadingOut() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), BuiltSite.SECRET);
    Path site = BuiltSite.write(tmp.resolve("public"));
    Files.createSymbolicLink(site.resolve("leak.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(site.resolve("leakdir"), outside);
    server = ArchiveServer.start(site, "127.0.0.1", 0);
    http = new Http(server.port());
    for (String path : List.of("/leak.txt", "/leakdir/secret.txt", "/leakdir/")) {
      HttpResponse<String> r = http.get(path);
      assertEquals(404, r.statusCode(), path);
      assertFalse(r.body().contains(BuiltSite.SECRET), path);
    }
  }

  @Test
  void saysClearlyWhenThePortIsTaken() throws Exception {
    start("folder");
    IOException e =
        assertThrows(
            IOException.class,
            () -> ArchiveServer.start(tmp.resolve("public"), "127.0.0.1", server.port()));
    assertTrue(
        e.getMessage().contains("port " + server.port() + " on 127.0.0.1 is already in use"),
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"folder", "zip"})
  void neverServesHiddenFiles(String kind) throws Exception {
    start(
        kind,
        site -> {
          BuiltSite.page(site, ".git/config", BuiltSite.SECRET);
          BuiltSite.page(site, ".broadsheet-site", BuiltSite.SECRET);
          BuiltSite.page(site, "assets/.env", BuiltSite.SECRET);
          BuiltSite.page(site, ".well/index.html", BuiltSite.SECRET);
        },
        ServeLimits.DEFAULTS);
    for (String path :
        List.of(
            "/.git/config",
            "/%2egit/config",
            "/%2Egit/config",
            "/.git/",
            "/.git",
            "/.broadsheet-site",
            "/%2ebroadsheet-site",
            "/assets/.env",
            "/assets/%2eenv",
            "/.well/",
            "/.well",
            "/%2ewell/index.html")) {
      String response = http.raw(path);
      assertEquals(404, Http.status(response), path + " answered " + response);
      assertFalse(response.contains(BuiltSite.SECRET), path + " leaked the file");
    }
    assertEquals(200, http.get("/assets/site.css").statusCode(), "ordinary files are still served");
  }

  @ParameterizedTest
  @ValueSource(strings = {"folder", "zip"})
  void everyResponseCarriesTheSecurityHeaders(String kind) throws Exception {
    start(kind);
    List<HttpResponse<String>> responses =
        List.of(
            http.get("/"),
            http.get("/assets/site.css"),
            http.get("/assets/search.wasm"),
            http.get("/api/search?q=vienna"),
            http.get("/api/search?limit=lots"),
            http.get("/articles/no-such-story/"),
            http.get("/articles/vienna-talks"),
            http.get("/.git/config"),
            http.send("POST", "/api/search"),
            http.send("DELETE", "/index.html"));
    for (HttpResponse<String> r : responses) {
      String what = r.request().method() + " " + r.uri() + " (" + r.statusCode() + ")";
      assertEquals(
          ContentPolicy.HEADER, r.headers().firstValue("content-security-policy").orElse(""), what);
      assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElse(""), what);
      assertEquals(
          "strict-origin-when-cross-origin",
          r.headers().firstValue("referrer-policy").orElse(""),
          what);
    }
    for (String target : List.of("/%00", "/index.html%00.css", "/../secret.txt")) {
      String raw = http.raw(target).toLowerCase(java.util.Locale.ROOT);
      assertTrue(
          raw.contains(
              "content-security-policy: "
                  + ContentPolicy.HEADER.toLowerCase(java.util.Locale.ROOT)),
          target + ": " + raw);
      assertTrue(raw.contains("x-content-type-options: nosniff"), target + ": " + raw);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"folder", "zip"})
  void answersOnlyGetAndHead(String kind) throws Exception {
    start(kind);
    for (String path :
        List.of("/api/search?q=vienna", "/", "/assets/site.css", "/articles/no-such-story/")) {
      for (String method : List.of("TRACE", "POST", "DELETE", "PUT", "OPTIONS", "PATCH")) {
        HttpResponse<String> r = http.send(method, path);
        assertEquals(405, r.statusCode(), method + " " + path);
        assertEquals("GET, HEAD", r.headers().firstValue("allow").orElse(""), method + " " + path);
        assertFalse(r.body().contains("\"hits\""), method + " " + path + " ran a search");
      }
      assertEquals(
          http.get(path).statusCode(), http.send("HEAD", path).statusCode(), "HEAD " + path);
    }
  }

  @Test
  void capsConnectionsAndClosesIdleOnes() throws Exception {
    ServeLimits limits =
        ServeLimits.DEFAULTS.withConnections(4, Duration.ofSeconds(2), Duration.ofMillis(250));
    start("folder", site -> {}, limits);
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        idle.add(new Socket("127.0.0.1", server.port())); // connects, then says nothing
      }
      Thread.sleep(300);
      assertTrue(
          server.openConnections() <= 4,
          server.openConnections() + " connections open, over the cap");

      // Four idle ones hold every slot, two more wait to be accepted: at the limit idle connections
      // are shed sooner, and a fresh client is answered within the ordinary idle timeout.
      long start = System.nanoTime();
      assertEquals(200, http.get("/").statusCode());
      long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
      assertTrue(waited < 2_000, "a fresh client waited " + waited + " ms");

      Socket first = idle.get(0);
      first.setSoTimeout(5_000);
      assertEquals(-1, first.getInputStream().read(), "an idle connection is closed by the server");
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
  }
}
