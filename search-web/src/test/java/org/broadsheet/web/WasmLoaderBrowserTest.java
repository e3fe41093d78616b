package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broadsheet's own WasmGC loader ({@code search/runtime/wasm-gc-runtime.js}) in headless Chromium,
 * on a page whose Content-Security-Policy allows no eval: the runtime starts, and exceptions cross
 * between Java and JavaScript as they did with TeaVM's loader. The parity tests search through it.
 */
class WasmLoaderBrowserTest {
  @TempDir static Path tmp;
  static BrowserFixture fixture;

  /** Only the site's own scripts and WebAssembly compilation: no eval, no inline script. */
  static final String PAGE =
      """
      <!doctype html>
      <html><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'">
      <title>Loader</title><script src="runtime/wasm-gc-runtime.js"></script></head><body></body></html>
      """;

  @BeforeAll
  static void setUp() throws Exception {
    fixture = BrowserFixture.open(tmp, TinySiteBrowserTest.articles(), 4096);
    Files.writeString(fixture.site.resolve("search/loader.html"), PAGE);
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  /**
   * Runs {@code body} (a function of the runtime's exports) once the page has loaded the module.
   */
  private Object withRuntime(String body) {
    fixture.driver.get(fixture.server.url("search/loader.html"));
    fixture.driver.executeScript(
        "window.violations = [];"
            + "document.addEventListener('securitypolicyviolation',"
            + " e => window.violations.push(e.violatedDirective));");
    return fixture.driver.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "TeaVM.wasmGC.load('runtime/search.wasm').then(rt => ("
            + body
            + ")(rt.exports)).then(done, e => done('failed: ' + e + '\\n' + e.stack));");
  }

  @Test
  void theRuntimeStartsWithoutEvalAndExportsItsFunctions() {
    assertEquals(
        "addBundle addPage main open search",
        withRuntime(
            "x => Object.keys(x).filter(k => typeof x[k] === 'function').sort().join(' ')"));
    assertEquals(List.of(), fixture.driver.executeScript("return window.violations"));
  }

  @Test
  void aJavaExceptionReachesJavascriptAsAnErrorWithItsMessage() {
    Object out =
        withRuntime(
            "x => { x.open('', 4096); try { x.addBundle(new Int8Array([1, 2, 3])); return 'no error'; }"
                + " catch (e) { return {error: e instanceof Error, message: e.message}; } }");
    assertEquals(Map.of("error", true, "message", "not an open bundle of version 2"), out);
  }

  @Test
  void aJavascriptExceptionInACallFromJavaComesBackUnchanged() {
    // Java reads the bytes' length through the loader (getProperty), which hands the JS error to
    // Java as a Java exception that carries it; leaving Java, that exception is the JS error again
    Object out =
        withRuntime(
            "x => { x.open('', 4096); var boom = new RangeError('boom');"
                + " try { x.addPage('a', 0, {get length() { throw boom; }}); return 'no error'; }"
                + " catch (e) { return e === boom ? 'the same error' : 'another: ' + e; } }");
    assertEquals("the same error", out);
  }
}
