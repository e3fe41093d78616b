package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.broadsheet.search.pages.RuntimeFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime a site gets (core's RuntimeFiles over this module's compiled runtime): every file
 * present, the wasm modules real ones; prints their gzip sizes into the build log.
 */
class RuntimeFilesTest {
  @TempDir Path tmp;

  @Test
  void copiesTheRuntimeASiteNeedsAndPrintsTheSizes() throws Exception {
    Path english = tmp.resolve("en");
    Path all = tmp.resolve("all");
    List<Path> writtenEnglish = RuntimeFiles.copyTo(english, List.of("en"), false);
    List<Path> writtenAll = RuntimeFiles.copyTo(all, List.of("en", "fa"), true);
    for (Map.Entry<Path, List<Path>> e :
        Map.of(english, writtenEnglish, all, writtenAll).entrySet()) {
      try (Stream<Path> files = Files.list(e.getKey())) {
        assertEquals(
            files.sorted().toList(),
            e.getValue().stream().sorted().toList(),
            "it names what it wrote");
      }
    }
    assertFalse(Files.exists(english.resolve("search-en.wasm")), "one module, named search.wasm");
    assertFalse(Files.exists(english.resolve("search.wasm.js")), "no file:// copy over http");
    assertFalse(Files.exists(all.resolve("search-en.wasm")));
    byte[] magic = {0, 'a', 's', 'm'};
    for (Path wasm : List.of(english.resolve("search.wasm"), all.resolve("search.wasm"))) {
      byte[] bytes = Files.readAllBytes(wasm);
      assertArrayEquals(magic, Arrays.copyOf(bytes, 4), wasm + " is a wasm module");
    }
    byte[] bytes = Files.readAllBytes(all.resolve("search.wasm"));
    String script = Files.readString(all.resolve("search.wasm.js"));
    String b64 = script.substring(script.indexOf('"') + 1, script.lastIndexOf('"'));
    assertArrayEquals(bytes, Base64.getDecoder().decode(b64), "search.wasm.js carries the module");
    assertTrue(
        Files.size(english.resolve("search.wasm")) < Files.size(all.resolve("search.wasm")),
        "the English runtime leaves the other analyzers out");
    assertTrue(
        Files.size(english.resolve("search-js.js")) > 0
            && Files.size(english.resolve("wasm-gc-runtime.js")) > 0);
    for (Map.Entry<String, long[]> e : RuntimeFiles.sizes().entrySet()) {
      System.out.printf(
          "browser runtime %-44s %,10d B raw %,9d B gzip%n",
          e.getKey(), e.getValue()[0], e.getValue()[1]);
    }
  }

  /**
   * The runtime jar is this folder: a file the build adds there but files.txt leaves out would
   * never reach a site.
   */
  @Test
  void theFileListNamesEveryFileTheBuildCompiled() throws Exception {
    Path compiled = Path.of("target/classes/broadsheet-search");
    Set<String> present;
    try (Stream<Path> files = Files.list(compiled)) {
      present =
          files
              .filter(Files::isRegularFile)
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.equals("files.txt"))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> listed =
        Files.readAllLines(compiled.resolve("files.txt")).stream()
            .filter(l -> !l.isBlank())
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(
        Set.of("wasm-gc-runtime.js", "search.wasm", "search-en.wasm", "search-js.js"), listed);
    assertEquals(listed, present, "compiled runtime files in " + compiled);
  }

  /**
   * Under CI the modules that ship are the ones binaryen's wasm-opt wrote (src/build/wasm-opt.sh
   * records each output's hash), so the browser tests run on what a site gets.
   */
  @Test
  void underCiTheModulesAreTheOnesWasmOptWrote() throws Exception {
    assumeTrue("true".equals(System.getenv("CI")), "only CI must have node and npm");
    Path compiled = Path.of("target/classes/broadsheet-search");
    List<String> recorded = Files.readAllLines(Path.of("target/binaryen/optimised.sha256"));
    for (String module : List.of("search.wasm", "search-en.wasm")) {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(compiled.resolve(module)));
      assertTrue(
          recorded.contains(HexFormat.of().formatHex(digest) + "  " + module),
          module + " is not wasm-opt's output: " + recorded);
    }
  }
}
