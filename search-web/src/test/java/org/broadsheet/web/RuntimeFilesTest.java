package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
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
  void copiesEveryRuntimeFileAndPrintsTheSizes() throws Exception {
    RuntimeFiles.copyTo(tmp);
    byte[] magic = {0, 'a', 's', 'm'};
    for (String wasm : new String[] {"search.wasm", "search-en.wasm"}) {
      byte[] bytes = Files.readAllBytes(tmp.resolve(wasm));
      assertArrayEquals(magic, Arrays.copyOf(bytes, 4), wasm + " is a wasm module");
      String script = Files.readString(tmp.resolve(wasm + ".js"));
      String b64 = script.substring(script.indexOf('"') + 1, script.lastIndexOf('"'));
      assertArrayEquals(
          bytes, Base64.getDecoder().decode(b64), wasm + ".js carries the same module");
    }
    assertTrue(
        Files.size(tmp.resolve("search-en.wasm")) < Files.size(tmp.resolve("search.wasm")),
        "the English runtime leaves the other analyzers out");
    assertTrue(
        Files.size(tmp.resolve("search-js.js")) > 0
            && Files.size(tmp.resolve("wasm-gc-runtime.js")) > 0);
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
}
