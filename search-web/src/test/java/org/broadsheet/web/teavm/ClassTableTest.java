package org.broadsheet.web.teavm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.teavm.backend.wasm.WasmFunctionTypes;
import org.teavm.backend.wasm.model.WasmField;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmGlobal;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.WasmStructure;
import org.teavm.backend.wasm.model.WasmType;
import org.teavm.backend.wasm.model.instruction.WasmArrayGet;
import org.teavm.backend.wasm.model.instruction.WasmArrayNewFixed;
import org.teavm.backend.wasm.model.instruction.WasmBlock;
import org.teavm.backend.wasm.model.instruction.WasmBranch;
import org.teavm.backend.wasm.model.instruction.WasmCall;
import org.teavm.backend.wasm.model.instruction.WasmFunctionReference;
import org.teavm.backend.wasm.model.instruction.WasmGetGlobal;
import org.teavm.backend.wasm.model.instruction.WasmGetLocal;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.backend.wasm.model.instruction.WasmInstructionBuilder;
import org.teavm.backend.wasm.model.instruction.WasmInstructionList;
import org.teavm.backend.wasm.model.instruction.WasmInt32Constant;
import org.teavm.backend.wasm.model.instruction.WasmIntBinary;
import org.teavm.backend.wasm.model.instruction.WasmSetGlobal;
import org.teavm.backend.wasm.model.instruction.WasmSetLocal;
import org.teavm.backend.wasm.model.instruction.WasmStructGet;
import org.teavm.backend.wasm.model.instruction.WasmStructNew;
import org.teavm.backend.wasm.model.instruction.WasmStructSet;
import org.teavm.backend.wasm.model.instruction.WasmTeeLocal;

/**
 * The class-table rewrite on a start function shaped like TeaVM's, run before and after by a small
 * interpreter: every class object ends with the same fields, and only the fills no one can tell
 * apart move into the loops (each case below fails when its rule is left out).
 */
class ClassTableTest {
  private static final int VT = 0;
  private static final int TAG = 1;
  private static final int FLAGS = 2;
  private static final int CHECK = 3;
  private static final int ITEM = 4;

  private final WasmModule module = new WasmModule();
  private final WasmFunctionTypes types = new WasmFunctionTypes(module);
  private final WasmStructure classInfo =
      new WasmStructure(
          "classInfo",
          fields -> {
            fields.add(new WasmField(WasmType.STRUCT, "vt"));
            fields.add(new WasmField(WasmType.INT32, "tag"));
            fields.add(new WasmField(WasmType.INT32, "flags"));
            fields.add(new WasmField(WasmType.FUNC, "isSupertype"));
            fields.add(new WasmField(WasmType.STRUCT, "item"));
          });
  private final WasmStructure table =
      new WasmStructure(
          "vt",
          fields -> {
            fields.add(new WasmField(classInfo.getReference(), "class"));
            fields.add(new WasmField(WasmType.FUNC, "method"));
          });
  private final WasmGlobal objectTable;
  private final WasmGlobal probe = new WasmGlobal("probe", WasmType.INT32);
  private final Map<String, WasmGlobal> classes = new LinkedHashMap<>();
  private final WasmFunction fill;
  private final WasmFunction check;

  ClassTableTest() {
    classInfo.init();
    table.init();
    module.types.add(classInfo);
    module.types.add(table);
    probe.getInitialValue().builder().i32Const(0);
    module.globals.add(probe);
    fill = fillFunction();
    check = new WasmFunction(types.of(null));
    module.functions.add(check);
    objectTable = tableGlobal("Object.vt", classGlobal("Object"));
  }

  private WasmGlobal classGlobal(String name) {
    WasmGlobal g = new WasmGlobal(name, classInfo.getNonNullReference());
    g.getInitialValue().builder().structNewDefault(classInfo);
    g.setImmutable(true);
    module.globals.add(g);
    return g;
  }

  private WasmGlobal tableGlobal(String name, WasmGlobal owner) {
    WasmGlobal g = new WasmGlobal(name, table.getNonNullReference());
    g.getInitialValue().builder().getGlobal(owner).funcRef(check).structNew(table);
    g.setImmutable(true);
    module.globals.add(g);
    return g;
  }

