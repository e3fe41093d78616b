package org.broadsheet.web.teavm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.teavm.backend.wasm.WasmFunctionTypes;
import org.teavm.backend.wasm.model.WasmArray;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmGlobal;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.WasmStorageType;
import org.teavm.backend.wasm.model.WasmStructure;
import org.teavm.backend.wasm.model.WasmType;
import org.teavm.backend.wasm.model.instruction.WasmArrayGet;
import org.teavm.backend.wasm.model.instruction.WasmCall;
import org.teavm.backend.wasm.model.instruction.WasmConditional;
import org.teavm.backend.wasm.model.instruction.WasmDefaultInstructionVisitor;
import org.teavm.backend.wasm.model.instruction.WasmFunctionReference;
import org.teavm.backend.wasm.model.instruction.WasmGetGlobal;
import org.teavm.backend.wasm.model.instruction.WasmGetLocal;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.backend.wasm.model.instruction.WasmInstructionBuilder;
import org.teavm.backend.wasm.model.instruction.WasmInt32Constant;
import org.teavm.backend.wasm.model.instruction.WasmIntBinary;
import org.teavm.backend.wasm.model.instruction.WasmIntBinaryOperation;
import org.teavm.backend.wasm.model.instruction.WasmIntType;
import org.teavm.backend.wasm.model.instruction.WasmReturn;
import org.teavm.backend.wasm.model.instruction.WasmSignedType;
import org.teavm.backend.wasm.model.instruction.WasmStructGet;
import org.teavm.backend.wasm.model.instruction.WasmStructSet;
import org.teavm.backend.wasm.model.instruction.WasmTeeLocal;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * One type-check function for most classes instead of one per class, in a WasmGC build.
 *
 * <p>TeaVM 0.16 gives every class a function {@code C@isSupertypes(subtype, C)}, which answers
 * whether the class {@code subtype} is {@code C} or below it: most check that the subtype's tag
 * lies in one range {@code [lower, upper)}, and the tag TeaVM stores in {@code C}'s class object is
 * that {@code lower}. With 1,100-odd classes those functions, their references from the start
 * function and their entries in the element section cost about 10 KB gzip. After the module is
 * generated (TeaVM calls initializer contributors last), this pass reads each such function's two
 * bounds, and where a class's tag is its lower bound and no other one-range function starts at that
 * tag with another upper bound, it points the class object and every direct call at one shared
 * function: {@code (subtype.tag - C.tag) <u width[C.tag]}, with the widths in a constant array.
 * That is the same test ({@code lower <= tag < upper}) for every tag. Every other check function
 * (several ranges, primitives, arrays) stays as TeaVM made it.
 *
 * <p>Only for a WasmGC build whose configuration sets the property {@code broadsheet.supertypes} to
 * {@code shared}.
 */
public final class SharedSupertypeCheck implements TeaVMPlugin {
  /** V8 refuses an {@code array.new_fixed} of more elements. */
  private static final int MAX_FIXED = 10_000;

  @Override
  public void install(TeaVMHost host) {
    ModulePasses.register(
        host,
        "broadsheet.supertypes",
        "shared",
        (context, init) -> {
          rewrite(context.module(), init);
          virtualTablesThroughFill(context.module(), init, context.functionTypes());
        });
  }

  /** The two bounds of a one-range check function, and the class-object field it reads. */
  private record Range(int lower, int upper, WasmStructure classInfo, int tagField) {}

