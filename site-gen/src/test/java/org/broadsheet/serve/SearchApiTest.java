package org.broadsheet.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.search.IndexInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/search} on the real Jetty server with hostile parameters: answers or 400, never 500.
 */
class SearchApiTest {
  @TempDir static Path tmp;
  static ArchiveServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    server = ArchiveServer.start(BuiltSite.write(tmp.resolve("public")), "127.0.0.1", 0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static Map<String, Object> ok(String query) throws Exception {
    HttpResponse<String> r = http.get("/api/search?" + query);
    assertEquals(200, r.statusCode(), query + " -> " + r.body());
    return JSON.std.mapFrom(r.body());
  }

  static String badRequest(String query) throws Exception {
    HttpResponse<String> r = http.get("/api/search?" + query);
    assertEquals(400, r.statusCode(), query + " -> " + r.body());
    assertTrue(r.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
    return (String) JSON.std.mapFrom(r.body()).get("error");
  }

  @Test
  void sixHundredWordQueryAnswersWithResults() throws Exception {
    StringBuilder q = new StringBuilder("vienna jcpoa");
    for (int i = 0; i < 600; i++) {
      q.append(" w").append(i);
    }
    Map<String, Object> json = ok("q=" + URLEncoder.encode(q.toString(), StandardCharsets.UTF_8));
    assertEquals(1, ((Number) json.get("total")).intValue(), json.toString());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> hits = (List<Map<String, Object>>) json.get("hits");
    assertEquals("vienna-talks", hits.get(0).get("id"));
    String pasted = URLEncoder.encode("wheat harvest ".repeat(500), StandardCharsets.UTF_8);
    assertEquals(1, ((Number) ok("q=" + pasted).get("total")).intValue());
  }

  @Test
  void hugeOffsetsAndLimitsAreA400NotA500() throws Exception {
    assertTrue(
        badRequest("q=vienna&offset=2147483647")
            .startsWith("offset + limit must be at most 10000"));
    badRequest("q=vienna&offset=9991");
    badRequest("q=vienna&offset=-1");
    badRequest("q=vienna&offset=99999999999");
    badRequest("q=vienna&limit=-1");
    badRequest("q=vienna&limit=2147483647");
    Map<String, Object> deepest = ok("q=vienna&offset=9000&limit=1000");
    assertEquals(1, ((Number) deepest.get("total")).intValue());
    assertEquals(List.of(), deepest.get("hits"));
  }

  @Test
  void impossibleDatesAreA400ThatNamesTheParameter() throws Exception {
    assertEquals(
        "from must be a date, YYYY-MM-DD (or YYYY-MM, YYYY), was \"2024-13-45\"",
        badRequest("q=vienna&from=2024-13-45"));
    assertTrue(badRequest("q=vienna&to=2023-02-29").startsWith("to must be a date"));
    assertTrue(badRequest("q=vienna&from=yesterday").startsWith("from must be a date"));
    assertEquals(1, ((Number) ok("q=vienna&from=2022&to=2022-02-26").get("total")).intValue());
    assertEquals(0, ((Number) ok("q=vienna&from=2022-02-27").get("total")).intValue());
  }

  @Test
  void everyParameterIsCheckedByTheSharedParserAndNoneIsDropped() throws Exception {
    assertEquals("limit must be a whole number, was \"ten\"", badRequest("q=vienna&limit=ten"));
    assertEquals(
        "sort must be relevance or date, was \"newest\"", badRequest("q=vienna&sort=newest"));
    assertEquals("facets must be true or false, was \"yes\"", badRequest("q=vienna&facets=yes"));
    assertEquals(
        "unknown parameter \"tags\" (known: q, limit, offset, tag, section, from, to, sort, facets)",
        badRequest("q=vienna&tags=news"));
    assertEquals("tag is given more than once", badRequest("q=vienna&tag=news&tag=sport"));
    assertEquals(
        "limit must be between 1 and 1000, was -1; from must be a date, YYYY-MM-DD (or YYYY-MM, YYYY), "
            + "was \"2024-13-01\"",
        badRequest("q=vienna&limit=-1&from=2024-13-01"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void facetsComeGroupedByFieldWhenAskedFor() throws Exception {
    Map<String, Object> json = ok("q=&facets=true");
    assertEquals(
        Map.of(
            "section",
                List.of(
                    Map.of("value", "diplomacy", "count", 1),
                    Map.of("value", "economy", "count", 1)),
            "tags", List.of(Map.of("value", "news", "count", 2)),
            "year",
                List.of(Map.of("value", "2022", "count", 1), Map.of("value", "2021", "count", 1))),
        json.get("facets"));
    assertTrue(!ok("q=vienna").containsKey("facets"));
  }

  @Test
  void anIndexOfAnotherFormatAnswers503WithTheAdviceToRebuild() throws Exception {
    Path site = BuiltSite.write(tmp.resolve("old"));
    try (FSDirectory dir = FSDirectory.open(site.resolve("search/lucene"));
        IndexWriter w =
            new IndexWriter(
                dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      w.setLiveCommitData(Map.of("broadsheet.format", "99").entrySet());
      w.commit();
    }
    try (ArchiveServer old = ArchiveServer.start(site, "127.0.0.1", 0)) {
      HttpResponse<String> r = new Http(old.port()).get("/api/search?q=vienna");
      assertEquals(503, r.statusCode(), r.body());
      assertEquals(
          Map.of(
              "error",
              "the search index has format 99, this Broadsheet reads format "
                  + IndexInfo.FORMAT
                  + ": it was built by "
                  + "another Broadsheet version; rebuild the site"),
          JSON.std.mapFrom(r.body()));
      assertEquals(
          400,
          new Http(old.port()).get("/api/search?q=vienna&limit=0").statusCode(),
          "a bad parameter is still the reader's mistake");
      assertEquals(
          200, new Http(old.port()).get("/").statusCode(), "the site itself is still served");
    }
  }
}
