package org.broadsheet.web.teavm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teavm.backend.wasm.WasmFunctionTypes;
import org.teavm.backend.wasm.model.WasmArray;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmGlobal;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.WasmStructure;
import org.teavm.backend.wasm.model.WasmType;
import org.teavm.backend.wasm.model.instruction.WasmArrayNewFixed;
import org.teavm.backend.wasm.model.instruction.WasmBlock;
import org.teavm.backend.wasm.model.instruction.WasmCall;
import org.teavm.backend.wasm.model.instruction.WasmFunctionReference;
import org.teavm.backend.wasm.model.instruction.WasmGetGlobal;
import org.teavm.backend.wasm.model.instruction.WasmGetLocal;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.backend.wasm.model.instruction.WasmInstructionBuilder;
import org.teavm.backend.wasm.model.instruction.WasmInt32Constant;
import org.teavm.backend.wasm.model.instruction.WasmIntBinaryOperation;
import org.teavm.backend.wasm.model.instruction.WasmIntType;
import org.teavm.backend.wasm.model.instruction.WasmNullConstant;
import org.teavm.backend.wasm.model.instruction.WasmStructNew;
import org.teavm.backend.wasm.model.instruction.WasmStructSet;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * Fills the class objects from a table in a loop instead of one call each in the start function.
 *
 * <p>TeaVM 0.16's start function fills each class object with a call {@code fill(C, tag, flags,
 * vt)} (its fourth argument added by {@link SharedSupertypeCheck}): 1,103 calls of 14-16 bytes in
 * the English runtime, 8 KB of its gzip. After this pass one function, called first, runs two loops
 * over constant arrays held in globals: one over the virtual tables of the classes whose table
 * names their own class object (WebAssembly lets a global's initial value read only globals before
 * it, so TeaVM builds each table with its class object as its first field: the class comes from
 * {@code vt.class}), one over the other class objects, which all get one table (Object's); tags and
 * flags come from an {@code i32} array, the tags as differences, each list sorted by tag, so that
 * the differences are small and repeat.
 *
 * <p>A fill moves to the start only where no one can tell: the start function up to the last fill
 * moved holds only constants, reads of globals, stores into class objects and calls of functions
 * that only store their arguments' fields (TeaVM's fills of array and primitive classes), with
 * every stored object a global; a class filled more than once, or one of whose filled fields is
 * stored before its fill, keeps its call where it is. Only for a WasmGC build whose configuration
 * sets the property {@code broadsheet.classes} to {@code table}.
 */
public final class ClassTable implements TeaVMPlugin {
  /** V8 refuses an {@code array.new_fixed} of more elements. */
  private static final int MAX_FIXED = 10_000;

  @Override
  public void install(TeaVMHost host) {
    ModulePasses.register(
        host,
        "broadsheet.classes",
        "table",
        (context, init) -> rewrite(context.module(), init, context.functionTypes()));
  }

  /** A fill call found in the start function: its five instructions and what it stores. */
  private record Fill(
      WasmGlobal target, int tag, int flags, WasmGlobal table, List<WasmInstruction> insns) {}