  static void rewrite(WasmModule module, WasmFunction initializer) {
    // the start function so far: fill(classPointer, tag, flags) for each class, then
    // classPointer.supertypeFunction = ref.func C@isSupertypes
    Map<WasmGlobal, Integer> tags = new HashMap<>();
    Map<WasmGlobal, Integer> fills = new HashMap<>();
    Set<WasmFunction> fillFunctions = new HashSet<>();
    Map<WasmFunction, List<WasmGlobal>> owners = new IdentityHashMap<>();
    Map<WasmFunction, Range> ranges = new IdentityHashMap<>();
    List<WasmInstruction> insns = new ArrayList<>();
    initializer.getBody().forEach(insns::add);
    for (int i = 0; i + 3 < insns.size(); i++) {
      if (insns.get(i) instanceof WasmGetGlobal ptr
          && insns.get(i + 1) instanceof WasmInt32Constant tag
          && insns.get(i + 2) instanceof WasmInt32Constant
          && insns.get(i + 3) instanceof WasmCall fill) {
        tags.put(ptr.getGlobal(), tag.getValue());
        fills.merge(ptr.getGlobal(), 1, Integer::sum);
        fillFunctions.add(fill.getFunction());
      }
    }
    List<WasmInstruction[]> sets = new ArrayList<>();
    for (int i = 0; i + 2 < insns.size(); i++) {
      if (insns.get(i) instanceof WasmGetGlobal ptr
          && insns.get(i + 1) instanceof WasmFunctionReference ref
          && insns.get(i + 2) instanceof WasmStructSet) {
        sets.add(new WasmInstruction[] {insns.get(i), insns.get(i + 1), insns.get(i + 2)});
        Range range = oneRange(ref.getFunction());
        if (range != null) {
          ranges.put(ref.getFunction(), range);
          owners.computeIfAbsent(ref.getFunction(), f -> new ArrayList<>()).add(ptr.getGlobal());
        }
      }
    }
    // a function is shared when every class object that holds it has its lower bound for a tag,
    // and its lower bound maps to one width
    Map<Integer, Integer> widths = new TreeMap<>();
    Set<Integer> clashes = new HashSet<>();
    Set<WasmFunction> shared = new HashSet<>();
    WasmStructure classInfo = null;
    int tagField = -1;
    for (Map.Entry<WasmFunction, Range> e : ranges.entrySet()) {
      Range r = e.getValue();
      boolean tagged =
          owners.get(e.getKey()).stream()
              .allMatch(g -> Integer.valueOf(r.lower).equals(tags.get(g)));
      if (!tagged || r.upper <= r.lower || r.lower < 0 || r.lower >= MAX_FIXED) {
        continue;
      }
      if (classInfo == null) {
        classInfo = r.classInfo;
        tagField = r.tagField;
      } else if (classInfo != r.classInfo || tagField != r.tagField) {
        continue;
      }
      Integer before = widths.putIfAbsent(r.lower, r.upper - r.lower);
      if (before != null && before != r.upper - r.lower) {
        clashes.add(r.lower);
      }
      shared.add(e.getKey());
    }
    shared.removeIf(f -> clashes.contains(ranges.get(f).lower));
    clashes.forEach(widths::remove);
    if (shared.size() < 2 || module.getFunctionTable().stream().anyMatch(shared::contains)) {
      return;
    }

    WasmArray widthArray = new WasmArray("teavm@supertypeWidths", WasmStorageType.INT16);
    widthArray.setImmutable(true);
    widthArray.init();
    module.types.add(widthArray);
    WasmGlobal widthTable =
        new WasmGlobal("teavm@supertypeWidths", widthArray.getNonNullReference());
    int length = ((TreeMap<Integer, Integer>) widths).lastKey() + 1;
    WasmInstructionBuilder table = widthTable.getInitialValue().builder();
    for (int tag = 0; tag < length; tag++) {
      table.i32Const(widths.getOrDefault(tag, 0));
    }
    table.arrayNewFixed(widthArray, length);
    widthTable.setImmutable(true);
    module.globals.add(widthTable);

    WasmFunction any = shared.iterator().next();
    WasmFunction check = new WasmFunction(any.getType());
    check.setName("teavm@isSupertypeInRange");
    WasmLocal subtype = new WasmLocal(any.getLocalVariables().get(0).getType(), "subtype");
    WasmLocal supertype = new WasmLocal(any.getLocalVariables().get(1).getType(), "supertype");
    WasmLocal lower = new WasmLocal(WasmType.INT32, "lower");
    check.add(subtype);
    check.add(supertype);
    check.add(lower);
    WasmArrayGet width = new WasmArrayGet(widthArray);
    width.setSignedType(WasmSignedType.UNSIGNED);
    check
        .getBody()
        .builder()
        .getLocal(subtype)
        .structGet(classInfo, tagField)
        .getLocal(supertype)
        .structGet(classInfo, tagField)
        .teeLocal(lower)
        .intBinary(WasmIntType.INT32, WasmIntBinaryOperation.SUB)
        .getGlobal(widthTable)
        .getLocal(lower)
        .add(width)
        .intBinary(WasmIntType.INT32, WasmIntBinaryOperation.LT_UNSIGNED);
    check.setReferenced(true);
    module.functions.add(check);

    WasmDefaultInstructionVisitor redirect =
        new WasmDefaultInstructionVisitor() {
          @Override
          public void visit(WasmCall call) {
            if (shared.contains(call.getFunction())) {
              call.setFunction(check);
            }
          }

          @Override
          public void visit(WasmFunctionReference ref) {
            if (shared.contains(ref.getFunction())) {
              ref.setFunction(check);
            }
          }
        };
    for (WasmFunction function : module.functions) {
      for (WasmInstruction insn : function.getBody()) {
        insn.acceptVisitor(redirect);
      }
    }
    for (WasmGlobal global : module.globals) {
      for (WasmInstruction insn : global.getInitialValue()) {
        insn.acceptVisitor(redirect);
      }
    }
    module.functions.removeIf(shared::contains);

    // the class objects that use the shared check get it from the function that fills every
    // class object (a later set still overrides it for the others), not from a set each
    if (fillFunctions.size() != 1) {
      return;
    }
    WasmFunction fill = fillFunctions.iterator().next();
    WasmStructSet field = null;
    for (WasmInstruction[] set : sets) {
      WasmStructSet store = (WasmStructSet) set[2];
      if (((WasmFunctionReference) set[1]).getFunction() == check
          && store.getType() == classInfo
          && Integer.valueOf(1).equals(fills.get(((WasmGetGlobal) set[0]).getGlobal()))
          && (field == null || field.getFieldIndex() == store.getFieldIndex())) {
        field = store;
        for (WasmInstruction insn : set) {
          insn.delete();
        }
      }
    }
    if (field != null) {
      fill.getBody()
          .builder()
          .getLocal(fill.getLocalVariables().get(0))
          .funcRef(check)
          .structSet(classInfo, field.getFieldIndex());
    }
  }