  /** fill(target, tag, flags, vt), as TeaVM's with SharedSupertypeCheck's fourth argument. */
  private WasmFunction fillFunction() {
    WasmFunction f =
        new WasmFunction(
            types.of(
                null,
                classInfo.getReference(),
                WasmType.INT32,
                WasmType.INT32,
                table.getNonNullReference()));
    WasmLocal target = new WasmLocal(classInfo.getReference(), "target");
    WasmLocal tag = new WasmLocal(WasmType.INT32, "tag");
    WasmLocal flags = new WasmLocal(WasmType.INT32, "flags");
    WasmLocal vt = new WasmLocal(table.getNonNullReference(), "vt");
    f.add(target);
    f.add(tag);
    f.add(flags);
    f.add(vt);
    f.getBody()
        .builder()
        .getLocal(target)
        .getLocal(vt)
        .structSet(classInfo, VT)
        .getLocal(target)
        .getLocal(tag)
        .structSet(classInfo, TAG)
        .getLocal(target)
        .getLocal(flags)
        .structSet(classInfo, FLAGS);
    module.functions.add(f);
    return f;
  }

  private WasmGlobal cls(String name) {
    return classes.computeIfAbsent(name, this::classGlobal);
  }

  private void fill(WasmInstructionBuilder b, String name, int tag, int flags, WasmGlobal vt) {
    b.getGlobal(cls(name)).i32Const(tag).i32Const(flags).getGlobal(vt).call(fill);
  }

  private WasmGlobal ownTable(String name) {
    return tableGlobal(name + ".vt", cls(name));
  }

  private WasmFunction initializer() {
    WasmFunction init = new WasmFunction(types.of(null));
    module.functions.add(init);
    return init;
  }

  @Test
  void everyClassObjectEndsAsBeforeWithTheFillsInTheLoops() {
    WasmFunction init = initializer();
    WasmInstructionBuilder b = init.getBody().builder();
    fill(b, "A", 7, 1, ownTable("A"));
    fill(b, "I", 3, 1537, objectTable);
    b.getGlobal(cls("A")).funcRef(check).structSet(classInfo, CHECK); // after its fill
    fill(b, "B", 5, 17, ownTable("B"));
    fill(b, "J", 9, 1537, objectTable);
    fill(b, "C", 2, 0, ownTable("C"));

    Map<String, String> before = run(init);
    assertEquals(5, ClassTable.rewrite(module, init, types));
    assertEquals(before, run(init));
    assertEquals(0, fillCalls(init), "every fill moved");
  }

  @Test
  void aFilledFieldStoredBeforeTheFillKeepsTheCall() {
    WasmFunction init = initializer();
    WasmInstructionBuilder b = init.getBody().builder();
    fill(b, "A", 7, 1, ownTable("A"));
    b.getGlobal(cls("B")).i32Const(99).structSet(classInfo, TAG); // the fill overwrites it
    fill(b, "B", 5, 17, ownTable("B"));
    fill(b, "C", 2, 0, ownTable("C"));

    Map<String, String> before = run(init);
    assertEquals(2, ClassTable.rewrite(module, init, types));
    assertEquals(before, run(init));
    assertEquals(1, fillCalls(init));
  }

  @Test
  void aClassFilledTwiceKeepsBothCalls() {
    WasmFunction init = initializer();
    WasmInstructionBuilder b = init.getBody().builder();
    fill(b, "A", 7, 1, ownTable("A"));
    fill(b, "B", 5, 17, objectTable);
    fill(b, "C", 2, 0, ownTable("C"));
    fill(b, "B", 3, 1, objectTable); // sorted by tag, it would run first
    fill(b, "D", 4, 1, objectTable);

    Map<String, String> before = run(init);
    assertEquals(3, ClassTable.rewrite(module, init, types));
    assertEquals(before, run(init));
    assertEquals(2, fillCalls(init));
  }

