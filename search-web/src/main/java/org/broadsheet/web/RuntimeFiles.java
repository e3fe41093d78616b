package org.broadsheet.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The compiled browser runtime, as it ships in this module's jar, and the files a site gets from it
 * under {@code search/runtime/}:
 *
 * <pre>
 * wasm-gc-runtime.js   TeaVM's WebAssembly GC loader
 * search.wasm          core's ArchiveSearch + Lucene, WebAssembly GC (fetched over http(s)), every language
 * search-en.wasm       the same without the fa/ar/de/fr/es analyzers: for every other site language
 * search.wasm.js       self.broadsheetWasm = "&lt;base64 of search.wasm&gt;";  (file://, where fetch is blocked)
 * search-en.wasm.js    the same for search-en.wasm
 * search-js.js         the same code compiled to JavaScript, for browsers without WebAssembly GC
 * </pre>
 */
public final class RuntimeFiles {
  private static final String JAR_DIR = "broadsheet-search/";
  private static final Map<String, String> FILES = Map.of(
      "wasm-gc-runtime.js", "org/teavm/backend/wasm/wasm-gc-runtime.min.js",
      "search.wasm", "search.wasm",
      "search-en.wasm", "search-en.wasm",
      "search-js.js", "search-js.js");

  private RuntimeFiles() {}

  /** Writes the runtime into {@code dir} (usually {@code public/search/runtime}). */
  public static void copyTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> f : FILES.entrySet()) {
      Files.write(dir.resolve(f.getKey()), resource(f.getValue()));
    }
    for (String wasm : new String[] {"search.wasm", "search-en.wasm"}) {
      Files.writeString(dir.resolve(wasm + ".js"), wasmScript(resource(wasm)), StandardCharsets.UTF_8);
    }
  }

  static String wasmScript(byte[] wasm) {
    return "self.broadsheetWasm=\"" + Base64.getEncoder().encodeToString(wasm) + "\";\n";
  }

  /** Bytes and gzip -9 bytes of what a browser downloads, per runtime kind. */
  public static Map<String, long[]> sizes() {
    Map<String, long[]> out = new LinkedHashMap<>();
    byte[] loader = resource(FILES.get("wasm-gc-runtime.js"));
    byte[] wasm = resource("search.wasm");
    byte[] english = resource("search-en.wasm");
    byte[] js = resource("search-js.js");
    out.put("wasm-gc English (loader + search-en.wasm)",
        new long[] {loader.length + english.length, gzip(loader) + gzip(english)});
    out.put("wasm-gc all languages (loader + search.wasm)", new long[] {loader.length + wasm.length, gzip(loader) + gzip(wasm)});
    out.put("javascript (search-js.js)", new long[] {js.length, gzip(js)});
    out.put("file:// wasm (search.wasm.js)", new long[] {wasmScript(wasm).length(), 0});
    return out;
  }

  static byte[] resource(String name) {
    try (InputStream in = RuntimeFiles.class.getClassLoader().getResourceAsStream(JAR_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("browser runtime not built: " + JAR_DIR + name + " missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out) {
      {
        def.setLevel(9);
      }
    }) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.size();
  }
}
