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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.search.IndexInfo;
import org.broadsheet.search.SearchSchema;

/**
 * The compiled browser runtime, read from the classpath, and the files a site gets from it under
 * {@code search/runtime/}. Module search-web compiles it and ships it alone, as resources, in its
 * jar with classifier {@code runtime}: {@code broadsheet-search/files.txt} names the files (one a
 * line), which sit beside it under the names a site gives them:
 *
 * <pre>
 * wasm-gc-runtime.js   Broadsheet's WebAssembly GC loader (for TeaVM's modules)
 * search.wasm          core's ArchiveSearch + Lucene, WebAssembly GC (fetched over http(s)), every language
 * search-en.wasm       the same without the fa/ar/de/fr/es analyzers: for every other site language
 * search-js.js         the same code compiled to JavaScript, for browsers without WebAssembly GC
 * </pre>
 *
 * A site gets one of the two wasm modules, the one its index's languages need ({@link #wasmFor}),
 * always as {@code search.wasm}: search.js asks for it by that name at once, before the manifest is
 * in. Only when a site is built to be read from disk ({@code --offline}, {@code pack}) does it also
 * get {@code search.wasm.js}: {@code self.broadsheetWasm = "<base64 of the module>";} (file://,
 * where fetch is blocked).
 */
public final class RuntimeFiles {
  private static final String JAR_DIR = "broadsheet-search/";
  private static final String LIST = "files.txt";
  private static final String ALL_LANGUAGES = "search.wasm";
  private static final String ENGLISH = "search-en.wasm";

  /** The name a site gives the one wasm module it gets. */
  private static final String SITE_MODULE = "search.wasm";

  /** The analyses ({@code SearchSchema.analysis}) that only the full runtime carries. */
  private static final Set<String> OWN_ANALYZER = Set.of("fa", "ar", "de", "fr", "es");

  private RuntimeFiles() {}

  /** One file of a site's {@code search/runtime/}. */
  public record Entry(String name, byte[] bytes) {}

  /**
   * The wasm module a site needs whose index holds these analyses: {@code search-en.wasm} (English
   * and the languages without an analyzer of their own) unless one of them is fa, ar, de, fr or es.
   */
  public static String wasmFor(Collection<String> analyses) {
    return analyses.stream().anyMatch(OWN_ANALYZER::contains) ? ALL_LANGUAGES : ENGLISH;
  }

  /**
   * The files of a site's {@code search/runtime/} whose index holds these analyses, in the list's
   * order: the loader, the one wasm module they need (named {@link #SITE_MODULE}), the JavaScript
   * fallback; with {@code scripts}, the wasm module's file:// script after it.
   */
  public static List<Entry> files(Collection<String> analyses, boolean scripts) {
    return files(RuntimeFiles.class.getClassLoader(), wasmFor(analyses), scripts);
  }

  static List<Entry> files(ClassLoader loader, String wasm, boolean scripts) {
    List<Entry> out = new ArrayList<>();
    for (String name : names(loader)) {
      if (name.endsWith(".wasm") && !name.equals(wasm)) {
        continue;
      }
      byte[] bytes = resource(loader, name);
      if (!name.endsWith(".wasm")) {
        out.add(new Entry(name, bytes));
        continue;
      }
      out.add(new Entry(SITE_MODULE, bytes));
      if (scripts) {
        out.add(new Entry(SITE_MODULE + ".js", wasmScript(bytes).getBytes(StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  /**
   * Writes into {@code dir} (usually {@code public/search/runtime}) the runtime of the index in
   * {@code lucene}; {@code scripts} for a site read from disk ({@code --offline}, {@code pack}).
   * Returns the files written.
   */
  public static List<Path> copyTo(Path lucene, Path dir, boolean scripts) throws IOException {
    return copyTo(dir, analyses(lucene), scripts);
  }

  /** Writes the runtime of an index holding these analyses into {@code dir}; returns the files. */
  public static List<Path> copyTo(Path dir, Collection<String> analyses, boolean scripts)
      throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (Entry f : files(analyses, scripts)) {
      written.add(Files.write(dir.resolve(f.name()), f.bytes()));
    }
    return written;
  }

  /** The analysis of every language the index in {@code lucene} holds (core IndexInfo). */
  static List<String> analyses(Path lucene) throws IOException {
    try (FSDirectory fs = FSDirectory.open(lucene);
        DirectoryReader reader = DirectoryReader.open(fs)) {
      return IndexInfo.read(reader).languages().stream()
          .map(l -> SearchSchema.analysis(l.code()))
          .toList();
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
    byte[] wasm = resource(ALL_LANGUAGES);
    byte[] english = resource(ENGLISH);
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