  @Test
  void aStoreByAnotherFunctionBeforeTheFillKeepsTheCall() {
    // TeaVM's fill of an array class stores into its item class too
    WasmFunction arrayFill =
        new WasmFunction(types.of(null, classInfo.getReference(), classInfo.getReference()));
    WasmLocal target = new WasmLocal(classInfo.getReference(), "target");
    WasmLocal item = new WasmLocal(classInfo.getReference(), "item");
    arrayFill.add(target);
    arrayFill.add(item);
    arrayFill
        .getBody()
        .builder()
        .getLocal(target)
        .getLocal(item)
        .structSet(classInfo, ITEM)
        .getLocal(item)
        .i32Const(-1)
        .structSet(classInfo, FLAGS);
    module.functions.add(arrayFill);
    WasmFunction init = initializer();
    WasmInstructionBuilder b = init.getBody().builder();
    fill(b, "A", 7, 1, ownTable("A"));
    b.getGlobal(cls("A[]")).getGlobal(cls("B")).call(arrayFill);
    fill(b, "B", 5, 17, ownTable("B"));
    fill(b, "C", 2, 0, ownTable("C"));

    Map<String, String> before = run(init);
    assertEquals(2, ClassTable.rewrite(module, init, types));
    assertEquals(before, run(init));
    assertEquals(1, fillCalls(init));
  }

  @Test
  void aCallThatMayReadAClassObjectEndsTheFillsThatMove() {
    // probe = B.tag: B's fill after it must not run before it
    WasmFunction read = new WasmFunction(types.of(null));
    read.getBody().builder().getGlobal(cls("B")).structGet(classInfo, TAG).setGlobal(probe);
    module.functions.add(read);
    WasmFunction init = initializer();
    WasmInstructionBuilder b = init.getBody().builder();
    fill(b, "A", 7, 1, ownTable("A"));
    fill(b, "C", 2, 0, ownTable("C"));
    b.call(read);
    fill(b, "B", 5, 17, ownTable("B"));

    Map<String, String> before = run(init);
    assertEquals(2, ClassTable.rewrite(module, init, types));
    assertEquals(before, run(init));
    assertEquals(1, fillCalls(init));
  }

  @Test
  void aTableOfAnotherClassGoesWithTheClassObjects() {
    WasmFunction init = initializer();
    WasmInstructionBuilder b = init.getBody().builder();
    WasmGlobal aTable = ownTable("A");
    fill(b, "A", 7, 1, aTable);
    fill(b, "A2", 8, 1, aTable); // A's table, not its own: vt.class is A
    fill(b, "B", 5, 17, ownTable("B"));

    Map<String, String> before = run(init);
    ClassTable.rewrite(module, init, types);
    assertEquals(before, run(init));
  }

  private int fillCalls(WasmFunction init) {
    int n = 0;
    for (WasmInstruction insn : init.getBody()) {
      if (insn instanceof WasmCall call && call.getFunction() == fill) {
        n++;
      }
    }
    return n;
  }

