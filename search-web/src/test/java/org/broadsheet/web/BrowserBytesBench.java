package org.broadsheet.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.broadsheet.content.Article;
import org.broadsheet.search.pages.RuntimeFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The benchmark behind {@code bench/browser-bytes.sh} (not a test: it runs only with {@code
 * -Dbroadsheet.bench=true}). Builds the search part of a 10,000-story Reuters site, serves it over
 * http to a fresh headless Chromium, and prints what the browser downloads and how long it waits:
 * the runtime, the index bytes of the first query (manifest + open bundle + pages) and of each
 * later one (every page counted gzipped alone, level 6, as a static host would serve it), and
 * first/later query times.
 */
class BrowserBytesBench {
  @Test
  void measure() throws Exception {
    Assumptions.assumeTrue(
        Boolean.getBoolean("broadsheet.bench"), "benchmark: run bench/browser-bytes.sh");
    Path tarball =
        ReutersCorpus.tarball().orElseThrow(() -> new IllegalStateException("no Reuters corpus"));
    int stories = Integer.getInteger("broadsheet.stories", 10_000);
    int pageSize = Integer.getInteger("broadsheet.pageSize", 4096);
    int queryCount = Integer.getInteger("broadsheet.queries", 60);
    Path work = Path.of("target/bench");
    Path site = work.resolve("site-" + stories + "-" + pageSize);
    List<Article> articles = ReutersCorpus.load(tarball, Path.of("target"), stories);
    deleteTree(site);
    long t0 = System.nanoTime();
    BrowserSite.build(site, articles, pageSize);
    System.out.printf(
        "%nbuilt the search part of a %,d-story site in %.1f s (page size %,d B)%n",
        articles.size(), (System.nanoTime() - t0) / 1e9, pageSize);
    List<Parity.Query> queries = ReutersCorpus.queries(articles, queryCount);

    Map<String, long[]> runtime = RuntimeFiles.sizes();
    runtime.forEach(
        (k, v) -> System.out.printf("runtime %-32s %,10d B raw %,10d B gzip%n", k, v[0], v[1]));
    System.out.printf(
        "index: search/lucene %,d B in %d files (read in byte ranges)%n",
        size(site.resolve("search/lucene"), ""), count(site.resolve("search/lucene"), ""));

    try (StaticServer server = new StaticServer(site)) {
      session("HTTP/1.1 (JDK HttpServer)", server.url("search/index.html"), false, site, queries);
    }
    try (Http2StaticServer server = new Http2StaticServer(site, work)) {
      session("HTTP/2 over TLS (Jetty)", server.url("search/index.html"), true, site, queries);
    }
  }

