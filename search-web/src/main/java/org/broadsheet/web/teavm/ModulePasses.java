package org.broadsheet.web.teavm;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.teavm.backend.wasm.TeaVMWasmGCHost;
import org.teavm.backend.wasm.intrinsics.WasmGCCodeGenContext;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.instruction.WasmBlock;
import org.teavm.backend.wasm.model.instruction.WasmConditional;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.backend.wasm.model.instruction.WasmInstructionList;
import org.teavm.backend.wasm.model.instruction.WasmTry;
import org.teavm.vm.spi.TeaVMHost;

/**
 * Where this module's TeaVM plugins hook in: a pass over the finished WasmGC module, in a build
 * whose configuration asks for it by a property.
 */
final class ModulePasses {
  private ModulePasses() {}

  /** A pass over the generated module; {@code init} is its start function. */
  interface Pass {
    void run(WasmGCCodeGenContext context, WasmFunction init);
  }

  /**
   * Runs {@code pass} once the module is generated, in a WasmGC build whose property {@code name}
   * is {@code value}; other builds are left alone.
   */
  static void register(TeaVMHost host, String name, String value, Pass pass) {
    TeaVMWasmGCHost wasm = host.getExtension(TeaVMWasmGCHost.class);
    if (wasm == null || !value.equals(host.getProperties().getProperty(name))) {
      return;
    }
    wasm.contributeToCodeGen(
        (context, registry) ->
            context.initializerRegistry().register(init -> pass.run(context, init)));
  }

  /**
   * The instruction lists nested directly in {@code insn}: a block's body, both arms of a
   * conditional, a try's body (a catch clause names the block it branches to, not code of its own).
   */
  static List<WasmInstructionList> bodies(WasmInstruction insn) {
    if (insn instanceof WasmBlock block) {
      return List.of(block.getBody());
    } else if (insn instanceof WasmConditional cond) {
      return List.of(cond.getThenBlock(), cond.getElseBlock());
    } else if (insn instanceof WasmTry tryInsn) {
      return List.of(tryInsn.getBody());
    }
    return List.of();
  }

  /** The sum of {@code pass} over the module's own functions (an imported one has no body). */
  static int overFunctions(WasmModule module, ToIntFunction<WasmFunction> pass) {
    int sum = 0;
    for (WasmFunction function : module.functions) {
      if (function.getImportName() == null) {
        sum += pass.applyAsInt(function);
      }
    }
    return sum;
  }

  /**
   * Sets a function's locals, parameters first, and numbers them in that order. TeaVM's model can
   * add a local but neither reorder nor remove one, so this writes its list and indexes by
   * reflection: TeaVM 0.16.0 is pinned, and a renamed field fails the build, not the output.
   */
  static void setLocals(WasmFunction function, List<WasmLocal> locals) {
    try {
      Field list = WasmFunction.class.getDeclaredField("localVariables");
      Field index = WasmLocal.class.getDeclaredField("index");
      list.setAccessible(true);
      index.setAccessible(true);
      @SuppressWarnings("unchecked")
      List<WasmLocal> own = (List<WasmLocal>) list.get(function);
      List<WasmLocal> copy = new ArrayList<>(locals); // locals may be a view of own
      own.clear();
      own.addAll(copy);
      for (int i = 0; i < own.size(); i++) {
        index.setInt(own.get(i), i);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("TeaVM's WasmFunction has changed: " + e, e);
    }
  }

  /** Removes {@code gone} (by identity) from a function's locals, numbering the rest again. */
  static void removeLocals(WasmFunction function, Collection<WasmLocal> gone) {
    if (gone.isEmpty()) {
      return;
    }
    Set<WasmLocal> set = Collections.newSetFromMap(new IdentityHashMap<>());
    set.addAll(gone);
    List<WasmLocal> kept = new ArrayList<>(function.getLocalVariables());
    kept.removeIf(set::contains);
    setLocals(function, kept);
  }
}
