package org.broadsheet.web.teavm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.instruction.WasmBlock;
import org.teavm.backend.wasm.model.instruction.WasmBranch;
import org.teavm.backend.wasm.model.instruction.WasmBreak;
import org.teavm.backend.wasm.model.instruction.WasmCall;
import org.teavm.backend.wasm.model.instruction.WasmCallReference;
import org.teavm.backend.wasm.model.instruction.WasmCastBranch;
import org.teavm.backend.wasm.model.instruction.WasmConditional;
import org.teavm.backend.wasm.model.instruction.WasmGetLocal;
import org.teavm.backend.wasm.model.instruction.WasmIndirectCall;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.backend.wasm.model.instruction.WasmInstructionList;
import org.teavm.backend.wasm.model.instruction.WasmNullBranch;
import org.teavm.backend.wasm.model.instruction.WasmReturn;
import org.teavm.backend.wasm.model.instruction.WasmSetLocal;
import org.teavm.backend.wasm.model.instruction.WasmSwitch;
import org.teavm.backend.wasm.model.instruction.WasmTeeLocal;
import org.teavm.backend.wasm.model.instruction.WasmThrow;
import org.teavm.backend.wasm.model.instruction.WasmTry;
import org.teavm.backend.wasm.model.instruction.WasmUnreachable;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * Lets locals of one type whose lifetimes do not overlap share one slot, in a generated WasmGC
 * module: fewer locals to declare, smaller indexes, and a copy from one to another that shares its
 * slot disappears.
 *
 * <p>Lifetimes are exact: the function's structured code becomes a control-flow graph (a block's
 * branches go to its end, a loop's to its start, a conditional's arms both run on to its end, and
 * inside a {@code try} every call and throw may go to each enclosing catch's target), and a local
 * is live wherever a later read may see its value. Two locals interfere when one is written while
 * the other is live, unless the write copies the other; a parameter holds its argument from the
 * start, so it interferes with every local read before it is written (that local reads its
 * default). Each local, in the order the code first names it, takes the first slot of its type (a
 * parameter's too, once the parameter is no longer read) none of whose locals it interferes with,
 * the slot of a local it copies or is copied from first. A branch to a label this walk does not
 * know leaves the function as it is. Only for a WasmGC build whose configuration sets the property
 * {@code broadsheet.locals} to {@code shared}; runs after {@link SinkLocals} and before {@link
 * ModuleLayout} (listed so in {@code META-INF/services}).
 */
public final class SharedLocals implements TeaVMPlugin {
  @Override
  public void install(TeaVMHost host) {
    ModulePasses.register(
        host, "broadsheet.locals", "shared", (context, init) -> share(context.module()));
  }

  /** Returns how many locals were folded into another's slot. */
  static int share(WasmModule module) {
    return ModulePasses.overFunctions(module, f -> share(f));
  }

  /** A straight run of code: its local accesses in order, and where control may go next. */
  private static final class Node {
    final List<WasmInstruction> accesses = new ArrayList<>();
    final List<Node> next = new ArrayList<>();
    BitSet use;
    BitSet def;
    BitSet in = new BitSet();
    BitSet out = new BitSet();
  }

  /** The control flow of a function's structured code, as far as its locals are concerned. */
  private static final class Flow {
    final List<Node> nodes = new ArrayList<>();
    final Map<WasmInstructionList, Node> labels = new IdentityHashMap<>();
    final Deque<List<WasmInstructionList>> handlers = new ArrayDeque<>();
    final Node exit = node();
    Node current;
    boolean unknown;

    Node node() {
      Node n = new Node();
      nodes.add(n);
      return n;
    }

    void go(Node to) {
      current.next.add(to);
    }

    void branch(WasmInstructionList target) {
      Node to = labels.get(target);
      if (to == null) {
        unknown = true;
      } else {
        go(to);
      }
    }

    /** Control leaves for whatever may catch an exception here. */
    void mayThrow() {
      for (List<WasmInstructionList> targets : handlers) {
        targets.forEach(this::branch);
      }
    }

    void list(WasmInstructionList list) {
      for (WasmInstruction insn : list) {
        insn(insn);
      }
    }

    void insn(WasmInstruction insn) {
      if (insn instanceof WasmGetLocal
          || insn instanceof WasmSetLocal
          || insn instanceof WasmTeeLocal) {
        current.accesses.add(insn);
      } else if (insn instanceof WasmBlock block && block.isLoop()) {
        Node header = node();
        go(header);
        current = header;
        labels.put(block.getBody(), header);
        list(block.getBody());
      } else if (insn instanceof WasmBlock block) {
        Node after = node();
        labels.put(block.getBody(), after);
        list(block.getBody());
        go(after);
        current = after;
      } else if (insn instanceof WasmConditional cond) {
        Node after = node();
        labels.put(cond.getThenBlock(), after);
        labels.put(cond.getElseBlock(), after);
        Node start = current;
        for (WasmInstructionList branch : List.of(cond.getThenBlock(), cond.getElseBlock())) {
          current = node();
          start.next.add(current);
          list(branch);
          go(after);
        }
        current = after;
      } else if (insn instanceof WasmTry tryInsn) {
        List<WasmInstructionList> targets = new ArrayList<>();
        tryInsn.getCatches().forEach(c -> targets.add(c.getTarget()));
        handlers.push(targets);
        list(tryInsn.getBody());
        handlers.pop();
      } else if (insn instanceof WasmBranch b) {
        fork(b.getTarget());
      } else if (insn instanceof WasmNullBranch b) {
        fork(b.getTarget());
      } else if (insn instanceof WasmCastBranch b) {
        fork(b.getTarget());
      } else if (insn instanceof WasmBreak b) {
        branch(b.getTarget());
        current = node();
      } else if (insn instanceof WasmSwitch s) {
        s.getTargets().forEach(this::branch);
        branch(s.getDefaultTarget());
        current = node();
      } else if (insn instanceof WasmReturn || insn instanceof WasmUnreachable) {
        current = node();
      } else if (insn instanceof WasmThrow) {
        mayThrow();
        current = node();
      } else if (insn instanceof WasmCall
          || insn instanceof WasmCallReference
          || insn instanceof WasmIndirectCall) {
        if (!handlers.isEmpty()) {
          mayThrow();
          Node after = node();
          go(after);
          current = after;
        }
      }
    }

    /** A branch that may be taken: control goes to its target or on. */
    private void fork(WasmInstructionList target) {
      branch(target);
      Node after = node();
      go(after);
      current = after;
    }
  }

  static int share(WasmFunction function) {
    int params = function.getType().getParameterTypes().size();
    List<WasmLocal> locals = function.getLocalVariables();
    if (locals.size() <= params) {
      return 0;
    }
    Flow flow = new Flow();
    Node entry = flow.node();
    flow.current = entry;
    flow.labels.put(function.getBody(), flow.exit);
    flow.list(function.getBody());
    flow.go(flow.exit);
    if (flow.unknown) {
      return 0;
    }
    Map<WasmLocal, Integer> number = new IdentityHashMap<>();
    for (WasmLocal local : locals) {
      number.put(local, number.size());
    }
    // what each node reads before writing, and writes
    for (Node n : flow.nodes) {
      n.use = new BitSet();
      n.def = new BitSet();
      for (WasmInstruction a : n.accesses) {
        int x = number.get(local(a));
        if (a instanceof WasmGetLocal) {
          if (!n.def.get(x)) {
            n.use.set(x);
          }
        } else {
          n.def.set(x);
        }
      }
    }
    // live locals, backwards to a fixed point
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = flow.nodes.size() - 1; i >= 0; i--) {
        Node n = flow.nodes.get(i);
        BitSet out = new BitSet();
        n.next.forEach(m -> out.or(m.in));
        BitSet in = (BitSet) out.clone();
        in.andNot(n.def);
        in.or(n.use);
        if (!in.equals(n.in) || !out.equals(n.out)) {
          n.in = in;
          n.out = out;
          changed = true;
        }
      }
    }
    // two locals interfere when one is written while the other is live (unless it is a copy of
    // it); a local read before any write holds its default from the start, which a parameter
    // does not
    int count = locals.size();
    BitSet[] interferes = new BitSet[count];
    for (int i = 0; i < count; i++) {
      interferes[i] = new BitSet();
    }
    Map<WasmLocal, List<WasmLocal>> copies = new IdentityHashMap<>();
    for (Node n : flow.nodes) {
      BitSet live = (BitSet) n.out.clone();
      for (int k = n.accesses.size() - 1; k >= 0; k--) {
        WasmInstruction a = n.accesses.get(k);
        int x = number.get(local(a));
        if (a instanceof WasmGetLocal) {
          live.set(x);
          continue;
        }
        int source = -1;
        if (a.getPrevious() instanceof WasmGetLocal get) {
          source = number.get(get.getLocal());
          copies.computeIfAbsent(local(a), l -> new ArrayList<>()).add(get.getLocal());
          copies.computeIfAbsent(get.getLocal(), l -> new ArrayList<>()).add(local(a));
        }
        for (int y = live.nextSetBit(0); y >= 0; y = live.nextSetBit(y + 1)) {
          if (y != x && y != source) {
            interferes[x].set(y);
            interferes[y].set(x);
          }
        }
        live.clear(x);
      }
    }
    BitSet atEntry = entry.in;
    for (int p = 0; p < params; p++) {
      for (int y = 0; y < count; y++) {
        if (y != p && (y < params || atEntry.get(y))) {
          interferes[p].set(y);
          interferes[y].set(p);
        }
      }
    }
    // slots: each parameter's, then a local takes the first slot of its type whose locals it does
    // not interfere with, a copy's partner's first
    List<WasmLocal> order = new ArrayList<>();
    Map<WasmLocal, Boolean> named = new IdentityHashMap<>();
    firstAccesses(function.getBody(), order, named);
    List<WasmLocal> slotLocal = new ArrayList<>();
    List<BitSet> slotMembers = new ArrayList<>();
    for (int p = 0; p < params; p++) {
      slotLocal.add(locals.get(p));
      BitSet m = new BitSet();
      m.set(p);
      slotMembers.add(m);
    }
    Map<WasmLocal, Integer> slotOf = new IdentityHashMap<>();
    for (int p = 0; p < params; p++) {
      slotOf.put(locals.get(p), p);
    }
    Map<WasmLocal, WasmLocal> into = new IdentityHashMap<>();
    java.util.Set<WasmLocal> unused = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (WasmLocal local : locals.subList(params, count)) {
      if (!named.containsKey(local)) {
        unused.add(local);
      }
    }
    for (WasmLocal local : order) {
      int x = number.get(local);
      if (x < params) {
        continue;
      }
      int chosen = -1;
      for (WasmLocal partner : copies.getOrDefault(local, List.of())) {
        Integer s = slotOf.get(partner);
        if (s != null && fits(slotLocal.get(s), slotMembers.get(s), local, interferes[x])) {
          chosen = s;
          break;
        }
      }
      for (int s = 0; s < slotLocal.size() && chosen < 0; s++) {
        if (fits(slotLocal.get(s), slotMembers.get(s), local, interferes[x])) {
          chosen = s;
        }
      }
      if (chosen < 0) {
        chosen = slotLocal.size();
        slotLocal.add(local);
        slotMembers.add(new BitSet());
      } else {
        into.put(local, slotLocal.get(chosen));
      }
      slotMembers.get(chosen).set(x);
      slotOf.put(local, chosen);
    }
    if (into.isEmpty() && unused.isEmpty()) {
      return 0;
    }
    rename(function.getBody(), into);
    dropSelfCopies(function.getBody());
    unused.addAll(into.keySet());
    ModulePasses.removeLocals(function, unused);
    return into.size();
  }

  private static boolean fits(WasmLocal slot, BitSet members, WasmLocal local, BitSet conflicts) {
    return slot.getType() == local.getType() && !members.intersects(conflicts);
  }

  private static WasmLocal local(WasmInstruction access) {
    if (access instanceof WasmGetLocal get) {
      return get.getLocal();
    } else if (access instanceof WasmSetLocal set) {
      return set.getLocal();
    }
    return ((WasmTeeLocal) access).getLocal();
  }

  /** The locals in the order the code first names them. */
  private static void firstAccesses(
      WasmInstructionList list, List<WasmLocal> order, Map<WasmLocal, Boolean> seen) {
    for (WasmInstruction insn : list) {
      if (insn instanceof WasmGetLocal
          || insn instanceof WasmSetLocal
          || insn instanceof WasmTeeLocal) {
        if (seen.putIfAbsent(local(insn), true) == null) {
          order.add(local(insn));
        }
      } else if (insn instanceof WasmBlock block) {
        firstAccesses(block.getBody(), order, seen);
      } else if (insn instanceof WasmConditional cond) {
        firstAccesses(cond.getThenBlock(), order, seen);
        firstAccesses(cond.getElseBlock(), order, seen);
      } else if (insn instanceof WasmTry tryInsn) {
        firstAccesses(tryInsn.getBody(), order, seen);
      }
    }
  }

  private static void rename(WasmInstructionList list, Map<WasmLocal, WasmLocal> into) {
    for (WasmInstruction insn : list) {
      if (insn instanceof WasmGetLocal get && into.containsKey(get.getLocal())) {
        get.setLocal(into.get(get.getLocal()));
      } else if (insn instanceof WasmSetLocal set && into.containsKey(set.getLocal())) {
        set.setLocal(into.get(set.getLocal()));
      } else if (insn instanceof WasmTeeLocal tee && into.containsKey(tee.getLocal())) {
        tee.setLocal(into.get(tee.getLocal()));
      } else if (insn instanceof WasmBlock block) {
        rename(block.getBody(), into);
      } else if (insn instanceof WasmConditional cond) {
        rename(cond.getThenBlock(), into);
        rename(cond.getElseBlock(), into);
      } else if (insn instanceof WasmTry tryInsn) {
        rename(tryInsn.getBody(), into);
      }
    }
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
}
