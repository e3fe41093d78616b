package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser reads the shipped index, {@code search/lucene/}, in byte ranges: one Range request
 * per run of missing pages, never a page twice, no HEAD requests, no copies of the index. Results
 * equal the JVM's on a host that honours Range (the test server, nginx) and on one that ignores it
 * ({@code python3 -m http.server}, the test server without ranges), where each file is fetched
 * whole, once. Small pages (128 B) make every query read several runs of several files.
 */
class RangeReadsBrowserTest {
  private static final Pattern ENTRY =
      Pattern.compile(
          "(\\d+) /search/lucene/([^?]+)\\?v=[0-9a-f]{16}(?:&s=\\d+)?(?: bytes=(\\d+)-(\\d+)(?:,\\d+-\\d+)*)?");

  @TempDir static Path tmp;
  static BrowserFixture fixture;

  @BeforeAll
  static void setUp() throws Exception {
    fixture = BrowserFixture.open(tmp, TinySiteBrowserTest.articles(), 128);
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  private List<String> differences(String url) throws Exception {
    return fixture.differences(url, TinySiteBrowserTest.QUERIES, true);
  }

  /** With runs of pages never joined across a gap: the tiny index's files are read in parts. */
  private List<String> differencesReadInParts(String url) throws Exception {
    return fixture.differences(
        url, TinySiteBrowserTest.QUERIES, true, "window.broadsheetGapPages = 0");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> stats() {
    return (Map<String, Object>) fixture.driver.executeScript("return window.broadsheet.stats");
  }

  private long stat(String name) {
    return ((Number) stats().get(name)).longValue();
  }

  @Test
  void aHostThatHonoursRangeServesEachRoundWithOneRequestPerFileRead() throws Exception {
    StaticServer server = fixture.server;
    server.log.clear();
    assertEquals(List.of(), differencesReadInParts(server.url("search/index.html")));
    List<String> index = new ArrayList<>();
    for (String entry : List.copyOf(server.log)) {
      assertFalse(entry.contains("/search/offline/"), "no script copies over http: " + entry);
      if (!entry.contains("/search/lucene/")) {
        continue;
      }
      index.add(entry);
      Matcher m = ENTRY.matcher(entry);
      assertTrue(m.matches() && m.group(3) != null, "a Range request, answered 206: " + entry);
      assertEquals("206", m.group(1), entry);
      assertEquals(0, Long.parseLong(m.group(3)) % 128, "runs start at a page: " + entry);
    }
    assertFalse(index.isEmpty(), "the queries read the index beyond its open bundle");
    assertEquals(index.size(), stat("ranges"));
    assertEquals(0, stat("wholeFiles"));
    // small pages put a round's pages of a file in several runs: still one request a file a round
    assertEquals(filesReadPerRound(), index.size(), "requests for the index: " + index);
    assertTrue(
        index.stream().anyMatch(e -> e.contains(",")), "far-apart runs: multi-range " + index);
  }

  /**
   * The number of files named missing in each round since the page loaded, summed, but for those
   * the query bundle brings.
   */
  @SuppressWarnings("unchecked")
  private long filesReadPerRound() throws java.io.IOException {
    List<String> bundled = queryBundleFiles();
    long files = 0;
    for (Object round : (List<Object>) stats().get("roundLog")) {
      Set<String> names = new HashSet<>();
      for (String page : round.toString().split(" ")) {
        names.add(page.substring(0, page.lastIndexOf('#')));
      }
      names.removeAll(bundled);
      files += names.size();
    }
    return files;
  }

  /**
   * Opening the engine leaves the query bundle (norms, stored-fields index) alone; the first search
   * fetches it, once, and its files are never read in ranges.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theQueryBundleComesOnceWithTheFirstSearchAndItsFilesAreNeverReadInRanges() throws Exception {
    Map<String, Object> query = (Map<String, Object>) manifest().get("query");
    List<String> files = queryBundleFiles();
    assertEquals(2, files.size(), "the norms and the stored-fields index: " + files);
    StaticServer server = fixture.server;
    server.log.clear();
    fixture.load(server.url("search/index.html"));
    fixture.driver.executeAsyncScript(
        "var done = arguments[arguments.length - 1]; window.broadsheet.load().then(done, done);");
    List<String> opened = List.copyOf(server.log);
    assertTrue(opened.stream().anyMatch(e -> e.contains(".open")), opened.toString());
    assertFalse(opened.stream().anyMatch(e -> e.contains(".query")), "not before: " + opened);

    List<String> diffs = new ArrayList<>();
    for (Parity.Query q : TinySiteBrowserTest.QUERIES) {
      diffs.addAll(
          Parity.differences(
              q, Parity.jvm(fixture.jvm, q), Parity.browser(fixture.driver, q), true));
    }
    assertEquals(List.of(), diffs);
    List<String> log = List.copyOf(server.log);
    assertEquals(
        List.of("200 /search/" + query.get("bundle") + ".query"),
        log.stream().filter(e -> e.contains(".query")).toList(),
        "once: " + log);
    for (String entry : log) {
      Matcher m = ENTRY.matcher(entry);
      assertFalse(m.matches() && files.contains(m.group(2)), "read in ranges: " + entry);
    }
  }

  private static Map<String, Object> manifest() throws java.io.IOException {
    return com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(
        java.nio.file.Files.readString(fixture.site.resolve("search/manifest.json")));
  }

  @SuppressWarnings("unchecked")
  private static List<String> queryBundleFiles() throws java.io.IOException {
    return (List<String>) ((Map<String, Object>) manifest().get("query")).get("files");
  }

  @Test
  void aHostThatIgnoresRangeStillAnswersLikeTheJvmFetchingEachFileOnce() throws Exception {
    try (StaticServer server = new StaticServer(fixture.site, false)) {
      assertEquals(List.of(), differences(server.url("search/index.html")));
      List<String> files = new ArrayList<>();
      for (String entry : List.copyOf(server.log)) {
        Matcher m = ENTRY.matcher(entry);
        if (m.matches()) {
          assertEquals("200", m.group(1), entry);
          assertFalse(files.contains(m.group(2)), "fetched twice: " + entry);
          files.add(m.group(2));
        }
      }
      assertFalse(files.isEmpty());
      assertEquals(files.size(), stat("wholeFiles"));
      assertEquals(0, stat("ranges"));
    }
  }

  @Test
  void aHostThatAnswersSeveralRangesWithTheWholeFileIsAskedOneRangeARequest() throws Exception {
    try (StaticServer server = StaticServer.singleRangesOnly(fixture.site)) {
      assertEquals(List.of(), differencesReadInParts(server.url("search/index.html")));
      List<String> whole = new ArrayList<>();
      for (String entry : List.copyOf(server.log)) {
        Matcher m = ENTRY.matcher(entry);
        if (m.matches() && m.group(1).equals("200")) {
          whole.add(entry);
        }
      }
      // the first multi-range request is answered whole (and dropped); after it, single ranges
      assertEquals(1, whole.size(), "answered whole: " + whole);
      assertEquals(0, stat("wholeFiles"), "no whole file read");
      assertTrue(stat("ranges") > 0, stats().toString());
    }
  }

  @Test
  void pythonHttpServerWhichIgnoresRangeAnswersLikeTheJvm() throws Exception {
    try (ExternalServer python = ExternalServer.python(fixture.site, tmp)) {
      assertEquals(List.of(), differences(python.url("search/index.html")));
      assertTrue(stat("wholeFiles") > 0, stats().toString());
      assertEquals(0, stat("ranges"));
    }
  }

  @Test
  void nginxServesRangesAndAnswersLikeTheJvm() throws Exception {
    try (ExternalServer nginx = ExternalServer.nginx(fixture.site, tmp)) {
      assertEquals(List.of(), differencesReadInParts(nginx.url("search/index.html")));
      assertTrue(stat("ranges") > 0, stats().toString());
      assertEquals(0, stat("wholeFiles"), "nginx honours Range");
    }
  }
}
