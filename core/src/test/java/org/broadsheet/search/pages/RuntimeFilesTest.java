package org.broadsheet.search.pages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.search.SearchIndexWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime read from a resources-only jar's layout: the list names the files, each wasm module
 * gains its file:// script. (search-web's RuntimeFilesTest checks the real, compiled runtime.)
 */
class RuntimeFilesTest {
  @TempDir Path jar;

  @Test
  void theListedFilesBecomeTheSiteRuntimeInOrderAndTheWasmModuleGainsItsScriptForDisk()
      throws Exception {
    runtime("loader.js\n\nsearch.wasm\r\n", "loader.js", "search.wasm");
    List<RuntimeFiles.Entry> files = RuntimeFiles.files(loader(), "search.wasm", true);
    assertEquals(
        List.of("loader.js", "search.wasm", "search.wasm.js"),
        files.stream().map(RuntimeFiles.Entry::name).toList());
    assertArrayEquals(bytes("search.wasm"), files.get(1).bytes());
    String script = new String(files.get(2).bytes(), StandardCharsets.UTF_8);
    assertEquals(
        "self.broadsheetWasm=\""
            + Base64.getEncoder().encodeToString(bytes("search.wasm"))
            + "\";\n",
        script);
  }

  @Test
  void aSiteGetsOnlyTheWasmModuleItsLanguagesNeedAsSearchWasmAndNoScriptsUnlessReadFromDisk()
      throws Exception {
    runtime(
        "loader.js\nsearch.wasm\nsearch-en.wasm\nsearch-js.js\n",
        "loader.js",
        "search.wasm",
        "search-en.wasm",
        "search-js.js");
    List<RuntimeFiles.Entry> english =
        RuntimeFiles.files(loader(), RuntimeFiles.wasmFor(List.of("en", "std")), false);
    assertEquals(List.of("loader.js", "search.wasm", "search-js.js"), names(english));
    assertArrayEquals(bytes("search-en.wasm"), english.get(1).bytes(), "the English module");
    List<RuntimeFiles.Entry> all =
        RuntimeFiles.files(loader(), RuntimeFiles.wasmFor(List.of("en", "fa")), true);
    assertEquals(List.of("loader.js", "search.wasm", "search.wasm.js", "search-js.js"), names(all));
    assertArrayEquals(bytes("search.wasm"), all.get(1).bytes(), "the module of every language");
  }

  @Test
  void onlyLanguagesWithAnAnalyzerOfTheirOwnNeedTheFullRuntime() {
    assertEquals("search-en.wasm", RuntimeFiles.wasmFor(List.of("en")));
    assertEquals("search-en.wasm", RuntimeFiles.wasmFor(List.of("std", "en")));
    for (String own : List.of("fa", "ar", "de", "fr", "es")) {
      assertEquals("search.wasm", RuntimeFiles.wasmFor(List.of("en", own)), own);
    }
  }

  @Test
  void theRuntimeFollowsTheLanguagesTheIndexRecords() throws Exception {
    Path lucene = jar.resolve("lucene");
    try (FSDirectory dir = FSDirectory.open(lucene);
        SearchIndexWriter writer = SearchIndexWriter.open(dir, "de", ZoneId.of("UTC"), true)) {
      writer.optimizeAndCommit();
    }
    assertEquals(List.of("de"), RuntimeFiles.analyses(lucene));
  }

  private static List<String> names(List<RuntimeFiles.Entry> files) {
    return files.stream().map(RuntimeFiles.Entry::name).toList();
  }

  @Test
  void aListedNameThatIsNotAPlainFileNameIsRefused() throws Exception {
    for (String bad : List.of("../escape.js", "sub/file.js", ".hidden", "files.txt")) {
      runtime(bad + "\n");
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> RuntimeFiles.files(loader(), "search.wasm", true));
      assertTrue(
          e.getMessage().contains("bad file name") && e.getMessage().contains(bad), e.getMessage());
    }
  }

  @Test
  void aMissingRuntimeNamesTheArtifactThatCarriesIt() throws Exception {
    IllegalStateException none =
        assertThrows(
            IllegalStateException.class, () -> RuntimeFiles.files(loader(), "search.wasm", true));
    assertTrue(
        none.getMessage().contains("broadsheet-search/files.txt missing from the classpath")
            && none.getMessage().contains("classifier runtime"),
        none.getMessage());
    runtime("search.wasm\n");
    IllegalStateException listedOnly =
        assertThrows(
            IllegalStateException.class, () -> RuntimeFiles.files(loader(), "search.wasm", true));
    assertTrue(
        listedOnly.getMessage().contains("broadsheet-search/search.wasm missing"),
        listedOnly.getMessage());
  }

  /**
   * Lays out {@code broadsheet-search/} as the runtime jar does, each file's bytes being its name.
   */
  private void runtime(String list, String... names) throws Exception {
    Path dir = Files.createDirectories(jar.resolve("broadsheet-search"));
    Files.writeString(dir.resolve("files.txt"), list);
    for (String name : names) {
      Files.write(dir.resolve(name), bytes(name));
    }
  }

  private static byte[] bytes(String name) {
    return ("bytes of " + name).getBytes(StandardCharsets.UTF_8);
  }

  /** Sees only the fake jar, not the test classpath. */
  private ClassLoader loader() throws Exception {
    return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
  }
}
