package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;
import org.broadsheet.build.SiteFixture;
import org.broadsheet.serve.ArchiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCommandTest {
  @Test
  void packWritesAnOfflineSiteWithItsIndexThatServeAnswersFromTheZip(@TempDir Path dir)
      throws Exception {
    SiteFixture.write(dir, MainTest.SITE);
    Path zip = dir.resolve("out/archive.zip");
    MainTest.Run pack = MainTest.run("pack", "--source", dir.toString(), "--out", zip.toString());
    assertEquals(0, pack.code(), pack.err());
    assertTrue(pack.err().contains("packed 2 articles"), pack.err());
    try (ZipFile z = new ZipFile(zip.toFile())) {
      assertTrue(z.getEntry("index.html") != null, "the site sits at the top of the zip");
      assertTrue(z.stream().anyMatch(e -> e.getName().startsWith("search/lucene/segments_")));
      String front = new String(z.getInputStream(z.getEntry("index.html")).readAllBytes());
      assertTrue(front.contains("articles/a/index.html"), "offline links end in index.html");
      assertTrue(!front.contains("_broadsheet"), "no preview script in packed output");
    }

    try (ArchiveServer server = ArchiveServer.start(zip, "127.0.0.1", 0)) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(server.uri().resolve("articles/a/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("Vienna talks resume"));
      HttpResponse<String> search =
          http.send(
              HttpRequest.newBuilder(server.uri().resolve(URI.create("api/search?q=vienna+-rates")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Map<String, Object> json = JSON.std.mapFrom(search.body());
      assertEquals(1, ((Number) json.get("total")).intValue(), search.body());
    }
  }

  @Test
  void serveRefusesWhatIsNeitherProjectNorSite(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    MainTest.Run serve = MainTest.run("serve", dir.resolve("empty").toString());
    assertEquals(2, serve.code());
    assertTrue(serve.err().contains("neither a project"), serve.err());
    assertEquals(2, MainTest.run("serve", dir.resolve("missing").toString()).code());
  }
}
