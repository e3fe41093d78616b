package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
      <title>Loader</title><script src="runtime/LOADER"></script></head><body></body></html>
      """;

  /** The loader as written, and a copy that compiles the module without the JS string builtins. */
  static final String LOADER = "wasm-gc-runtime.js";

  static final String WITHOUT_BUILTINS = "wasm-gc-runtime-without-builtins.js";

  @BeforeAll
  static void setUp() throws Exception {
    fixture = BrowserFixture.open(tmp, TinySiteBrowserTest.articles(), 4096);
    Path runtime = fixture.site.resolve("search/runtime");
    String loader = Files.readString(runtime.resolve(LOADER));
    String without = loader.replace("builtins: ['js-string']", "builtins: []");
    assertNotEquals(loader, without);
    Files.writeString(runtime.resolve(WITHOUT_BUILTINS), without);
    for (String name : List.of(LOADER, WITHOUT_BUILTINS)) {
      Files.writeString(
          fixture.site.resolve("search/" + name + ".html"), PAGE.replace("LOADER", name));
    }
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
  private Object withRuntime(String body) throws InterruptedException {
    return withRuntime(LOADER, "rt => (" + body + ")(rt.exports)");
  }

  /**
   * Runs {@code body} (a function of what the loader resolves to) on a page that loads {@code
   * loader}.
   */
  private Object withRuntime(String loader, String body) throws InterruptedException {
    Chromium.open(
        fixture.driver,
        fixture.server.url("search/" + loader + ".html"),
        "window.TeaVM",
        () -> List.copyOf(fixture.server.log));
    fixture.driver.executeScript(
        "window.violations = [];"
            + "document.addEventListener('securitypolicyviolation',"
            + " e => window.violations.push(e.violatedDirective));");
    return fixture.driver.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "TeaVM.wasmGC.load('runtime/search.wasm').then("
            + body
            + ").then(done, e => done('failed: ' + e + '\\n' + e.stack));");
  }

  @Test
  void theRuntimeStartsWithoutEvalAndExportsItsFunctions() throws Exception {
    assertEquals(
        "addBundle addPage main open search",
        withRuntime(
            "x => Object.keys(x).filter(k => typeof x[k] === 'function').sort().join(' ')"));
    assertEquals(List.of(), fixture.driver.executeScript("return window.violations"));
  }

  @Test
  void aJavaExceptionReachesJavascriptAsAnErrorWithItsMessage() throws Exception {
    Object out =
        withRuntime(
            "x => { x.open('', 4096); try { x.addBundle(new Int8Array([1, 2, 3])); return 'no error'; }"
                + " catch (e) { return {error: e instanceof Error, message: e.message}; } }");
    assertEquals(Map.of("error", true, "message", "not an open bundle of version 2"), out);
  }

  @Test
  void aJavascriptExceptionInACallFromJavaComesBackUnchanged() throws Exception {
    // Java reads the bytes' length through the loader (getProperty), which hands the JS error to
    // Java as a Java exception that carries it; leaving Java, that exception is the JS error again
    Object out =
        withRuntime(
            "x => { x.open('', 4096); var boom = new RangeError('boom');"
                + " try { x.addPage('a', 0, {get length() { throw boom; }}); return 'no error'; }"
                + " catch (e) { return e === boom ? 'the same error' : 'another: ' + e; } }");
    assertEquals("the same error", out);
  }

  /**
   * Strings cross both ways, non-ASCII included, with the engine's JS string builtins (Chromium's)
   * and with the loader's stand-ins for them (browsers without the builtins): a bad date comes back
   * in the runtime's message.
   */
  @Test
  void stringsCrossWithAndWithoutTheJsStringBuiltins() throws Exception {
    String from = "\u00e9t\u00e9 \u65e5\u672c \ud83d\ude00";
    String body =
        "rt => [WebAssembly.Module.imports(rt.module).filter(i => i.module === 'wasm:js-string').length,"
            + " JSON.parse(rt.exports.search('', '', '', '', '', '"
            + from
            + "', '', '', '')).error]";
    String error = "from must be a date, YYYY-MM-DD (or YYYY-MM, YYYY), was \"" + from + "\"";
    assertEquals(List.of(0L, error), withRuntime(LOADER, body), "the builtins");
    assertEquals(List.of(7L, error), withRuntime(WITHOUT_BUILTINS, body), "the stand-ins");
  }
}