  /** One fresh Chromium running the query set against a served site; prints bytes and times. */
  private static void session(
      String protocol, String url, boolean testCertificates, Path site, List<Parity.Query> queries)
      throws Exception {
    System.out.printf("%n== served over %s%n", protocol);
    ChromeDriver driver =
        Chromium.start(Files.createTempDirectory("bench-profile"), testCertificates);
    try {
      driver.get(url);
      List<Long> bytes = new ArrayList<>();
      List<Double> millis = new ArrayList<>();
      List<Integer> requests = new ArrayList<>();
      int seen = 0;
      long manifest = gzip(Files.readAllBytes(site.resolve("search/manifest.json")));
      long bytesSeen = 0;
      for (Parity.Query q : queries) {
        double ms = timedSearch(driver, q);
        @SuppressWarnings("unchecked")
        List<String> log =
            (List<String>)
                ((JavascriptExecutor) driver).executeScript("return window.broadsheet.stats.log");
        // index bytes as received: Range responses are not compressed
        long all =
            ((Number)
                    ((JavascriptExecutor) driver)
                        .executeScript("return window.broadsheet.stats.bytes"))
                .longValue();
        long b = (seen == 0 ? manifest : 0) + all - bytesSeen;
        bytesSeen = all;
        requests.add(log.size() - seen + (seen == 0 ? 1 : 0));
        seen = log.size();
        bytes.add(b);
        millis.add(ms);
      }
      Object runtimeKind =
          ((JavascriptExecutor) driver).executeScript("return window.broadsheet.runtime");
      Object load =
          ((JavascriptExecutor) driver).executeScript("return window.broadsheet.loadMillis");
      List<Long> later = new ArrayList<>(bytes.subList(1, bytes.size()));
      List<Double> laterMs = new ArrayList<>(millis.subList(1, millis.size()));
      Collections.sort(later);
      Collections.sort(laterMs);
      System.out.printf(
          "runtime used: %s (load + open %.0f ms)%n", runtimeKind, ((Number) load).doubleValue());
      System.out.printf(
          "first query  %-40s %,7d B gzip in %d requests, %.0f ms (runtime load included)%n",
          queries.get(0), bytes.get(0), requests.get(0), millis.get(0));
      System.out.printf(
          "later queries (%d): median %,d B, worst %,d B (index ranges raw, manifest gzip); median %.1f ms, worst %.1f ms%n",
          later.size(),
          later.get(later.size() / 2),
          later.get(later.size() - 1),
          laterMs.get(laterMs.size() / 2),
          laterMs.get(laterMs.size() - 1));
      @SuppressWarnings("unchecked")
      Map<String, Object> st =
          (Map<String, Object>)
              ((JavascriptExecutor) driver).executeScript("return window.broadsheet.stats");
      System.out.printf(
          "rounds %s, time in Lucene (wasm) %.0f ms, waiting for pages %.0f ms (of which handing them"
              + " to the runtime %.0f ms)%n",
          st.get("rounds"),
          ((Number) st.get("searchMillis")).doubleValue(),
          ((Number) st.get("fetchMillis")).doubleValue(),
          ((Number) st.get("addMillis")).doubleValue());
      Object timing =
          ((JavascriptExecutor) driver)
              .executeAsyncScript(
                  "var done = arguments[arguments.length - 1];"
                      + "function med(a) { a.sort(function (x, y) { return x - y; }); return a.length ? a[a.length >> 1] : 0; }"
                      + "window.broadsheet.resources().then(function (all) {"
                      + " var e = all.filter(function (r) { return /\\/lucene\\//.test(r.name); });"
                      + " done([e.length, med(e.map(function (r) { return r.duration; })),"
                      + " med(e.map(function (r) { return r.responseStart - r.requestStart; })),"
                      + " med(e.map(function (r) { return r.requestStart - r.startTime; }))]); });");
      System.out.printf(
          "index requests (resource timing of the %s): %s = [count, median duration ms, median time to"
              + " first byte ms, median queueing before the request ms]%n",
          ((JavascriptExecutor) driver).executeScript("return window.broadsheet.engine"), timing);
      System.out.printf(
          "session total %,d B gzip over %d queries%n",
          bytes.stream().mapToLong(Long::longValue).sum(), bytes.size());
      @SuppressWarnings("unchecked")
      List<String> rounds = (List<String>) st.get("roundLog");
      if (Boolean.getBoolean("broadsheet.rounds")) {
        rounds.forEach(r -> System.out.println("  round: " + r));
      }
      for (int i = 0; i < queries.size(); i++) {
        System.out.printf(
            "  %6d B %4d req %7.1f ms  %s%n",
            bytes.get(i),
            requests.get(i),
            millis.get(i),
            queries.get(i).text()
                + (queries.get(i).from() != null || queries.get(i).to() != null ? " [dates]" : "")
                + ("date".equals(queries.get(i).sort()) ? " [by date]" : ""));
      }
    } finally {
      driver.quit();
    }
  }

  private static double timedSearch(ChromeDriver driver, Parity.Query q) {
    Object out =
        driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1]; var t0 = performance.now();"
                + "window.broadsheet.search(arguments[0], {limit: 10, from: arguments[1], to: arguments[2], sort: arguments[3]})"
                + ".then(function () { done(performance.now() - t0); }, function (e) { done('ERROR ' + e); });",
            q.text(),
            q.from(),
            q.to(),
            q.sort());
    if (!(out instanceof Number n)) {
      throw new AssertionError(q + ": " + out);
    }
    return n.doubleValue();
  }

  static long gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out) {
          {
            def.setLevel(6);
          }
        }) {
      gz.write(bytes);
    }
    return out.size();
  }

  private static long size(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static long count(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).count();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
