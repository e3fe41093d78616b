package org.broadsheet.search.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The compiled browser runtime, read from the classpath, and the files a site gets from it under
 * {@code search/runtime/}. Module search-web compiles it and ships it alone, as resources, in its
 * jar with classifier {@code runtime}: {@code broadsheet-search/files.txt} names the files (one a
 * line), which sit beside it under the names a site gives them:
 *
 * <pre>
 * wasm-gc-runtime.js   TeaVM's WebAssembly GC loader
 * search.wasm          core's ArchiveSearch + Lucene, WebAssembly GC (fetched over http(s)), every language
 * search-en.wasm       the same without the fa/ar/de/fr/es analyzers: for every other site language
 * search-js.js         the same code compiled to JavaScript, for browsers without WebAssembly GC
 * </pre>
 *
 * and each {@code X.wasm} also becomes {@code X.wasm.js}: {@code self.broadsheetWasm = "<base64 of
 * X.wasm>";} (file://, where fetch is blocked).
 */
public final class RuntimeFiles {
  private static final String JAR_DIR = "broadsheet-search/";
  private static final String LIST = "files.txt";

  private RuntimeFiles() {}

  /** One file of a site's {@code search/runtime/}. */
  public record Entry(String name, byte[] bytes) {}

  /**
   * Every file of a site's {@code search/runtime/}, in the list's order, each wasm module followed
   * by its script.
   */
  public static List<Entry> files() {
    return files(RuntimeFiles.class.getClassLoader());
  }

  static List<Entry> files(ClassLoader loader) {
    List<Entry> out = new ArrayList<>();
    for (String name : names(loader)) {
      byte[] bytes = resource(loader, name);
      out.add(new Entry(name, bytes));
      if (name.endsWith(".wasm")) {
        out.add(new Entry(name + ".js", wasmScript(bytes).getBytes(StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  /** Writes the runtime into {@code dir} (usually {@code public/search/runtime}). */
  public static void copyTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Entry f : files()) {
      Files.write(dir.resolve(f.name()), f.bytes());
    }
  }

  /** The names in {@code broadsheet-search/files.txt}. */
  private static List<String> names(ClassLoader loader) {
    List<String> names = new ArrayList<>();
    for (String line : new String(resource(loader, LIST), StandardCharsets.UTF_8).split("\n")) {
      String name = line.strip();
      if (name.isEmpty()) {
        continue;
      }
      if (!plainName(name) || name.equals(LIST)) {
        throw new IllegalStateException(
            "browser runtime: bad file name in " + JAR_DIR + LIST + ": " + name);
      }
      names.add(name);
    }
    return names;
  }

  /**
   * The list comes from a jar, but its names become paths in the output folder: no separators, no
   * dot files.
   */
  private static boolean plainName(String name) {
    return !name.startsWith(".")
        && name.chars()
            .allMatch(
                c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_'));
  }

  static String wasmScript(byte[] wasm) {
    return "self.broadsheetWasm=\"" + Base64.getEncoder().encodeToString(wasm) + "\";\n";
  }

  /** Bytes and gzip -9 bytes of what a browser downloads, per runtime kind. */
  public static Map<String, long[]> sizes() {
    Map<String, long[]> out = new LinkedHashMap<>();
    byte[] loader = resource("wasm-gc-runtime.js");
    byte[] wasm = resource("search.wasm");
    byte[] english = resource("search-en.wasm");
    byte[] js = resource("search-js.js");
    out.put(
        "wasm-gc English (loader + search-en.wasm)",
        new long[] {loader.length + english.length, gzip(loader) + gzip(english)});
    out.put(
        "wasm-gc all languages (loader + search.wasm)",
        new long[] {loader.length + wasm.length, gzip(loader) + gzip(wasm)});
    out.put("javascript (search-js.js)", new long[] {js.length, gzip(js)});
    out.put("file:// wasm (search.wasm.js)", new long[] {wasmScript(wasm).length(), 0});
    return out;
  }

  private static byte[] resource(String name) {
    return resource(RuntimeFiles.class.getClassLoader(), name);
  }

  private static byte[] resource(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(JAR_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "browser runtime not built: "
                + JAR_DIR
                + name
                + " missing from the classpath (module search-web, jar with classifier runtime)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out) {
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
