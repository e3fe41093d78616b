package org.broadsheet.web.teavm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.teavm.backend.wasm.WasmFunctionTypes;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmGlobal;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.WasmStructure;
import org.teavm.backend.wasm.model.instruction.WasmCall;
import org.teavm.backend.wasm.model.instruction.WasmGetGlobal;
import org.teavm.backend.wasm.model.instruction.WasmGetLocal;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.backend.wasm.model.instruction.WasmInstructionList;
import org.teavm.backend.wasm.model.instruction.WasmStructNewDefault;
import org.teavm.backend.wasm.model.instruction.WasmStructSet;
import org.teavm.backend.wasm.model.instruction.WasmTeeLocal;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * One allocation function per often-allocated class instead of TeaVM's allocation at each site.
 *
 * <p>TeaVM 0.16 allocates an object as {@code struct.new_default T; local.tee x; global.get T.vt;
 * struct.set T 0; local.get x} (14 bytes or so: the object, then its virtual table stored in it),
 * then calls the constructor with {@code x}. For a class (and table) allocated so at {@value
 * #MIN_SITES} sites or more, this pass adds {@code T@new}, which does the same with a local of its
 * own and returns the object, and each site becomes {@code call T@new; local.tee x}: the same value
 * on the stack, the same value in {@code x}, nothing else that anyone can see (the new object is
 * reachable from nowhere else until the site's next instruction). Only for a WasmGC build whose
 * configuration sets the property {@code broadsheet.allocations} to {@code shared}.
 */
public final class SharedAllocations implements TeaVMPlugin {
  static final int MIN_SITES = 4;

  @Override
  public void install(TeaVMHost host) {
    ModulePasses.register(
        host,
        "broadsheet.allocations",
        "shared",
        (context, init) -> rewrite(context.module(), context.functionTypes(), MIN_SITES));
  }

  /** An allocation site: its five instructions. */
  private record Site(
      WasmStructure type, WasmGlobal table, WasmLocal local, List<WasmInstruction> insns) {}

  private record Key(WasmStructure type, WasmGlobal table) {}

  /** Returns how many sites now call an allocation function. */
  static int rewrite(WasmModule module, WasmFunctionTypes types, int minSites) {
    Map<Key, List<Site>> sites = new HashMap<>();
    for (WasmFunction function : module.functions) {
      if (function.getImportName() == null) {
        collect(function.getBody(), sites);
      }
    }
    int count = 0;
    List<Key> keys = new ArrayList<>(sites.keySet());
    keys.sort(
        java.util.Comparator.comparing(
            (Key k) -> k.type.getName() == null ? "" : k.type.getName()));
    for (Key key : keys) {
      List<Site> list = sites.get(key);
      if (list.size() < minSites) {
        continue;
      }
      WasmFunction alloc = new WasmFunction(types.of(key.type.getNonNullReference()));
      alloc.setName(key.type.getName() + "@new");
      WasmLocal object = new WasmLocal(key.type.getNonNullReference(), "object");
      alloc.add(object);
      alloc
          .getBody()
          .builder()
          .structNewDefault(key.type)
          .teeLocal(object)
          .getGlobal(key.table)
          .structSet(key.type, 0)
          .getLocal(object);
      module.functions.add(alloc);
      for (Site site : list) {
        WasmInstruction first = site.insns.get(0);
        first.insertPrevious(new WasmCall(alloc));
        first.insertPrevious(new WasmTeeLocal(site.local));
        site.insns.forEach(WasmInstruction::delete);
        count++;
      }
    }
    return count;
  }

  private static void collect(WasmInstructionList list, Map<Key, List<Site>> sites) {
    List<WasmInstruction> insns = new ArrayList<>();
    list.forEach(insns::add);
    for (int i = 0; i < insns.size(); i++) {
      WasmInstruction insn = insns.get(i);
      if (i + 4 < insns.size()
          && insn instanceof WasmStructNewDefault made
          && insns.get(i + 1) instanceof WasmTeeLocal tee
          && insns.get(i + 2) instanceof WasmGetGlobal table
          && insns.get(i + 3) instanceof WasmStructSet set
          && set.getType() == made.getType()
          && set.getFieldIndex() == 0
          && insns.get(i + 4) instanceof WasmGetLocal get
          && get.getLocal() == tee.getLocal()
          && tee.getLocal().getType().equals(made.getType().getReference())) {
        sites
            .computeIfAbsent(new Key(made.getType(), table.getGlobal()), k -> new ArrayList<>())
            .add(
                new Site(
                    made.getType(),
                    table.getGlobal(),
                    tee.getLocal(),
                    List.copyOf(insns.subList(i, i + 5))));
        i += 4;
        continue;
      }
      for (WasmInstructionList body : ModulePasses.bodies(insn)) {
        collect(body, sites);
      }
    }
  }
}
