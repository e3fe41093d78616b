package org.broadsheet.web.teavm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.teavm.backend.wasm.WasmFunctionTypes;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmFunctionType;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.WasmStructure;
import org.teavm.backend.wasm.model.WasmType;
import org.teavm.backend.wasm.model.instruction.WasmCall;
import org.teavm.backend.wasm.model.instruction.WasmCallReference;
import org.teavm.backend.wasm.model.instruction.WasmCast;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.backend.wasm.model.instruction.WasmInstructionBuilder;
import org.teavm.backend.wasm.model.instruction.WasmInstructionList;
import org.teavm.backend.wasm.model.instruction.WasmStructGet;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * One dispatch function per often-called virtual method instead of the dispatch at each call.
 *
 * <p>In TeaVM 0.16's compact mode a virtual call ends {@code receiver; struct.get Object 0 (its
 * table); ref.cast VT<C>; struct.get VT<C> k (the method); call_ref T}, about 14 bytes after the
 * receiver. For a method called so at {@value #MIN_SITES} sites or more, this pass adds a function
 * that takes the call's arguments and then the receiver and does those four steps, and each call
 * becomes {@code receiver; call stub}: the same arguments, the same receiver, read and called in
 * the same order (a null receiver traps in the stub as it trapped at the call). Only for a WasmGC
 * build whose configuration sets the property {@code broadsheet.dispatch} to {@code shared}.
 */
public final class VirtualCallStubs implements TeaVMPlugin {
  static final int MIN_SITES = 6;

  @Override
  public void install(TeaVMHost host) {
    ModulePasses.register(
        host,
        "broadsheet.dispatch",
        "shared",
        (context, init) -> rewrite(context.module(), context.functionTypes(), MIN_SITES));
  }

  /** What a call does after its receiver: the table read, its cast (or null), the method read. */
  private record Key(
      WasmStructure object,
      WasmType.Reference tableCast,
      WasmStructure table,
      int method,
      WasmFunctionType type) {}

  /** Returns how many calls now go through a stub. */
  static int rewrite(WasmModule module, WasmFunctionTypes types, int minSites) {
    Map<Key, List<List<WasmInstruction>>> sites = new HashMap<>();
    for (WasmFunction function : module.functions) {
      if (function.getImportName() == null) {
        collect(function.getBody(), sites);
      }
    }
    List<Key> keys = new ArrayList<>(sites.keySet());
    keys.sort(
        Comparator.comparing((Key k) -> k.table.getName() == null ? "" : k.table.getName())
            .thenComparingInt(Key::method));
    int count = 0;
    for (Key key : keys) {
      List<List<WasmInstruction>> list = sites.get(key);
      if (list.size() < minSites || key.type.getReturnTypes().size() > 1) {
        continue;
      }
      List<WasmType> params = new ArrayList<>(key.type.getParameterTypes());
      params.add(key.object.getReference());
      WasmType result =
          key.type.getReturnTypes().isEmpty() ? null : key.type.getReturnTypes().get(0);
      WasmFunction stub = new WasmFunction(types.of(result, params.toArray(new WasmType[0])));
      stub.setName((key.table.getName() == null ? "" : key.table.getName()) + "@call" + key.method);
      List<WasmLocal> locals = new ArrayList<>();
      for (WasmType param : params) {
        WasmLocal local = new WasmLocal(param);
        stub.add(local);
        locals.add(local);
      }
      WasmInstructionBuilder b = stub.getBody().builder();
      for (WasmLocal local : locals) {
        b.getLocal(local);
      }
      b.structGet(key.object, 0);
      if (key.tableCast != null) {
        b.cast(key.tableCast);
      }
      b.structGet(key.table, key.method).callReference(key.type);
      module.functions.add(stub);
      for (List<WasmInstruction> site : list) {
        site.get(0).insertPrevious(new WasmCall(stub));
        site.forEach(WasmInstruction::delete);
        count++;
      }
    }
    return count;
  }

  private static void collect(
      WasmInstructionList list, Map<Key, List<List<WasmInstruction>>> sites) {
    List<WasmInstruction> insns = new ArrayList<>();
    list.forEach(insns::add);
    for (int i = 0; i < insns.size(); i++) {
      WasmInstruction insn = insns.get(i);
      if (insn instanceof WasmStructGet vt
          && vt.getFieldIndex() == 0
          && vt.getSignedType() == null) {
        int j = i + 1;
        WasmType.Reference cast = null;
        if (j < insns.size() && insns.get(j) instanceof WasmCast c) {
          cast = c.getTargetType();
          j++;
        }
        if (j + 1 < insns.size()
            && insns.get(j) instanceof WasmStructGet method
            && method.getSignedType() == null
            && insns.get(j + 1) instanceof WasmCallReference call
            && !call.isSuspend()) {
          Key key =
              new Key(vt.getType(), cast, method.getType(), method.getFieldIndex(), call.getType());
          sites
              .computeIfAbsent(key, k -> new ArrayList<>())
              .add(List.copyOf(insns.subList(i, j + 2)));
          i = j + 1;
          continue;
        }
      }
      for (WasmInstructionList body : ModulePasses.bodies(insn)) {
        collect(body, sites);
      }
    }
  }
}
