package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime a site gets: every file present, the wasm modules real ones; prints their gzip sizes into the build log. */
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
      assertArrayEquals(bytes, Base64.getDecoder().decode(b64), wasm + ".js carries the same module");
    }
    assertTrue(Files.size(tmp.resolve("search-en.wasm")) < Files.size(tmp.resolve("search.wasm")),
        "the English runtime leaves the other analyzers out");
    assertTrue(Files.size(tmp.resolve("search-js.js")) > 0 && Files.size(tmp.resolve("wasm-gc-runtime.js")) > 0);
    for (Map.Entry<String, long[]> e : RuntimeFiles.sizes().entrySet()) {
      System.out.printf("browser runtime %-44s %,10d B raw %,9d B gzip%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
    }
  }
}