  /** Returns how many fill calls moved into the loops. */
  static int rewrite(WasmModule module, WasmFunction initializer, WasmFunctionTypes types) {
    List<WasmInstruction> insns = new ArrayList<>();
    initializer.getBody().forEach(insns::add);
    WasmFunction fill = null;
    for (int i = 0; i + 4 < insns.size(); i++) {
      if (fillAt(insns, i) != null) {
        fill = ((WasmCall) insns.get(i + 4)).getFunction();
        break;
      }
    }
    if (fill == null) {
      return 0;
    }
    Map<Integer, Integer> fillStores = stores(fill);
    if (fillStores == null
        || fill.getType().getParameterTypes().size() != 4
        || !fill.getType().getReturnTypes().isEmpty()
        || !(fill.getType().getParameterTypes().get(0) instanceof WasmType.CompositeReference cls)
        || !(cls.composite instanceof WasmStructure classInfo)
        || !(fill.getType().getParameterTypes().get(3) instanceof WasmType.CompositeReference vtRef)
        || !(vtRef.composite instanceof WasmStructure vtType)
        || fillStores.values().stream().anyMatch(p -> p != 0)) {
      return 0;
    }
    Set<Integer> fillFields = fillStores.keySet();

    // the region: from the start, while every instruction is one of the harmless kinds
    List<Fill> candidates = new ArrayList<>();
    // a class one of whose filled fields is stored before its fill (a second fill too)
    Set<WasmGlobal> storedBeforeFill = new HashSet<>();
    Map<WasmGlobal, Set<Integer>> written = new HashMap<>();
    Deque<Object> stack = new ArrayDeque<>(); // a global, or NONE for any other value
    Object none = new Object();
    Map<WasmFunction, Map<Integer, Integer>> writers = new IdentityHashMap<>();
    for (int i = 0; i < insns.size(); i++) {
      WasmInstruction insn = insns.get(i);
      Fill found = fillAt(insns, i);
      if (found != null && ((WasmCall) insns.get(i + 4)).getFunction() == fill) {
        if (!stack.isEmpty()) {
          break;
        }
        Set<Integer> before = written.getOrDefault(found.target, Set.of());
        if (before.stream().anyMatch(fillFields::contains)) {
          storedBeforeFill.add(found.target);
        }
        written.computeIfAbsent(found.target, g -> new HashSet<>()).addAll(fillFields);
        candidates.add(found);
        i += 4;
        continue;
      }
      if (insn instanceof WasmGetGlobal get) {
        stack.push(get.getGlobal());
      } else if (insn instanceof WasmInt32Constant
          || insn instanceof WasmFunctionReference
          || insn instanceof WasmNullConstant) {
        stack.push(none);
      } else if (insn instanceof WasmArrayNewFixed array && stack.size() >= array.getSize()) {
        for (int k = 0; k < array.getSize(); k++) {
          stack.pop();
        }
        stack.push(none);
      } else if (insn instanceof WasmStructSet set
          && set.getType() == classInfo
          && stack.size() >= 2) {
        stack.pop();
        if (!(stack.pop() instanceof WasmGlobal target)) {
          break;
        }
        written.computeIfAbsent(target, g -> new HashSet<>()).add(set.getFieldIndex());
      } else if (insn instanceof WasmCall call
          && call.getFunction() != fill
          && call.getFunction().getType().getReturnTypes().isEmpty()
          && stack.size() == call.getFunction().getType().getParameterTypes().size()) {
        Map<Integer, Integer> own = writers.computeIfAbsent(call.getFunction(), ClassTable::stores);
        if (own == null) {
          break;
        }
        List<Object> args = new ArrayList<>(stack);
        java.util.Collections.reverse(args);
        stack.clear();
        boolean known = true;
        for (Map.Entry<Integer, Integer> store : own.entrySet()) {
          if (!(args.get(store.getValue()) instanceof WasmGlobal target)) {
            known = false;
            break;
          }
          written.computeIfAbsent(target, g -> new HashSet<>()).add(store.getKey());
        }
        if (!known) {
          break;
        }
      } else {
        break;
      }
    }

    // which fills move: nothing they fill stored before them; by the table they get
    Map<WasmGlobal, WasmGlobal> classOfTable = new IdentityHashMap<>();
    for (WasmGlobal global : module.globals) {
      WasmInstruction first = global.getInitialValue().getFirst();
      WasmInstruction last = global.getInitialValue().getLast();
      if (global.isImmutable()
          && first instanceof WasmGetGlobal owner
          && last instanceof WasmStructNew made
          && singleValues(global, made.getType().getFields().size())
          && (made.getType() == vtType || vtType.isSupertypeOf(made.getType()))
          && !vtType.getFields().isEmpty()
          && vtType.getFields().get(0).getUnpackedType()
              instanceof WasmType.CompositeReference field
          && field.composite == classInfo
          && (cls.isNullable() || !field.isNullable())) {
        classOfTable.put(global, owner.getGlobal());
      }
    }
    List<Fill> own = new ArrayList<>();
    Map<WasmGlobal, List<Fill>> byTable = new HashMap<>();
    for (Fill f : candidates) {
      if (storedBeforeFill.contains(f.target)) {
        continue;
      }
      if (classOfTable.get(f.table) == f.target) {
        own.add(f);
      } else {
        byTable.computeIfAbsent(f.table, t -> new ArrayList<>()).add(f);
      }
    }
    List<Fill> shared =
        byTable.values().stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
    if (own.size() + shared.size() < 2 || own.size() + shared.size() > MAX_FIXED / 2) {
      return 0;
    }
    Comparator<Fill> byTag = Comparator.comparingInt(Fill::tag);
    own.sort(byTag);
    shared = new ArrayList<>(shared);
    shared.sort(byTag);

    // the tables: virtual tables, class objects, then tag differences and flags
    List<Fill> all = new ArrayList<>(own);
    all.addAll(shared);
    int n = all.size();
    WasmArray data = array(module, "teavm@classData", WasmType.INT32);
    WasmGlobal dataGlobal = new WasmGlobal("teavm@classData", data.getNonNullReference());
    WasmInstructionBuilder values = dataGlobal.getInitialValue().builder();
    int previous = 0;
    for (Fill f : all) {
      values.i32Const(f.tag - previous);
      previous = f.tag;
    }
    for (Fill f : all) {
      values.i32Const(f.flags);
    }
    values.arrayNewFixed(data, 2 * n);
    dataGlobal.setImmutable(true);
    module.globals.add(dataGlobal);

    WasmFunction loops = new WasmFunction(types.of(null));
    loops.setName("teavm@fillClasses");
    WasmLocal index = new WasmLocal(WasmType.INT32, "index");
    WasmLocal tag = new WasmLocal(WasmType.INT32, "tag");
    WasmLocal table = new WasmLocal(fill.getType().getParameterTypes().get(3), "vt");
    loops.add(index);
    loops.add(tag);
    loops.add(table);
    WasmInstructionBuilder body = loops.getBody().builder();
    if (!own.isEmpty()) {
      WasmArray tables = array(module, "teavm@classTables", vtRef);
      WasmGlobal tablesGlobal = arrayGlobal(module, tables, "teavm@classTables", own, Fill::table);
      WasmBlock loop = new WasmBlock(true);
      body.add(loop);
      WasmInstructionBuilder b = loop.getBody().builder();
      b.getGlobal(tablesGlobal).getLocal(index).arrayGet(tables).teeLocal(table);
      b.structGet(vtType, 0);
      fillArguments(b, dataGlobal, data, index, tag, n);
      b.getLocal(table).call(fill);
      next(b, index, own.size(), loop);
    }
    if (!shared.isEmpty()) {
      WasmArray classes =
          array(module, "teavm@classObjects", fill.getType().getParameterTypes().get(0));
      WasmGlobal classesGlobal =
          arrayGlobal(module, classes, "teavm@classObjects", shared, Fill::target);
      WasmBlock loop = new WasmBlock(true);
      body.add(loop);
      WasmInstructionBuilder b = loop.getBody().builder();
      b.getGlobal(classesGlobal).getLocal(index);
      if (!own.isEmpty()) {
        b.i32Const(own.size()).intBinary(WasmIntType.INT32, WasmIntBinaryOperation.SUB);
      }
      b.arrayGet(classes);
      fillArguments(b, dataGlobal, data, index, tag, n);
      b.getGlobal(shared.get(0).table).call(fill);
      next(b, index, n, loop);
    }
    module.functions.add(loops);

    for (Fill f : all) {
      f.insns.forEach(WasmInstruction::delete);
    }
    WasmInstruction start = initializer.getBody().getFirst();
    WasmCall call = new WasmCall(loops);
    if (start == null) {
      initializer.getBody().add(call);
    } else {
      start.insertPrevious(call);
    }
    return n;
  }