  /** Every class object's fields (tables by name), and the probe, after the start function. */
  private Map<String, String> run(WasmFunction init) {
    Machine m = new Machine();
    m.call(init);
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, WasmGlobal> c : classes.entrySet()) {
      Object[] o = (Object[]) m.global(c.getValue());
      StringBuilder s = new StringBuilder();
      for (Object v : o) {
        s.append(m.describe(v)).append(' ');
      }
      out.put(c.getKey(), s.toString());
    }
    out.put("probe", String.valueOf(m.global(probe)));
    return out;
  }

  /** Runs the few instructions these functions use; a struct is an Object[] of its fields. */
  private final class Machine {
    private final Map<WasmGlobal, Object> globals = new IdentityHashMap<>();
    private final Map<Object, String> names = new IdentityHashMap<>();

    Object global(WasmGlobal g) {
      Object value = globals.get(g);
      if (value == null) {
        Deque<Object> stack = new ArrayDeque<>();
        exec(g.getInitialValue(), stack, new HashMap<>());
        value = stack.pop();
        globals.put(g, value);
        names.put(value, g.getName());
      }
      return value;
    }

    String describe(Object v) {
      return v == null ? "null" : names.getOrDefault(v, String.valueOf(v));
    }

    void call(WasmFunction f, Object... args) {
      Map<WasmLocal, Object> locals = new IdentityHashMap<>();
      for (WasmLocal local : f.getLocalVariables()) {
        locals.put(local, local.getType() == WasmType.INT32 ? 0 : null);
      }
      for (int i = 0; i < args.length; i++) {
        locals.put(f.getLocalVariables().get(i), args[i]);
      }
      exec(f.getBody(), new ArrayDeque<>(), locals);
    }

    /** The list a branch left to (a loop's body to run again), or null when it ran to its end. */
    private WasmInstructionList exec(
        WasmInstructionList list, Deque<Object> stack, Map<WasmLocal, Object> locals) {
      for (WasmInstruction insn : list) {
        if (insn instanceof WasmGetLocal get) {
          stack.push(locals.get(get.getLocal()));
        } else if (insn instanceof WasmSetLocal set) {
          locals.put(set.getLocal(), stack.pop());
        } else if (insn instanceof WasmTeeLocal tee) {
          locals.put(tee.getLocal(), stack.peek());
        } else if (insn instanceof WasmGetGlobal get) {
          stack.push(global(get.getGlobal()));
        } else if (insn instanceof WasmSetGlobal set) {
          global(set.getGlobal());
          globals.put(set.getGlobal(), stack.pop());
        } else if (insn instanceof WasmInt32Constant c) {
          stack.push(c.getValue());
        } else if (insn instanceof WasmFunctionReference ref) {
          stack.push(ref.getFunction());
        } else if (insn instanceof WasmIntBinary op) {
          int y = (Integer) stack.pop();
          int x = (Integer) stack.pop();
          stack.push(
              switch (op.getOperation()) {
                case ADD -> x + y;
                case SUB -> x - y;
                case LT_SIGNED -> x < y ? 1 : 0;
                default -> throw new AssertionError("not interpreted: " + op.getOperation());
              });
        } else if (insn instanceof WasmBlock block) {
          WasmInstructionList again;
          do {
            again = exec(block.getBody(), stack, locals);
          } while (block.isLoop() && again == block.getBody());
          if (again != null && again != block.getBody()) {
            return again;
          }
        } else if (insn instanceof WasmBranch branch) {
          if ((Integer) stack.pop() != 0) {
            return branch.getTarget();
          }
        } else if (insn instanceof WasmCall call) {
          WasmFunction f = call.getFunction();
          Object[] args = new Object[f.getType().getParameterTypes().size()];
          for (int i = args.length - 1; i >= 0; i--) {
            args[i] = stack.pop();
          }
          call(f, args);
        } else if (insn instanceof WasmStructNew make) {
          Object[] o = new Object[make.getType().getFields().size()];
          for (int i = o.length - 1; i >= 0; i--) {
            o[i] = stack.pop();
          }
          stack.push(o);
        } else if (insn
            instanceof org.teavm.backend.wasm.model.instruction.WasmStructNewDefault make) {
          Object[] o = new Object[make.getType().getFields().size()];
          for (int i = 0; i < o.length; i++) {
            o[i] = make.getType().getFields().get(i).getUnpackedType() == WasmType.INT32 ? 0 : null;
          }
          stack.push(o);
        } else if (insn instanceof WasmStructSet set) {
          Object value = stack.pop();
          ((Object[]) stack.pop())[set.getFieldIndex()] = value;
        } else if (insn instanceof WasmStructGet get) {
          stack.push(((Object[]) stack.pop())[get.getFieldIndex()]);
        } else if (insn instanceof WasmArrayGet) {
          int index = (Integer) stack.pop();
          stack.push(((Object[]) stack.pop())[index]);
        } else if (insn instanceof WasmArrayNewFixed array) {
          Object[] values = new Object[array.getSize()];
          for (int i = values.length - 1; i >= 0; i--) {
            values[i] = stack.pop();
          }
          stack.push(values);
        } else {
          throw new AssertionError("not interpreted: " + insn.getClass().getSimpleName());
        }
      }
      return null;
    }
  }

  @SuppressWarnings("unused")
  private static List<String> names(List<WasmGlobal> globals) {
    List<String> out = new ArrayList<>();
    globals.forEach(g -> out.add(g.getName()));
    return out;
  }
}
