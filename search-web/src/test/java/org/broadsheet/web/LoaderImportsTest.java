package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every import of both compiled modules is one that Broadsheet's WasmGC loader provides, so that a
 * TeaVM upgrade (or Java code reaching a new JSO import) cannot break the browser unnoticed: the
 * loader's {@code imports} object literal, read as text, against each module's import section.
 */
class LoaderImportsTest {
  static final Path RUNTIME = Path.of("target/classes/broadsheet-search");

  /** What {@code teavmMath: Math} provides: the functions of ECMAScript's Math object. */
  static final Set<String> MATH =
      Set.of(
          "abs", "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "cbrt", "ceil",
          "clz32", "cos", "cosh", "exp", "expm1", "floor", "fround", "hypot", "imul", "log",
          "log10", "log1p", "log2", "max", "min", "pow", "random", "round", "sign", "sin", "sinh",
          "sqrt", "tan", "tanh", "trunc");

  @Test
  void everyImportOfBothModulesIsOneTheLoaderProvides() throws Exception {
    Set<String> provided = provided(Files.readString(RUNTIME.resolve("wasm-gc-runtime.js")));
    for (String module : List.of("search.wasm", "search-en.wasm")) {
      List<String> imports = WasmDeclarations.imports(Files.readAllBytes(RUNTIME.resolve(module)));
      assertTrue(imports.contains("env.memory"), module + " imports " + imports);
      List<String> missing = imports.stream().filter(i -> !provided.contains(i)).toList();
      assertEquals(
          List.of(), missing, module + " imports what wasm-gc-runtime.js does not provide");
    }
  }

  @Test
  void anImportTheLoaderLeavesOutIsReported() throws Exception {
    String loader = Files.readString(RUNTIME.resolve("wasm-gc-runtime.js"));
    Set<String> provided = provided(loader);
    assertTrue(
        provided.containsAll(
            Set.of(
                "env.memory",
                "teavmJso.callMethod1",
                "teavm.takeStackTrace",
                "wasm:js-string.charCodeAt",
                "teavmMath.log",
                "teavmMemory.heapOffset")),
        provided::toString);
    String without = loader.replace("callMethod1: method, ", "");
    assertFalse(without.equals(loader));
    assertFalse(provided(without).contains("teavmJso.callMethod1"));
    assertTrue(provided(without).contains("teavmJso.callMethod2"));
  }

  @Test
  void readsKeysOfNestedLiteralsOnly() {
    String js =
        "const imports = {\n  a: { f: (o) => ({ g: 1 }), 'h': x ? y : z, i: function () { return { j: 2 }; } },"
            + " // k: {}\n 'm:n': { s: '}', t: \"{\" }, u: Math };";
    assertEquals(
        List.of("a.f", "a.h", "a.i", "m:n.s", "m:n.t"),
        provided(js).stream().filter(s -> !s.startsWith("u.")).toList());
    assertTrue(provided(js).containsAll(Set.of("u.log", "u.pow")));
  }

  /**
   * The {@code module.name} keys of the object literal {@code const imports = {...}}: a key is a
   * name or a quoted string right after {@code {} or {@code ,} and right before {@code :}, in the
   * literal itself (a module) or in an object literal that is a module's value (its imports); a
   * module whose value is {@code Math} provides {@link #MATH}.
   */
  static Set<String> provided(String js) {
    int open = js.indexOf("{", js.indexOf("const imports = "));
    Map<String, Set<String>> modules = new TreeMap<>();
    List<Character> stack = new ArrayList<>();
    char last = 0; // the last significant character outside strings and comments
    String module = null;
    int i = open;
    do {
      char c = js.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (js.startsWith("//", i)) {
        i = js.indexOf('\n', i);
      } else if (js.startsWith("/*", i)) {
        i = js.indexOf("*/", i) + 2;
      } else if (c == '\'' || c == '"' || c == '`' || Character.isJavaIdentifierStart(c)) {
        int end = c == '\'' || c == '"' || c == '`' ? stringEnd(js, i) : nameEnd(js, i);
        String token =
            c == '\'' || c == '"' || c == '`' ? js.substring(i + 1, end - 1) : js.substring(i, end);
        int next = end;
        while (Character.isWhitespace(js.charAt(next))) {
          next++;
        }
        boolean key = (last == '{' || last == ',') && js.charAt(next) == ':' && allBraces(stack);
        if (key && stack.size() == 1) {
          module = token;
          modules.put(module, new TreeSet<>());
          int value = next + 1;
          while (Character.isWhitespace(js.charAt(value))) {
            value++;
          }
          if (js.startsWith("Math", value)
              && !Character.isJavaIdentifierPart(js.charAt(value + 4))) {
            modules.get(module).addAll(MATH);
          }
        } else if (key && stack.size() == 2) {
          modules.get(module).add(token);
        }
        last = 'a';
        i = end;
      } else {
        if (c == '{' || c == '(' || c == '[') {
          stack.add(c);
        } else if (c == '}' || c == ')' || c == ']') {
          stack.remove(stack.size() - 1);
        }
        last = c;
        i++;
      }
    } while (!stack.isEmpty());
    Set<String> out = new TreeSet<>();
    modules.forEach((m, names) -> names.forEach(n -> out.add(m + "." + n)));
    return out;
  }

  /** Keys count only in object literals nested in object literals, not in calls or arrays. */
  private static boolean allBraces(List<Character> stack) {
    return stack.stream().allMatch(c -> c == '{');
  }

  private static int stringEnd(String js, int start) {
    char quote = js.charAt(start);
    int i = start + 1;
    while (js.charAt(i) != quote) {
      i += js.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  private static int nameEnd(String js, int start) {
    int i = start + 1;
    while (Character.isJavaIdentifierPart(js.charAt(i))) {
      i++;
    }
    return i;
  }
}
