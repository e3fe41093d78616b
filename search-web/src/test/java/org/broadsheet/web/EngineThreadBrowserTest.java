package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the search engine runs: over http in a Web Worker, so that starting the runtime and
 * searching leave the page's main thread free; from file://, where Chromium starts no worker, in
 * the page; and in the page too wherever a worker cannot run (no Worker, as in bench/phone.py's 4x
 * CPU condition, or one that fails to load). Seen from outside search.js: the page itself never
 * loads the runtime nor reads the index over http (no TeaVM global, none of those requests in the
 * page's resource timing, although the server serves them), and it does from file://. Results equal
 * the JVM's in each case.
 */
class EngineThreadBrowserTest {
  @TempDir static Path tmp;
  static BrowserFixture fixture;
  private String hidden;

  @BeforeAll
  static void setUp() throws Exception {
    fixture = BrowserFixture.open(tmp, TinySiteBrowserTest.articles(), 4096);
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  @AfterEach
  void showWorkers() {
    if (hidden != null) {
      fixture.driver.executeCdpCommand(
          "Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", hidden));
      hidden = null;
    }
  }

  /** Runs {@code source} in every page loaded from now on, before the page's own scripts. */
  private void beforeEachPage(String source) {
    hidden =
        String.valueOf(
            fixture
                .driver
                .executeCdpCommand(
                    "Page.addScriptToEvaluateOnNewDocument", Map.of("source", source))
                .get("identifier"));
  }

  private Object js(String script) {
    return fixture.driver.executeScript(script);
  }

  /** The search files (runtime, manifest, index) the page itself requested. */
  @SuppressWarnings("unchecked")
  private List<String> pageRequestsForSearchFiles() {
    return (List<String>)
        js(
            "return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => /\\/search\\/(runtime|lucene|offline)\\/|manifest|\\.open/.test(n))");
  }

  private void assertSameAsJvm(String url) throws Exception {
    assertEquals(List.of(), fixture.differences(url, TinySiteBrowserTest.QUERIES, true));
  }

  @Test
  void overHttpTheEngineRunsInAWorkerAndThePageNeverLoadsTheRuntime() throws Exception {
    fixture.server.log.clear();
    assertSameAsJvm(fixture.server.url("search/index.html"));
    assertEquals("worker", js("return window.broadsheet.engine"));
    assertEquals("wasm-gc", js("return window.broadsheet.runtime"));
    assertEquals("undefined", js("return typeof window.TeaVM"), "no runtime in the page");
    assertEquals(List.of(), pageRequestsForSearchFiles());
    List<String> served = List.copyOf(fixture.server.log);
    // asked for before TeaVM's loader is in, and handed to it: one download, not two
    Pattern module = Pattern.compile("/search/runtime/search\\.wasm(\\s|$)");
    assertEquals(
        1, served.stream().filter(e -> module.matcher(e).find()).count(), served::toString);
    assertTrue(served.stream().anyMatch(e -> e.contains("/search/lucene/")), served::toString);
    // the worker's counters and request timings reach the page
    assertTrue(((Number) js("return window.broadsheet.stats.rounds")).longValue() > 0);
    assertTrue(((Number) js("return window.broadsheet.stats.ranges")).longValue() > 0);
    // each answer carries only the lists' new entries: the page's copies hold each entry once
    assertEquals(
        js("return window.broadsheet.stats.requests"),
        js("return window.broadsheet.stats.log.length"));
    assertEquals(
        js("return window.broadsheet.stats.roundLog.length"),
        js("return window.broadsheet.stats.roundRequests.length"));
    assertTrue(((Number) js("return window.broadsheet.stats.roundLog.length")).longValue() > 1);
    Object timed =
        fixture.driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "window.broadsheet.resources().then(e => done(e.filter(r => /\\/lucene\\//.test(r.name))"
                + ".every(r => r.duration >= 0) && e.some(r => /\\.wasm$/.test(r.name))), e => done(String(e)));");
    assertEquals(true, timed, "the worker's resource timing");
  }

  @Test
  void theJavascriptRuntimeRunsInAWorkerToo() throws Exception {
    assertSameAsJvm(fixture.server.url("search/index.html?runtime=js"));
    assertEquals("worker", js("return window.broadsheet.engine"));
    assertEquals("js", js("return window.broadsheet.runtime"));
    assertEquals(List.of(), pageRequestsForSearchFiles());
  }

  @Test
  void aBadOptionIsRefusedWithTheRuntimesMessageFromTheWorker() throws Exception {
    fixture.load(fixture.server.url("search/index.html"));
    Object out =
        fixture.driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "window.broadsheet.search('oil', {limit: -1}).then(function () { done('answered'); },"
                + " function (e) { done(e instanceof Error ? e.message : 'not an Error: ' + e); });");
    assertEquals("worker", js("return window.broadsheet.engine"));
    assertTrue(String.valueOf(out).contains("limit"), String.valueOf(out));
    assertEquals(
        4L,
        fixture.driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "window.broadsheet.search('oil').then(r => done(r.total), e => done(String(e)));"),
        "the worker searches on after a refused one");
  }

  @Test
  void fromFileTheEngineRunsInThePage() throws Exception {
    assertSameAsJvm(fixture.site.resolve("search/index.html").toUri().toString());
    assertEquals("page", js("return window.broadsheet.engine"));
    assertEquals("object", js("return typeof window.TeaVM"), "the runtime is in the page");
    // (resource timing records no file:// loads)
  }

  @Test
  void withoutWorkerTheEngineRunsInThePage() throws Exception {
    beforeEachPage("delete window.Worker;"); // as bench/phone.py does under 4x CPU
    assertSameAsJvm(fixture.server.url("search/index.html"));
    assertEquals("page", js("return window.broadsheet.engine"));
    assertEquals("object", js("return typeof window.TeaVM"));
    assertFalse(pageRequestsForSearchFiles().isEmpty());
  }

  @Test
  void aWorkerThatFailsToLoadLeavesTheEngineToThePage() throws Exception {
    beforeEachPage(
        "var RealWorker = window.Worker;"
            + "window.Worker = function (url) { return new RealWorker(url + '.missing'); };");
    assertSameAsJvm(fixture.server.url("search/index.html"));
    assertEquals("page", js("return window.broadsheet.engine"));
    assertTrue(
        fixture.server.log.stream().anyMatch(e -> e.startsWith("404 ") && e.contains(".missing")),
        "the worker was tried: " + fixture.server.log);
  }
}
