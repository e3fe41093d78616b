package org.broadsheet.web.teavm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmGlobal;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.WasmType;
import org.teavm.backend.wasm.model.instruction.WasmArrayCopy;
import org.teavm.backend.wasm.model.instruction.WasmArrayGet;
import org.teavm.backend.wasm.model.instruction.WasmArrayLength;
import org.teavm.backend.wasm.model.instruction.WasmArrayNewDefault;
import org.teavm.backend.wasm.model.instruction.WasmArrayNewFixed;
import org.teavm.backend.wasm.model.instruction.WasmArraySet;
import org.teavm.backend.wasm.model.instruction.WasmBlock;
import org.teavm.backend.wasm.model.instruction.WasmBranch;
import org.teavm.backend.wasm.model.instruction.WasmBreak;
import org.teavm.backend.wasm.model.instruction.WasmCall;
import org.teavm.backend.wasm.model.instruction.WasmCallReference;
import org.teavm.backend.wasm.model.instruction.WasmCast;
import org.teavm.backend.wasm.model.instruction.WasmCastBranch;
import org.teavm.backend.wasm.model.instruction.WasmConditional;
import org.teavm.backend.wasm.model.instruction.WasmConversion;
import org.teavm.backend.wasm.model.instruction.WasmDrop;
import org.teavm.backend.wasm.model.instruction.WasmExternConversion;
import org.teavm.backend.wasm.model.instruction.WasmFloat32Constant;
import org.teavm.backend.wasm.model.instruction.WasmFloat64Constant;
import org.teavm.backend.wasm.model.instruction.WasmFloatBinary;
import org.teavm.backend.wasm.model.instruction.WasmFloatUnary;
import org.teavm.backend.wasm.model.instruction.WasmFunctionReference;
import org.teavm.backend.wasm.model.instruction.WasmGetGlobal;
import org.teavm.backend.wasm.model.instruction.WasmGetLocal;
import org.teavm.backend.wasm.model.instruction.WasmIndirectCall;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.backend.wasm.model.instruction.WasmInstructionList;
import org.teavm.backend.wasm.model.instruction.WasmInt32Constant;
import org.teavm.backend.wasm.model.instruction.WasmInt64Constant;
import org.teavm.backend.wasm.model.instruction.WasmIntBinary;
import org.teavm.backend.wasm.model.instruction.WasmIntUnary;
import org.teavm.backend.wasm.model.instruction.WasmIsNull;
import org.teavm.backend.wasm.model.instruction.WasmNullBranch;
import org.teavm.backend.wasm.model.instruction.WasmNullConstant;
import org.teavm.backend.wasm.model.instruction.WasmReferencesEqual;
import org.teavm.backend.wasm.model.instruction.WasmSetGlobal;
import org.teavm.backend.wasm.model.instruction.WasmSetLocal;
import org.teavm.backend.wasm.model.instruction.WasmStructGet;
import org.teavm.backend.wasm.model.instruction.WasmStructNew;
import org.teavm.backend.wasm.model.instruction.WasmStructNewDefault;
import org.teavm.backend.wasm.model.instruction.WasmStructSet;
import org.teavm.backend.wasm.model.instruction.WasmSwitch;
import org.teavm.backend.wasm.model.instruction.WasmTeeLocal;
import org.teavm.backend.wasm.model.instruction.WasmTest;
import org.teavm.backend.wasm.model.instruction.WasmTry;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * Moves the value a local is set to into the local's read, in a generated WasmGC module: {@code V;
 * local.set x; A; local.get x} becomes {@code A; V}, and {@code x} goes. A local read several times
 * takes its value at its first read instead, as {@code A; V; local.tee x}. TeaVM never writes a set
 * directly before its read, so the value moves across the instructions between them ({@code A}),
 * and only where the order cannot be told apart:
 *
 * <ul>
 *   <li>the local is set once, before every read in code order, and the (first) read stands in the
 *       set's instruction list or in plain blocks there; a single read may also stand in a
 *       conditional if the value does nothing but read locals and globals (it may then not run);
 *   <li>the value is a sequence that takes nothing from the stack below it and branches nowhere
 *       outside itself;
 *   <li>nothing in {@code A} writes a local the value reads, or reads or writes a local the value
 *       writes;
 *   <li>a value that writes (fields, arrays, globals) or calls crosses nothing that reads or writes
 *       memory, calls, traps or leaves; a value that reads fields, arrays or globals crosses
 *       nothing that writes them or calls; a value that may trap crosses nothing that writes, calls
 *       or leaves (a trap then happens at the same point of every write). Two reads that may trap
 *       (a null field read, a failed cast) may change places: the module stops with a trap either
 *       way, and nothing was written between them. A value that may throw crosses no local write in
 *       a function that catches;
 *   <li>for a local read several times, nothing in {@code A} may leave (so the tee runs wherever
 *       the set ran), and a non-null local is not set inside a block it is read after (WebAssembly
 *       counts such a set to its block's end only).
 * </ul>
 *
 * <p>Only for a WasmGC build whose configuration sets the property {@code broadsheet.sink} to
 * {@code single}; runs before {@link SharedLocals} (listed before it in {@code META-INF/services}),
 * whose slots it would otherwise have to tell apart.
 */
public final class SinkLocals implements TeaVMPlugin {
  @Override
  public void install(TeaVMHost host) {
    ModulePasses.register(
        host, "broadsheet.sink", "single", (context, init) -> sink(context.module()));
  }

  /** Returns how many locals took their value at their (first) read. */
  static int sink(WasmModule module) {
    return ModulePasses.overFunctions(module, f -> sink(f));
  }

  static int sink(WasmFunction function) {
    int total = 0;
    while (true) {
      int round = sinkOnce(function);
      if (round == 0) {
        break;
      }
      total += round;
    }
    return total;
  }

  /** What an instruction (with what it holds) may do, as far as reordering is concerned. */
  static final class Effects {
    final Set<WasmLocal> readsLocals = Collections.newSetFromMap(new IdentityHashMap<>());
    final Set<WasmLocal> writesLocals = Collections.newSetFromMap(new IdentityHashMap<>());
    final Set<WasmGlobal> readsGlobals = Collections.newSetFromMap(new IdentityHashMap<>());
    final Set<WasmGlobal> writesGlobals = Collections.newSetFromMap(new IdentityHashMap<>());
    boolean readsHeap;
    boolean writesHeap;
    boolean calls;
    boolean traps;
    boolean branches;
    boolean throwsOut;

    boolean leaves() {
      return branches || throwsOut;
    }

    boolean writes() {
      return writesHeap || calls || !writesGlobals.isEmpty();
    }

    boolean readsMemory() {
      return readsHeap || !readsGlobals.isEmpty();
    }

    /** Whether {@code value}, evaluated before this, may instead be evaluated after it. */
    boolean lets(Effects value, boolean catches) {
      for (WasmLocal l : value.readsLocals) {
        if (writesLocals.contains(l)) {
          return false;
        }
      }
      for (WasmLocal l : value.writesLocals) {
        if (writesLocals.contains(l) || readsLocals.contains(l)) {
          return false;
        }
      }
      if (catches && value.throwsOut && !writesLocals.isEmpty()) {
        return false; // a handler in this function could tell
      }
      if (value.writes() && (writes() || readsMemory() || traps || leaves())) {
        return false;
      }
      if (value.readsMemory() && writes()) {
        if (calls || writesHeap && value.readsHeap) {
          return false;
        }
        for (WasmGlobal g : value.readsGlobals) {
          if (writesGlobals.contains(g)) {
            return false;
          }
        }
      }
      return !value.traps || !(writes() || leaves());
    }
  }

  private static int sinkOnce(WasmFunction function) {
    int params = function.getType().getParameterTypes().size();
    Map<WasmLocal, List<WasmInstruction>> accesses = new IdentityHashMap<>();
    Map<WasmInstructionList, WasmInstruction> parents = new IdentityHashMap<>();
    collect(function.getBody(), accesses, parents);
    boolean catches = parents.values().stream().anyMatch(h -> h instanceof WasmTry);
    // locals whose accesses moved this round: their list above is stale until the next round
    Set<WasmLocal> moved = Collections.newSetFromMap(new IdentityHashMap<>());
    List<WasmLocal> sunk = new ArrayList<>();
    List<WasmLocal> locals = function.getLocalVariables();
    int teed = 0;
    for (WasmLocal local : locals.subList(params, locals.size())) {
      List<WasmInstruction> uses = accesses.get(local);
      if (uses == null || uses.size() < 2 || moved.contains(local)) {
        continue;
      }
      if (!(uses.get(0) instanceof WasmSetLocal set)
          || !uses.subList(1, uses.size()).stream().allMatch(u -> u instanceof WasmGetLocal)) {
        continue;
      }
      WasmInstruction get = uses.get(1);
      boolean once = uses.size() == 2;
      if (!inside(get, set.getOwner(), parents)) {
        continue;
      }
      Effects value = sinkable(set, get, parents, catches, once);
      if (value == null) {
        continue;
      }
      if (get.getOwner() != set.getOwner()) {
        // a set of a local without a default (a non-null reference) counts for the rest of its
        // block only: WebAssembly refuses a read of it outside the block it moved into
        if (!once && !defaultable(local)
            || value.writesLocals.stream().anyMatch(l -> !defaultable(l))) {
          continue;
        }
      }
      List<WasmInstruction> code = new ArrayList<>();
      for (WasmInstruction i = valueStart(set); i != set; i = i.getNext()) {
        code.add(i);
      }
      for (WasmInstruction i : code) {
        i.delete();
        get.insertPrevious(i);
      }
      set.delete();
      if (once) {
        get.delete();
        sunk.add(local);
      } else {
        get.insertPrevious(new WasmTeeLocal(local));
        get.delete();
        teed++;
      }
      moved.add(local);
      moved.addAll(value.readsLocals);
      moved.addAll(value.writesLocals);
    }
    ModulePasses.removeLocals(function, sunk);
    return sunk.size() + teed;
  }

  /**
   * What the value {@code set} stores may do, when it may move to {@code get} (later, in the set's
   * list or nested in it); otherwise null.
   */
  static Effects sinkable(
      WasmInstruction set,
      WasmInstruction get,
      Map<WasmInstructionList, WasmInstruction> parents,
      boolean catches,
      boolean once) {
    WasmInstruction first = valueStart(set);
    if (first == null) {
      return null;
    }
    Effects value = new Effects();
    Set<WasmInstructionList> inner = Collections.newSetFromMap(new IdentityHashMap<>());
    for (WasmInstruction i = first; i != set; i = i.getNext()) {
      innerLists(i, inner);
    }
    for (WasmInstruction i = first; i != set; i = i.getNext()) {
      effects(i, inner, value);
    }
    if (value.branches) {
      return null;
    }
    // the instructions the read is nested in, from the set's list inwards: the code that runs
    // between the set and the read is what comes before each of them in its list
    List<WasmInstruction> path = new ArrayList<>();
    path.add(get);
    for (WasmInstructionList list = get.getOwner(); list != set.getOwner(); ) {
      WasmInstruction holder = parents.get(list);
      if (holder == null) {
        return null;
      }
      if (holder instanceof WasmBlock block && !block.isLoop()) {
        // runs its body from the start: the read runs unless something branches before it
      } else if (holder instanceof WasmConditional && once) {
        // the read may not run: only a value that does nothing but read may move there
        if (value.writes() || value.traps || !value.writesLocals.isEmpty()) {
          return null;
        }
      } else {
        return null; // a loop (the value would run again) or a try
      }
      path.add(0, holder);
      list = holder.getOwner();
    }
    WasmInstruction from = set.getNext();
    for (WasmInstruction to : path) {
      for (WasmInstruction i = from; i != to; i = i.getNext()) {
        if (i == null) {
          return null; // the read comes before the set
        }
        Set<WasmInstructionList> own = Collections.newSetFromMap(new IdentityHashMap<>());
        innerLists(i, own);
        Effects between = new Effects();
        effects(i, own, between);
        // a local read again later must be set on every path that set it before: nothing between
        // may leave (a branch, or an exception a handler here could catch). Letting calls through
        // where nothing catches set 74 more bytes but compressed 47 worse.
        if (!between.lets(value, catches) || !once && between.leaves()) {
          return null;
        }
      }
      if (to instanceof WasmBlock block) {
        from = block.getBody().getFirst();
      } else if (to instanceof WasmConditional cond) {
        WasmInstructionList branch = path.get(path.indexOf(to) + 1).getOwner();
        from = branch.getFirst();
      }
    }
    return value;
  }

  private static boolean defaultable(WasmLocal local) {
    return !(local.getType() instanceof WasmType.Reference ref) || ref.isNullable();
  }

  /** Whether {@code insn} stands in {@code list} or in code nested in it. */
  private static boolean inside(
      WasmInstruction insn,
      WasmInstructionList list,
      Map<WasmInstructionList, WasmInstruction> parents) {
    for (WasmInstructionList at = insn.getOwner(); at != null; ) {
      if (at == list) {
        return true;
      }
      WasmInstruction holder = parents.get(at);
      at = holder == null ? null : holder.getOwner();
    }
    return false;
  }

  /** Every local.get/set/tee of the code, by local, in code order. */
  private static void collect(
      WasmInstructionList list,
      Map<WasmLocal, List<WasmInstruction>> out,
      Map<WasmInstructionList, WasmInstruction> parents) {
    for (WasmInstruction insn : list) {
      WasmLocal local = null;
      if (insn instanceof WasmGetLocal get) {
        local = get.getLocal();
      } else if (insn instanceof WasmSetLocal set) {
        local = set.getLocal();
      } else if (insn instanceof WasmTeeLocal tee) {
        local = tee.getLocal();
      }
      if (local != null) {
        out.computeIfAbsent(local, l -> new ArrayList<>()).add(insn);
      }
      for (WasmInstructionList body : ModulePasses.bodies(insn)) {
        parents.put(body, insn);
        collect(body, out, parents);
      }
    }
  }

  private static void innerLists(WasmInstruction insn, Set<WasmInstructionList> out) {
    for (WasmInstructionList body : ModulePasses.bodies(insn)) {
      out.add(body);
      for (WasmInstruction i : body) {
        innerLists(i, out);
      }
    }
  }

  /**
   * The first instruction of the value a set stores: walking back, the instructions whose results
   * add up to one value and take nothing from below. Null when an instruction's stack effect is not
   * known here, or the value starts before the list.
   */
  static WasmInstruction valueStart(WasmInstruction set) {
    int need = 1;
    WasmInstruction i = set.getPrevious();
    while (i != null) {
      int[] effect = stack(i);
      if (effect == null || effect[1] > need) {
        return null;
      }
      need += effect[0] - effect[1];
      if (need == 0) {
        return i;
      }
      i = i.getPrevious();
    }
    return null;
  }

  /** {pops, pushes} of an instruction that cannot branch away from its list, or null. */
  static int[] stack(WasmInstruction insn) {
    if (insn instanceof WasmGetLocal
        || insn instanceof WasmGetGlobal
        || insn instanceof WasmInt32Constant
        || insn instanceof WasmInt64Constant
        || insn instanceof WasmFloat32Constant
        || insn instanceof WasmFloat64Constant
        || insn instanceof WasmNullConstant
        || insn instanceof WasmFunctionReference
        || insn instanceof WasmStructNewDefault) {
      return new int[] {0, 1};
    }
    if (insn instanceof WasmTeeLocal
        || insn instanceof WasmIntUnary
        || insn instanceof WasmFloatUnary
        || insn instanceof WasmConversion
        || insn instanceof WasmIsNull
        || insn instanceof WasmCast
        || insn instanceof WasmTest
        || insn instanceof WasmExternConversion
        || insn instanceof WasmStructGet
        || insn instanceof WasmArrayLength
        || insn instanceof WasmArrayNewDefault) {
      return new int[] {1, 1};
    }
    if (insn instanceof WasmIntBinary
        || insn instanceof WasmFloatBinary
        || insn instanceof WasmReferencesEqual
        || insn instanceof WasmArrayGet) {
      return new int[] {2, 1};
    }
    if (insn instanceof WasmSetLocal || insn instanceof WasmSetGlobal || insn instanceof WasmDrop) {
      return new int[] {1, 0};
    }
    if (insn instanceof WasmStructSet) {
      return new int[] {2, 0};
    }
    if (insn instanceof WasmArraySet) {
      return new int[] {3, 0};
    }
    if (insn instanceof WasmStructNew n) {
      return new int[] {n.getType().getFields().size(), 1};
    }
    if (insn instanceof WasmArrayNewFixed n) {
      return new int[] {n.getSize(), 1};
    }
    if (insn instanceof WasmCall call) {
      var type = call.getFunction().getType();
      return new int[] {type.getParameterTypes().size(), type.getReturnTypes().size()};
    }
    if (insn instanceof WasmCallReference call) {
      var type = call.getType();
      return new int[] {type.getParameterTypes().size() + 1, type.getReturnTypes().size()};
    }
    if (insn instanceof WasmBlock block && block.getType() != null) {
      return new int[] {
        block.getType().getInputTypes().size(), block.getType().getOutputTypes().size()
      };
    }
    if (insn instanceof WasmBlock) {
      return new int[] {0, 0};
    }
    if (insn instanceof WasmConditional cond) {
      if (cond.getType() == null) {
        return new int[] {1, 0};
      }
      return new int[] {
        cond.getType().getInputTypes().size() + 1, cond.getType().getOutputTypes().size()
      };
    }
    return null;
  }

  /**
   * Adds what {@code insn} and the code it holds may do; {@code inner} are the lists inside the
   * moved or crossed code, whose branches stay inside it.
   */
  static void effects(WasmInstruction insn, Set<WasmInstructionList> inner, Effects out) {
    if (insn instanceof WasmGetLocal get) {
      out.readsLocals.add(get.getLocal());
    } else if (insn instanceof WasmSetLocal set) {
      out.writesLocals.add(set.getLocal());
    } else if (insn instanceof WasmTeeLocal tee) {
      out.writesLocals.add(tee.getLocal());
    } else if (insn instanceof WasmGetGlobal get) {
      if (!get.getGlobal().isImmutable()) {
        out.readsGlobals.add(get.getGlobal());
      }
    } else if (insn instanceof WasmSetGlobal set) {
      out.writesGlobals.add(set.getGlobal());
    } else if (insn instanceof WasmInt32Constant
        || insn instanceof WasmInt64Constant
        || insn instanceof WasmFloat32Constant
        || insn instanceof WasmFloat64Constant
        || insn instanceof WasmNullConstant
        || insn instanceof WasmFunctionReference
        || insn instanceof WasmStructNewDefault
        || insn instanceof WasmStructNew
        || insn instanceof WasmArrayNewFixed
        || insn instanceof WasmIntUnary
        || insn instanceof WasmFloatUnary
        || insn instanceof WasmFloatBinary
        || insn instanceof WasmIsNull
        || insn instanceof WasmTest
        || insn instanceof WasmReferencesEqual
        || insn instanceof WasmExternConversion
        || insn instanceof WasmDrop) {
      // no effect
    } else if (insn instanceof WasmIntBinary binary) {
      switch (binary.getOperation()) {
        case DIV_SIGNED, DIV_UNSIGNED, REM_SIGNED, REM_UNSIGNED -> out.traps = true;
        default -> {}
      }
    } else if (insn instanceof WasmConversion conversion) {
      if (!conversion.isNonTrapping() && !conversion.isReinterpret()) {
        out.traps = true;
      }
    } else if (insn instanceof WasmCast || insn instanceof WasmArrayNewDefault) {
      out.traps = true;
    } else if (insn instanceof WasmStructGet
        || insn instanceof WasmArrayGet
        || insn instanceof WasmArrayLength) {
      out.readsHeap = true;
      out.traps = true;
    } else if (insn instanceof WasmStructSet
        || insn instanceof WasmArraySet
        || insn instanceof WasmArrayCopy) {
      out.writesHeap = true;
      out.traps = true;
    } else if (insn instanceof WasmBlock
        || insn instanceof WasmConditional
        || insn instanceof WasmTry) {
      for (WasmInstructionList body : ModulePasses.bodies(insn)) {
        for (WasmInstruction i : body) {
          effects(i, inner, out);
        }
      }
      if (insn instanceof WasmTry) {
        // what it catches goes to a block of its own choosing
        out.calls = true;
        out.branches = true;
      }
    } else if (insn instanceof WasmBranch b) {
      out.branches |= !inner.contains(b.getTarget());
    } else if (insn instanceof WasmBreak b) {
      out.branches |= !inner.contains(b.getTarget());
    } else if (insn instanceof WasmNullBranch b) {
      out.branches |= !inner.contains(b.getTarget());
    } else if (insn instanceof WasmCastBranch b) {
      out.branches |= !inner.contains(b.getTarget());
    } else if (insn instanceof WasmSwitch s) {
      boolean outside = !inner.contains(s.getDefaultTarget());
      for (WasmInstructionList t : s.getTargets()) {
        outside |= !inner.contains(t);
      }
      out.branches |= outside;
    } else if (insn instanceof WasmCall
        || insn instanceof WasmCallReference
        || insn instanceof WasmIndirectCall) {
      out.calls = true;
      out.readsHeap = true;
      out.writesHeap = true;
      out.traps = true;
      out.throwsOut = true;
    } else {
      // return, throw, unreachable, memory, anything not listed: everything
      out.calls = true;
      out.readsHeap = true;
      out.writesHeap = true;
      out.traps = true;
      out.branches = true;
    }
  }
}
