package org.broadsheet.web.teavm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmGlobal;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.WasmType;
import org.teavm.backend.wasm.model.instruction.WasmCall;
import org.teavm.backend.wasm.model.instruction.WasmDefaultInstructionVisitor;
import org.teavm.backend.wasm.model.instruction.WasmFunctionReference;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * Lays a generated WasmGC module out so that it is smaller and compresses better, without changing
 * what any function does. TeaVM 0.16 writes functions and globals in the order it reached them, and
 * declares every function that a {@code ref.func} names in an element segment. After the module is
 * generated (it runs as an initializer contributor, after {@link SharedSupertypeCheck}, listed
 * after it in {@code META-INF/services}):
 *
 * <ul>
 *   <li>functions: the 128 most called first (their indexes fit one LEB128 byte at each call), then
 *       by their Java class, so that a class's methods and its neighbours' (same package, similar
 *       code) sit within deflate's 32 KB window of each other;
 *   <li>globals: by kind (the part of TeaVM's name after its last {@code @}: class objects, virtual
 *       tables, strings...), then by name, so that like initial values sit together;
 *   <li>a function that a global's initial value names (every method in a virtual table) needs no
 *       declaration in the element section: WebAssembly counts a reference from a global as a
 *       declaration. Only the functions named by code alone stay declared.
 *   <li>a function's locals (after its parameters) by type, in the order the types first occur: the
 *       code section declares a function's locals as runs of one type, and TeaVM's order
 *       interleaves them (30,959 bytes of declarations in 8,219 runs in the English runtime).
 *       TeaVM's model has no call to reorder locals, so this sets the list and each local's index
 *       by reflection (TeaVM 0.16.0 is pinned: a renamed field fails the build, never the output).
 * </ul>
 *
 * <p>Indexes are assigned when the module is written, so only the order changes. Only for a WasmGC
 * build whose configuration sets the property {@code broadsheet.layout} to {@code compact}.
 */
public final class ModuleLayout implements TeaVMPlugin {
  /** Function indexes below this fit one LEB128 byte. */
  static final int ONE_BYTE = 128;

  @Override
  public void install(TeaVMHost host) {
    ModulePasses.register(
        host,
        "broadsheet.layout",
        "compact",
        (context, init) -> {
          sortFunctions(context.module(), ONE_BYTE);
          sortGlobals(context.module());
          undeclareGlobalReferences(context.module());
          groupLocals(context.module());
        });
  }

  /** Orders the functions: the {@code hotCount} most called first, then by Java class. */
  static void sortFunctions(WasmModule module, int hotCount) {
    Map<WasmFunction, Integer> calls = new IdentityHashMap<>();
    WasmDefaultInstructionVisitor counter =
        new WasmDefaultInstructionVisitor() {
          @Override
          public void visit(WasmCall call) {
            super.visit(call);
            calls.merge(call.getFunction(), 1, Integer::sum);
          }

          @Override
          public void visit(WasmFunctionReference ref) {
            super.visit(ref);
            calls.merge(ref.getFunction(), 1, Integer::sum);
          }
        };
    Map<WasmFunction, Integer> original = new IdentityHashMap<>();
    for (WasmFunction function : module.functions) {
      original.put(function, original.size());
      for (WasmInstruction insn : function.getBody()) {
        insn.acceptVisitor(counter);
      }
    }
    // imports take the first indexes whatever the order
    long imported = module.functions.stream().filter(f -> f.getImportName() != null).count();
    Map<WasmFunction, Integer> hot = new HashMap<>();
    original.keySet().stream()
        .filter(f -> f.getImportName() == null)
        .sorted(
            Comparator.comparing((WasmFunction f) -> -calls.getOrDefault(f, 0))
                .thenComparing(original::get))
        .limit(Math.max(0, hotCount - imported))
        .forEach(f -> hot.put(f, hot.size()));
    module.functions.sort(
        Comparator.comparing((WasmFunction f) -> f.getImportName() != null ? 0 : 1)
            .thenComparing(f -> hot.containsKey(f) ? 0 : 1)
            .thenComparing(f -> hot.getOrDefault(f, 0))
            .thenComparing(ModuleLayout::owner)
            .thenComparing(original::get));
  }

  /**
   * By kind, then name. TeaVM's own sorting before writing (a global's initial value may only read
   * globals before it) keeps this order where it can.
   */
  static void sortGlobals(WasmModule module) {
    Map<WasmGlobal, Integer> original = new IdentityHashMap<>();
    module.globals.forEach(g -> original.put(g, original.size()));
    module.globals.sort(
        Comparator.comparing(ModuleLayout::kind)
            .thenComparing(g -> g.getName() == null ? "" : g.getName())
            .thenComparing(original::get));
  }

  /** Returns how many functions lost their declaration. */
  static int undeclareGlobalReferences(WasmModule module) {
    Set<WasmFunction> inGlobals = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    WasmDefaultInstructionVisitor references =
        new WasmDefaultInstructionVisitor() {
          @Override
          public void visit(WasmFunctionReference ref) {
            super.visit(ref);
            inGlobals.add(ref.getFunction());
          }
        };
    for (WasmGlobal global : module.globals) {
      for (WasmInstruction insn : global.getInitialValue()) {
        insn.acceptVisitor(references);
      }
    }
    int count = 0;
    for (WasmFunction function : module.functions) {
      if (function.isReferenced() && inGlobals.contains(function)) {
        function.setReferenced(false);
        count++;
      }
    }
    return count;
  }

  static void groupLocals(WasmModule module) {
    for (WasmFunction function : module.functions) {
      int params = function.getType().getParameterTypes().size();
      List<WasmLocal> locals = function.getLocalVariables();
      if (locals.size() <= params + 1) {
        continue;
      }
      Map<WasmType, Integer> firstSeen = new IdentityHashMap<>();
      for (WasmLocal local : locals.subList(params, locals.size())) {
        firstSeen.putIfAbsent(local.getType(), firstSeen.size());
      }
      List<WasmLocal> sorted = new ArrayList<>(locals.subList(params, locals.size()));
      sorted.sort(Comparator.comparing(l -> firstSeen.get(l.getType())));
      sorted.addAll(0, locals.subList(0, params));
      ModulePasses.setLocals(function, sorted);
    }
  }

  /** The Java class a function was compiled from; TeaVM's own functions sort before every class. */
  private static String owner(WasmFunction function) {
    return function.getJavaMethod() == null ? "" : function.getJavaMethod().getClassName();
  }

  private static String kind(WasmGlobal global) {
    String name = global.getName();
    return name == null ? "" : name.substring(name.lastIndexOf('@') + 1);
  }
}
