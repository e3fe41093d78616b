package org.broadsheet.web.teavm;

import java.util.function.ToIntFunction;
import org.teavm.backend.wasm.TeaVMWasmGCHost;
import org.teavm.backend.wasm.intrinsics.WasmGCCodeGenContext;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmModule;
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
}