  /**
   * Hands each class's virtual table to the function that fills the class object, as a fourth
   * argument, instead of setting it after that call with a load of the class pointer and a store of
   * its own: {@code fill(C, tag, flags, C.vt)} where TeaVM wrote {@code fill(C, tag, flags);
   * C.vtable = C.vt}, and {@code fill(C, tag, flags, Object.vt)} for a class without a table of its
   * own (what the fill function stored before). Nothing between the two reads the table.
   */
  static void virtualTablesThroughFill(
      WasmModule module, WasmFunction initializer, WasmFunctionTypes types) {
    List<WasmInstruction> insns = new ArrayList<>();
    initializer.getBody().forEach(insns::add);
    Map<WasmGlobal, List<WasmCall>> fillCalls = new HashMap<>();
    WasmFunction fill = null;
    for (int i = 0; i + 3 < insns.size(); i++) {
      if (insns.get(i) instanceof WasmGetGlobal ptr
          && insns.get(i + 1) instanceof WasmInt32Constant
          && insns.get(i + 2) instanceof WasmInt32Constant
          && insns.get(i + 3) instanceof WasmCall call) {
        if (fill != null && fill != call.getFunction()) {
          return;
        }
        fill = call.getFunction();
        fillCalls.computeIfAbsent(ptr.getGlobal(), g -> new ArrayList<>()).add(call);
      }
    }
    if (fill == null
        || fill.getLocalVariables().size() != 3
        || fill.getType().getParameterTypes().size() != 3
        || !fill.getType().getReturnTypes().isEmpty()) {
      return;
    }
    // the fill function starts with target.vtable = Object's table
    WasmInstruction first = fill.getBody().getFirst();
    if (!(first instanceof WasmGetLocal target)
        || target.getLocal() != fill.getLocalVariables().get(0)
        || !(first.getNext() instanceof WasmGetGlobal objectTable)
        || !(first.getNext().getNext() instanceof WasmStructSet vtStore)) {
      return;
    }
    WasmFunction fillFunction = fill;
    int[] otherCalls = {0};
    WasmDefaultInstructionVisitor counter =
        new WasmDefaultInstructionVisitor() {
          @Override
          public void visit(WasmCall call) {
            if (call.getFunction() == fillFunction) {
              otherCalls[0]++;
            }
          }

          @Override
          public void visit(WasmFunctionReference ref) {
            if (ref.getFunction() == fillFunction) {
              otherCalls[0] += 1_000_000;
            }
          }
        };
    for (WasmFunction function : module.functions) {
      for (WasmInstruction insn : function.getBody()) {
        insn.acceptVisitor(counter);
      }
    }
    int calls = fillCalls.values().stream().mapToInt(List::size).sum();
    if (otherCalls[0] != calls) {
      return; // called from elsewhere too: leave it
    }
    Map<WasmGlobal, List<WasmInstruction[]>> tableSets = new HashMap<>();
    for (int i = 0; i + 2 < insns.size(); i++) {
      if (insns.get(i) instanceof WasmGetGlobal ptr
          && insns.get(i + 1) instanceof WasmGetGlobal
          && insns.get(i + 2) instanceof WasmStructSet store
          && store.getType() == vtStore.getType()
          && store.getFieldIndex() == vtStore.getFieldIndex()) {
        tableSets
            .computeIfAbsent(ptr.getGlobal(), g -> new ArrayList<>())
            .add(new WasmInstruction[] {insns.get(i), insns.get(i + 1), insns.get(i + 2)});
      }
    }
    Map<WasmInstruction, Integer> position = new IdentityHashMap<>();
    for (int i = 0; i < insns.size(); i++) {
      position.put(insns.get(i), i);
    }
    for (Map.Entry<WasmGlobal, List<WasmCall>> e : fillCalls.entrySet()) {
      for (WasmCall call : e.getValue()) {
        List<WasmInstruction[]> own = tableSets.getOrDefault(e.getKey(), List.of());
        WasmGlobal table = objectTable.getGlobal();
        if (e.getValue().size() == 1
            && own.size() == 1
            && position.get(own.get(0)[0]) > position.get(call)) {
          table = ((WasmGetGlobal) own.get(0)[1]).getGlobal();
          for (WasmInstruction insn : own.get(0)) {
            insn.delete();
          }
        }
        call.insertPrevious(new WasmGetGlobal(table));
      }
    }
    List<WasmType> params = new ArrayList<>(fill.getType().getParameterTypes());
    params.add(objectTable.getGlobal().getType());
    fill.setType(types.of(null, params.toArray(new WasmType[0])));
    WasmLocal table = new WasmLocal(objectTable.getGlobal().getType(), "vt");
    fill.add(table);
    objectTable.insertPrevious(new WasmGetLocal(table));
    objectTable.delete();
  }