  /** {@code class, tag += data[index], data[index + n]} for the fill call. */
  private static void fillArguments(
      WasmInstructionBuilder b,
      WasmGlobal dataGlobal,
      WasmArray data,
      WasmLocal index,
      WasmLocal tag,
      int n) {
    b.getLocal(tag).getGlobal(dataGlobal).getLocal(index).arrayGet(data);
    b.intBinary(WasmIntType.INT32, WasmIntBinaryOperation.ADD).teeLocal(tag);
    b.getGlobal(dataGlobal).getLocal(index).i32Const(n);
    b.intBinary(WasmIntType.INT32, WasmIntBinaryOperation.ADD).arrayGet(data);
  }

  /** {@code index += 1; if (index < end) continue}. */
  private static void next(WasmInstructionBuilder b, WasmLocal index, int end, WasmBlock loop) {
    b.getLocal(index).i32Const(1).intBinary(WasmIntType.INT32, WasmIntBinaryOperation.ADD);
    b.teeLocal(index).i32Const(end).intBinary(WasmIntType.INT32, WasmIntBinaryOperation.LT_SIGNED);
    b.branch(loop.getBody());
  }

  private static WasmArray array(WasmModule module, String name, WasmType element) {
    WasmArray array = new WasmArray(name, element.asStorage());
    array.setImmutable(true);
    array.init();
    module.types.add(array);
    return array;
  }

