package org.broadsheet.web.teavm;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.instruction.WasmBlock;
import org.teavm.backend.wasm.model.instruction.WasmConditional;
import org.teavm.backend.wasm.model.instruction.WasmGetLocal;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.backend.wasm.model.instruction.WasmInstructionList;
import org.teavm.backend.wasm.model.instruction.WasmSetLocal;
import org.teavm.backend.wasm.model.instruction.WasmTeeLocal;
import org.teavm.backend.wasm.model.instruction.WasmTry;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * Lets locals of one type whose lifetimes do not overlap share one slot, in a generated WasmGC
 * module: fewer locals to declare, smaller indexes, and a copy from one to another that shares its
 * slot disappears.
 *
 * <p>Lifetimes are taken conservatively from the structured code: a local lives from its first to
 * its last access in the order of the code, widened to the whole of the outermost loop around any
 * access (a value can flow back along a loop's branch). Every branch of structured code goes
 * forward to the end of a block or back to the start of a loop, so a value never lives outside that
 * range. A local that shares a slot another used before must be set before any read on every path
 * (a set that comes before all its reads in a list that holds them all); otherwise it could read
 * the other's value where it read its default. Parameters keep their own slots. Only for a WasmGC
 * build whose configuration sets the property {@code broadsheet.locals} to {@code shared}; runs
 * before {@link ModuleLayout} (listed before it in {@code META-INF/services}).
 */
public final class SharedLocals implements TeaVMPlugin {
  @Override
  public void install(TeaVMHost host) {
    ModulePasses.register(
        host, "broadsheet.locals", "shared", (context, init) -> share(context.module()));
  }

  /** A loop of the code, by position. */
  private static final class Loop {
    int start;
    int end;
  }

  /** One access to a local: where, in which loop (outermost), and the lists around it. */
  private record Access(
      WasmInstruction insn, boolean store, int position, Loop loop, List<Object[]> path) {}

  /** Walks a function's code in order, numbering instructions and recording local accesses. */
  private static final class Walk {
    final Map<WasmLocal, List<Access>> accesses = new IdentityHashMap<>();
    int position;

    void list(WasmInstructionList list, Loop outer, List<Object[]> path) {
      int index = 0;
      for (WasmInstruction insn : list) {
        List<Object[]> here = new ArrayList<>(path);
        here.add(new Object[] {list, index++});
        position++;
        if (insn instanceof WasmGetLocal get) {
          record(get.getLocal(), insn, false, outer, here);
        } else if (insn instanceof WasmSetLocal set) {
          record(set.getLocal(), insn, true, outer, here);
        } else if (insn instanceof WasmTeeLocal tee) {
          record(tee.getLocal(), insn, true, outer, here);
        } else if (insn instanceof WasmBlock block) {
          Loop loop = outer;
          if (block.isLoop() && outer == null) {
            loop = new Loop();
            loop.start = position;
          }
          list(block.getBody(), loop, here);
          position++;
          if (loop != outer) {
            loop.end = position;
          }
        } else if (insn instanceof WasmConditional cond) {
          list(cond.getThenBlock(), outer, here);
          position++;
          list(cond.getElseBlock(), outer, here);
          position++;
        } else if (insn instanceof WasmTry tryInsn) {
          list(tryInsn.getBody(), outer, here);
          position++;
        }
      }
    }

    private void record(
        WasmLocal local, WasmInstruction insn, boolean store, Loop loop, List<Object[]> path) {
      accesses
          .computeIfAbsent(local, l -> new ArrayList<>())
          .add(new Access(insn, store, position, loop, path));
    }
  }

  /** Returns how many locals were folded into another's slot. */
  static int share(WasmModule module) {
    int folded = 0;
    for (WasmFunction function : module.functions) {
      if (function.getImportName() == null) {
        folded += share(function);
      }
    }
    return folded;
  }

  static int share(WasmFunction function) {
    int params = function.getType().getParameterTypes().size();
    List<WasmLocal> locals = function.getLocalVariables();
    if (locals.size() <= params + 1) {
      return 0;
    }
    Walk walk = new Walk();
    walk.list(function.getBody(), null, List.of());
    record Life(WasmLocal local, int start, int end, boolean assigned) {}
    List<Life> lives = new ArrayList<>();
    java.util.Set<WasmLocal> unused = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (WasmLocal local : locals.subList(params, locals.size())) {
      List<Access> uses = walk.accesses.get(local);
      if (uses == null) {
        unused.add(local);
        continue;
      }
      int start = Integer.MAX_VALUE;
      int end = Integer.MIN_VALUE;
      for (Access a : uses) {
        start = Math.min(start, a.loop() != null ? a.loop().start : a.position());
        end = Math.max(end, a.loop() != null ? a.loop().end : a.position());
      }
      lives.add(new Life(local, start, end, setBeforeEveryRead(uses)));
    }
    lives.sort(Comparator.comparingInt(Life::start));
    // slots: their locals' type, the local that names them, where their last life ends
    List<WasmLocal> slotLocal = new ArrayList<>();
    List<Integer> slotEnd = new ArrayList<>();
    Map<WasmLocal, WasmLocal> into = new IdentityHashMap<>();
    for (Life life : lives) {
      int chosen = -1;
      // a local that starts as a copy of another takes that one's slot if it is free: the copy
      // then goes
      WasmLocal source = copySource(walk.accesses.get(life.local()), life.start());
      if (life.assigned() && source != null) {
        int s = slotLocal.indexOf(into.getOrDefault(source, source));
        if (s >= 0
            && slotLocal.get(s).getType() == life.local().getType()
            && slotEnd.get(s) < life.start()) {
          chosen = s;
        }
      }
      if (life.assigned() && chosen < 0) {
        for (int s = 0; s < slotLocal.size(); s++) {
          if (slotLocal.get(s).getType() == life.local().getType()
              && slotEnd.get(s) < life.start()
              && (chosen < 0 || slotEnd.get(s) > slotEnd.get(chosen))) {
            chosen = s;
          }
        }
      }
      if (chosen < 0) {
        slotLocal.add(life.local());
        slotEnd.add(life.end());
      } else {
        into.put(life.local(), slotLocal.get(chosen));
        slotEnd.set(chosen, life.end());
      }
    }
    if (into.isEmpty() && unused.isEmpty()) {
      return 0;
    }
    for (Map.Entry<WasmLocal, WasmLocal> e : into.entrySet()) {
      for (Access a : walk.accesses.get(e.getKey())) {
        if (a.insn() instanceof WasmGetLocal get) {
          get.setLocal(e.getValue());
        } else if (a.insn() instanceof WasmSetLocal set) {
          set.setLocal(e.getValue());
        } else {
          ((WasmTeeLocal) a.insn()).setLocal(e.getValue());
        }
      }
    }
    dropSelfCopies(function.getBody());
    unused.addAll(into.keySet());
    removeLocals(function, unused);
    return into.size();
  }

  /** The local whose value a local's first access (a set at {@code start}) copies, if any. */
  private static WasmLocal copySource(List<Access> uses, int start) {
    for (Access a : uses) {
      if (a.position() == start
          && a.store()
          && a.loop() == null
          && a.insn().getPrevious() instanceof WasmGetLocal get) {
        return get.getLocal();
      }
    }
    return null;
  }

  /** Deletes {@code local.get x; local.set x}, and the tee of {@code local.get x; local.tee x}. */
  private static void dropSelfCopies(WasmInstructionList list) {
    List<WasmInstruction> all = new ArrayList<>();
    list.forEach(all::add);
    for (WasmInstruction insn : all) {
      if (insn instanceof WasmBlock block) {
        dropSelfCopies(block.getBody());
      } else if (insn instanceof WasmConditional cond) {
        dropSelfCopies(cond.getThenBlock());
        dropSelfCopies(cond.getElseBlock());
      } else if (insn instanceof WasmTry tryInsn) {
        dropSelfCopies(tryInsn.getBody());
      } else if (insn instanceof WasmSetLocal set
          && set.getPrevious() instanceof WasmGetLocal get
          && get.getLocal() == set.getLocal()) {
        get.delete();
        set.delete();
      } else if (insn instanceof WasmTeeLocal tee
          && tee.getPrevious() instanceof WasmGetLocal get
          && get.getLocal() == tee.getLocal()) {
        tee.delete();
      }
    }
  }

  /**
   * Whether some set of the local comes before every read of it on every path: it stands in a list
   * that holds every read after it (directly or nested), so code reaches them only through it.
   */
  private static boolean setBeforeEveryRead(List<Access> uses) {
    for (Access set : uses) {
      if (!set.store()) {
        continue;
      }
      Object[] at = set.path().get(set.path().size() - 1);
      boolean all = true;
      for (Access read : uses) {
        if (read.store()) {
          continue;
        }
        boolean after = false;
        for (Object[] step : read.path()) {
          if (step[0] == at[0] && (int) step[1] > (int) at[1]) {
            after = true;
            break;
          }
        }
        if (!after) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static void removeLocals(WasmFunction function, java.util.Set<WasmLocal> gone) {
    try {
      Field list = WasmFunction.class.getDeclaredField("localVariables");
      Field index = WasmLocal.class.getDeclaredField("index");
      list.setAccessible(true);
      index.setAccessible(true);
      @SuppressWarnings("unchecked")
      List<WasmLocal> own = (List<WasmLocal>) list.get(function);
      own.removeIf(gone::contains);
      for (int i = 0; i < own.size(); i++) {
        index.setInt(own.get(i), i);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("TeaVM's WasmFunction has changed: " + e, e);
    }
  }
}