  /**
   * {@code lower} and {@code upper} of a check function TeaVM wrote for one range: {@code tag =
   * subtype.tag; if (tag < lower) return 0; if (tag >= upper) return 0; 1}; null for any other.
   */
  static Range oneRange(WasmFunction function) {
    List<WasmInstruction> body = new ArrayList<>();
    function.getBody().forEach(body::add);
    if (body.size() != 11
        || function.getLocalVariables().size() != 3
        || !(body.get(0) instanceof WasmGetLocal sub)
        || sub.getLocal() != function.getLocalVariables().get(0)
        || !(body.get(1) instanceof WasmStructGet get)
        || !(body.get(2) instanceof WasmTeeLocal tee)
        || !(body.get(3) instanceof WasmInt32Constant lower)
        || !isCompare(body.get(4), WasmIntBinaryOperation.LT_SIGNED)
        || !returnsFalse(body.get(5))
        || !(body.get(6) instanceof WasmGetLocal again)
        || again.getLocal() != tee.getLocal()
        || !(body.get(7) instanceof WasmInt32Constant upper)
        || !isCompare(body.get(8), WasmIntBinaryOperation.GE_SIGNED)
        || !returnsFalse(body.get(9))
        || !(body.get(10) instanceof WasmInt32Constant one)
        || one.getValue() != 1) {
      return null;
    }
    return new Range(lower.getValue(), upper.getValue(), get.getType(), get.getFieldIndex());
  }

  private static boolean isCompare(WasmInstruction insn, WasmIntBinaryOperation op) {
    return insn instanceof WasmIntBinary binary
        && binary.getType() == WasmIntType.INT32
        && binary.getOperation() == op;
  }

  private static boolean returnsFalse(WasmInstruction insn) {
    if (!(insn instanceof WasmConditional cond) || !cond.getElseBlock().isEmpty()) {
      return false;
    }
    WasmInstruction first = cond.getThenBlock().getFirst();
    return first instanceof WasmInt32Constant zero
        && zero.getValue() == 0
        && first.getNext() != null
        && first.getNext().getNext() == null
        && first.getNext() instanceof WasmReturn;
  }
}