  private static WasmGlobal arrayGlobal(
      WasmModule module,
      WasmArray array,
      String name,
      List<Fill> fills,
      java.util.function.Function<Fill, WasmGlobal> element) {
    WasmGlobal global = new WasmGlobal(name, array.getNonNullReference());
    WasmInstructionBuilder b = global.getInitialValue().builder();
    for (Fill f : fills) {
      b.getGlobal(element.apply(f));
    }
    b.arrayNewFixed(array, fills.size());
    global.setImmutable(true);
    module.globals.add(global);
    return global;
  }

  /**
   * Whether a global's initial value is {@code fields} single-instruction values and the {@code
   * struct.new} that takes them, so that its first instruction is the first field's value.
   */
  private static boolean singleValues(WasmGlobal global, int fields) {
    int count = 0;
    for (WasmInstruction insn : global.getInitialValue()) {
      if (insn == global.getInitialValue().getLast()) {
        break;
      }
      if (!(insn instanceof WasmGetGlobal
          || insn instanceof WasmFunctionReference
          || insn instanceof WasmNullConstant
          || insn instanceof WasmInt32Constant)) {
        return false;
      }
      count++;
    }
    return count == fields;
  }

  /**
   * The fill call {@code global.get C; i32.const; i32.const; global.get vt; call} at i, or null.
   */
  private static Fill fillAt(List<WasmInstruction> insns, int i) {
    if (i + 4 < insns.size()
        && insns.get(i) instanceof WasmGetGlobal target
        && insns.get(i + 1) instanceof WasmInt32Constant tag
        && insns.get(i + 2) instanceof WasmInt32Constant flags
        && insns.get(i + 3) instanceof WasmGetGlobal table
        && insns.get(i + 4) instanceof WasmCall call
        && call.getFunction().getType().getParameterTypes().size() == 4
        && target.getGlobal().isImmutable()
        && table.getGlobal().isImmutable()) {
      return new Fill(
          target.getGlobal(),
          tag.getValue(),
          flags.getValue(),
          table.getGlobal(),
          List.copyOf(insns.subList(i, i + 5)));
    }
    return null;
  }

  /**
   * For a function whose body only stores into its parameters' fields ({@code local.get p; value;
   * struct.set}, the value a constant, a global, a function reference or a parameter), each field
   * it stores and the parameter it stores it in; null for any other function.
   */
  static Map<Integer, Integer> stores(WasmFunction function) {
    if (function.getImportName() != null) {
      return null;
    }
    int params = function.getType().getParameterTypes().size();
    List<WasmInstruction> body = new ArrayList<>();
    function.getBody().forEach(body::add);
    if (body.size() % 3 != 0) {
      return null;
    }
    Map<Integer, Integer> out = new HashMap<>();
    WasmStructure type = null;
    for (int i = 0; i < body.size(); i += 3) {
      if (!(body.get(i) instanceof WasmGetLocal target)
          || target.getLocal().getIndex() >= params
          || !(body.get(i + 2) instanceof WasmStructSet set)
          || (type != null && set.getType() != type)) {
        return null;
      }
      WasmInstruction value = body.get(i + 1);
      boolean simple =
          value instanceof WasmInt32Constant
              || value instanceof WasmGetGlobal
              || value instanceof WasmFunctionReference
              || value instanceof WasmNullConstant
              || value instanceof WasmGetLocal local && local.getLocal().getIndex() < params;
      if (!simple) {
        return null;
      }
      type = set.getType();
      Integer before = out.put(set.getFieldIndex(), target.getLocal().getIndex());
      if (before != null && before != target.getLocal().getIndex()) {
        return null; // one field of two objects: not a map of field to object
      }
    }
    return out;
  }
}
