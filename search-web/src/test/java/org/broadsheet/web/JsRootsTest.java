package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * src/build/js_roots.py, which exports the functions a module hands to JavaScript so that
 * binaryen's closed world keeps them: on small modules made here, and on the shipped ones.
 */
class JsRootsTest {
  private static final Path SCRIPT = Path.of("src/build/js_roots.py");

  @TempDir Path tmp;

  @BeforeAll
  static void python() throws Exception {
    boolean found;
    try {
      found = new ProcessBuilder("python3", "--version").start().waitFor() == 0;
    } catch (java.io.IOException e) {
      found = false;
    }
    assumeTrue(found || "true".equals(System.getenv("CI")), "no python3 here");
  }

  @Test
  void exportsTheFunctionGivenToAnImportAndNothingTwice() throws Exception {
    byte[] module = module(false, true, new byte[] {(byte) 0xD2, 1, 0x10, 0}); // ref.func 1; call 0
    Path in = tmp.resolve("in.wasm");
    Path out = tmp.resolve("out.wasm");
    Files.write(in, module);
    assertEquals(0, run(in, out));
    assertEquals(List.of("main=2", "r0=1"), WasmDeclarations.exports(Files.readAllBytes(out)));
    Path again = tmp.resolve("again.wasm");
    assertEquals(0, run(out, again));
    assertEquals(
        List.of("main=2", "r0=1"),
        WasmDeclarations.exports(Files.readAllBytes(again)),
        "idempotent");
  }

  @Test
  void refusesWhatItCannotProve() throws Exception {
    byte[] computed = module(false, true, new byte[] {0x20, 0, 0x10, 0}); // local.get 0; call 0
    byte[] table = module(true, true, new byte[] {(byte) 0xD2, 1, 0x10, 0});
    byte[] noExports = module(false, false, new byte[] {(byte) 0xD2, 1, 0x10, 0});
    for (byte[] module : List.of(computed, table, noExports)) {
      Path in = tmp.resolve("in.wasm");
      Path out = tmp.resolve("refused.wasm");
      Files.write(in, module);
      assertEquals(2, run(in, out));
      assertFalse(Files.exists(out));
    }
  }

  /** The shipped modules carry the roots it exported (wasm-opt keeps export names). */
  @Test
  void theShippedModulesExportWhatJavascriptCalls() throws Exception {
    assumeTrue("true".equals(System.getenv("CI")), "only CI must have optimised the modules (npm)");
    for (String name : List.of("search.wasm", "search-en.wasm")) {
      byte[] module = Files.readAllBytes(Path.of("target/classes/broadsheet-search", name));
      List<String> roots =
          WasmDeclarations.exports(module).stream().filter(e -> e.matches("r\\d+=\\d+")).toList();
      assertEquals(5, roots.size(), name + ": main and the four @JSExport methods " + roots);
      Path out = tmp.resolve(name);
      Files.write(tmp.resolve("in-" + name), module);
      assertEquals(0, run(tmp.resolve("in-" + name), out));
      assertEquals(
          WasmDeclarations.exports(module),
          WasmDeclarations.exports(Files.readAllBytes(out)),
          "nothing new");
    }
  }

  private int run(Path in, Path out) throws Exception {
    Process p =
        new ProcessBuilder("python3", SCRIPT.toString(), in.toString(), out.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    System.out.print(said);
    return code;
  }

  /**
   * A module importing {@code teavmJso.defineFunction(funcref)}, with function 1 and function 2,
   * exported as main (when asked), which has a funcref local and runs {@code code}; with a table
   * when asked.
   */
  private static byte[] module(boolean withTable, boolean withExports, byte[] code) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    // types: 0 = (funcref) -> (), 1 = () -> ()
    section(b, 1, new byte[] {2, 0x60, 1, 0x70, 0, 0x60, 0, 0});
    ByteArrayOutputStream imports = new ByteArrayOutputStream();
    imports.write(1);
    name(imports, "teavmJso");
    name(imports, "defineFunction");
    imports.writeBytes(new byte[] {0, 0});
    section(b, 2, imports.toByteArray());
    section(b, 3, new byte[] {2, 1, 1}); // functions 1 and 2: type 1
    if (withTable) {
      section(b, 4, new byte[] {1, 0x70, 0, 1});
    }
    if (withExports) {
      ByteArrayOutputStream exports = new ByteArrayOutputStream();
      exports.write(1);
      name(exports, "main");
      exports.writeBytes(new byte[] {0, 2});
      section(b, 7, exports.toByteArray());
    }
    section(b, 9, new byte[] {1, 3, 0, 1, 1}); // declarative: function 1
    ByteArrayOutputStream bodies = new ByteArrayOutputStream();
    bodies.write(2);
    byte[] empty = {0, 0x0B};
    bodies.write(empty.length);
    bodies.writeBytes(empty);
    bodies.write(code.length + 4);
    bodies.writeBytes(new byte[] {1, 1, 0x70}); // one funcref local
    bodies.writeBytes(code);
    bodies.write(0x0B);
    section(b, 10, bodies.toByteArray());
    return b.toByteArray();
  }

  private static void section(ByteArrayOutputStream b, int id, byte[] body) {
    b.write(id);
    b.write(body.length); // every section here is under 128 bytes
    b.writeBytes(body);
  }

  private static void name(ByteArrayOutputStream b, String name) {
    b.write(name.length());
    b.writeBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
