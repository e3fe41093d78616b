package org.broadsheet.web.teavm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teavm.backend.wasm.WasmFunctionTypes;
import org.teavm.backend.wasm.model.WasmField;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmFunctionType;
import org.teavm.backend.wasm.model.WasmGlobal;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.WasmStructure;
import org.teavm.backend.wasm.model.WasmType;
import org.teavm.backend.wasm.model.instruction.WasmArrayGet;
import org.teavm.backend.wasm.model.instruction.WasmArrayNewFixed;
import org.teavm.backend.wasm.model.instruction.WasmCall;
import org.teavm.backend.wasm.model.instruction.WasmConditional;
import org.teavm.backend.wasm.model.instruction.WasmFunctionReference;
import org.teavm.backend.wasm.model.instruction.WasmGetGlobal;
import org.teavm.backend.wasm.model.instruction.WasmGetLocal;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.backend.wasm.model.instruction.WasmInstructionBuilder;
import org.teavm.backend.wasm.model.instruction.WasmInstructionList;
import org.teavm.backend.wasm.model.instruction.WasmInt32Constant;
import org.teavm.backend.wasm.model.instruction.WasmIntBinary;
import org.teavm.backend.wasm.model.instruction.WasmIntBinaryOperation;
import org.teavm.backend.wasm.model.instruction.WasmIntType;
import org.teavm.backend.wasm.model.instruction.WasmReturn;
import org.teavm.backend.wasm.model.instruction.WasmSetLocal;
import org.teavm.backend.wasm.model.instruction.WasmStructGet;
import org.teavm.backend.wasm.model.instruction.WasmStructSet;
import org.teavm.backend.wasm.model.instruction.WasmTeeLocal;

/**
 * The start-function rewrite on a module shaped like TeaVM's (class objects filled by one function,
 * one type-check function per class, direct calls to them), run before and after by a small
 * interpreter: every class answers every subtype tag as before, and every class object gets the
 * virtual table it got before.
 */
class SharedSupertypeCheckTest {
  private static final int VT = 0;
  private static final int TAG = 1;
  private static final int FLAGS = 2;
  private static final int CHECK = 3;

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
          });
  private final WasmGlobal objectTable = new WasmGlobal("Object.vt", WasmType.STRUCT);
  private final Map<String, WasmGlobal> classes = new LinkedHashMap<>();
  private final Map<String, WasmFunction> checks = new HashMap<>();

  @Test
  void everyClassAnswersEveryTagAsBeforeWithFewerFunctions() {
    classInfo.init();
    module.types.add(classInfo);
    WasmFunction fill = fillFunction();
    WasmFunction init = new WasmFunction(types.of(null));
    WasmInstructionBuilder b = init.getBody().builder();
    // name, tag written, own virtual table, ranges of its check
    addClass(b, fill, "A", 10, true, 10, 14);
    addClass(b, fill, "B", 11, true, 11, 12);
    addClass(b, fill, "I", 11, false, 11, 13); // same lower bound as B, another upper: kept
    addClass(b, fill, "C", 12, true, 12, 14);
    addClass(b, fill, "D", 10, true, 10, 11, 13, 14); // two ranges: kept
    addClass(b, fill, "H", 0, true, 5, 6); // its object's tag is not its lower bound: kept
    addClass(b, fill, "E", 3, false, 3, 4);
    for (Map.Entry<String, WasmGlobal> c : classes.entrySet()) {
      b.getGlobal(c.getValue()).funcRef(checks.get(c.getKey())).structSet(classInfo, CHECK);
    }
    module.functions.add(init);
    WasmFunction direct = new WasmFunction(types.of(WasmType.INT32, classInfo.getReference()));
    WasmLocal sub = new WasmLocal(classInfo.getReference(), "sub");
    direct.add(sub);
    direct.getBody().builder().getLocal(sub).getGlobal(classes.get("C")).call(checks.get("C"));
    module.functions.add(direct);

    Map<String, Object> before = answers(init, direct);
    SharedSupertypeCheck.rewrite(module, init);
    SharedSupertypeCheck.virtualTablesThroughFill(module, init, types);
    Map<String, Object> after = answers(init, direct);

    assertEquals(before, after);
    List<WasmFunction> left = new ArrayList<>();
    module.functions.forEach(left::add);
    for (String kept : List.of("B", "I", "D", "H")) {
      assertTrue(left.contains(checks.get(kept)), kept + " keeps its own check");
    }
    for (String gone : List.of("A", "C", "E")) {
      assertFalse(left.contains(checks.get(gone)), gone + " uses the shared check");
    }
    Machine m = new Machine();
    m.run(init);
    assertSame(m.object("A").get(CHECK), m.object("C").get(CHECK));
    assertNotSame(m.object("A").get(CHECK), m.object("B").get(CHECK));
    assertEquals(4, fill.getType().getParameterTypes().size(), "the table is passed to fill");
  }

  private WasmFunction fillFunction() {
    WasmFunction fill =
        new WasmFunction(types.of(null, classInfo.getReference(), WasmType.INT32, WasmType.INT32));
    WasmLocal target = new WasmLocal(classInfo.getReference(), "target");
    WasmLocal id = new WasmLocal(WasmType.INT32, "id");
    WasmLocal flags = new WasmLocal(WasmType.INT32, "flags");
    fill.add(target);
    fill.add(id);
    fill.add(flags);
    fill.getBody()
        .builder()
        .getLocal(target)
        .getGlobal(objectTable)
        .structSet(classInfo, VT)
        .getLocal(target)
        .getLocal(id)
        .structSet(classInfo, TAG)
        .getLocal(target)
        .getLocal(flags)
        .structSet(classInfo, FLAGS);
    module.functions.add(fill);
    return fill;
  }

  /** A class object filled as TeaVM fills it, and a check of the shape TeaVM writes. */
  private void addClass(
      WasmInstructionBuilder init,
      WasmFunction fill,
      String name,
      int tag,
      boolean ownTable,
      int... bounds) {
    WasmGlobal pointer = new WasmGlobal(name, classInfo.getReference());
    classes.put(name, pointer);
    init.getGlobal(pointer).i32Const(tag).i32Const(1).call(fill);
    if (ownTable) {
      init.getGlobal(pointer).getGlobal(new WasmGlobal(name + ".vt", WasmType.STRUCT));
      init.structSet(classInfo, VT);
    }
    WasmFunctionType type =
        types.of(WasmType.INT32, classInfo.getReference(), classInfo.getReference());
    WasmFunction check = new WasmFunction(type);
    WasmLocal subtype = new WasmLocal(classInfo.getReference(), "subtype");
    WasmLocal supertype = new WasmLocal(classInfo.getReference(), "supertype");
    WasmLocal t = new WasmLocal(WasmType.INT32, "tag");
    check.add(subtype);
    check.add(supertype);
    check.add(t);
    WasmInstructionBuilder body = check.getBody().builder();
    body.getLocal(subtype).structGet(classInfo, TAG).teeLocal(t);
    body.i32Const(bounds[0]).intBinary(WasmIntType.INT32, WasmIntBinaryOperation.LT_SIGNED);
    body.conditional().getThenBlock().builder().i32Const(0).return_();
    body.getLocal(t)
        .i32Const(bounds[bounds.length - 1])
        .intBinary(WasmIntType.INT32, WasmIntBinaryOperation.GE_SIGNED);
    body.conditional().getThenBlock().builder().i32Const(0).return_();
    for (int i = 2; i < bounds.length; i += 2) {
      body.getLocal(t)
          .i32Const(bounds[i - 1])
          .intBinary(WasmIntType.INT32, WasmIntBinaryOperation.GE_SIGNED);
      WasmInstructionBuilder hole = body.conditional().getThenBlock().builder();
      hole.getLocal(t)
          .i32Const(bounds[i])
          .intBinary(WasmIntType.INT32, WasmIntBinaryOperation.LT_SIGNED);
      hole.conditional().getThenBlock().builder().i32Const(0).return_();
    }
    body.i32Const(1);
    module.functions.add(check);
    checks.put(name, check);
  }

  /** Each class's answer for every subtype tag, its table, and the direct call's answers. */
  private Map<String, Object> answers(WasmFunction init, WasmFunction direct) {
    Machine m = new Machine();
    m.run(init);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : classes.keySet()) {
      Map<Integer, Object> cls = m.object(name);
      StringBuilder bits = new StringBuilder();
      for (int tag = 0; tag < 20; tag++) {
        bits.append(m.run((WasmFunction) cls.get(CHECK), subtype(tag), cls));
      }
      out.put(name, bits.toString());
      out.put(name + ".vt", ((WasmGlobal) cls.get(VT)).getName());
    }
    StringBuilder bits = new StringBuilder();
    for (int tag = 0; tag < 20; tag++) {
      bits.append(m.run(direct, subtype(tag)));
    }
    out.put("direct", bits.toString());
    out.put(
        "max", m.run((WasmFunction) m.object("A").get(CHECK), subtype(0x7FFFFFFF), m.object("A")));
    return out;
  }

  private static Map<Integer, Object> subtype(int tag) {
    Map<Integer, Object> o = new HashMap<>();
    o.put(TAG, tag);
    return o;
  }

  /** Runs the few instructions these functions use; structs are maps from field to value. */
  private final class Machine {
    private final Map<WasmGlobal, Object> globals = new IdentityHashMap<>();

    Map<Integer, Object> object(String name) {
      return struct(global(classes.get(name)));
    }

    Object global(WasmGlobal g) {
      return globals.computeIfAbsent(
          g,
          k -> {
            if (classes.containsValue(k)) {
              return new HashMap<Integer, Object>();
            }
            if (k.getInitialValue().isEmpty()) {
              return k; // a virtual table: compared by identity
            }
            Deque<Object> stack = new ArrayDeque<>();
            exec(k.getInitialValue(), stack, new IdentityHashMap<>());
            return stack.pop();
          });
    }

    Object run(WasmFunction f, Object... args) {
      Map<WasmLocal, Object> locals = new IdentityHashMap<>();
      for (int i = 0; i < args.length; i++) {
        locals.put(f.getLocalVariables().get(i), args[i]);
      }
      Deque<Object> stack = new ArrayDeque<>();
      exec(f.getBody(), stack, locals);
      return stack.isEmpty() ? null : stack.peek();
    }

    /** True when the list returned. */
    private boolean exec(
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
        } else if (insn instanceof WasmInt32Constant c) {
          stack.push(c.getValue());
        } else if (insn instanceof WasmFunctionReference ref) {
          stack.push(ref.getFunction());
        } else if (insn instanceof WasmIntBinary op) {
          int y = (Integer) stack.pop();
          int x = (Integer) stack.pop();
          stack.push(binary(op.getOperation(), x, y));
        } else if (insn instanceof WasmConditional cond) {
          boolean yes = (Integer) stack.pop() != 0;
          if (exec(yes ? cond.getThenBlock() : cond.getElseBlock(), stack, locals)) {
            return true;
          }
        } else if (insn instanceof WasmReturn) {
          return true;
        } else if (insn instanceof WasmCall call) {
          WasmFunction f = call.getFunction();
          Object[] args = new Object[f.getType().getParameterTypes().size()];
          for (int i = args.length - 1; i >= 0; i--) {
            args[i] = stack.pop();
          }
          Deque<Object> inner = new ArrayDeque<>();
          Map<WasmLocal, Object> frame = new IdentityHashMap<>();
          for (int i = 0; i < args.length; i++) {
            frame.put(f.getLocalVariables().get(i), args[i]);
          }
          exec(f.getBody(), inner, frame);
          if (!f.getType().getReturnTypes().isEmpty()) {
            stack.push(inner.peek());
          }
        } else if (insn instanceof WasmStructSet set) {
          Object value = stack.pop();
          struct(stack.pop()).put(set.getFieldIndex(), value);
        } else if (insn instanceof WasmStructGet get) {
          stack.push(struct(stack.pop()).get(get.getFieldIndex()));
        } else if (insn instanceof WasmArrayGet) {
          int index = (Integer) stack.pop();
          stack.push(((int[]) stack.pop())[index]);
        } else if (insn instanceof WasmArrayNewFixed array) {
          int[] values = new int[array.getSize()];
          for (int i = values.length - 1; i >= 0; i--) {
            values[i] = (Integer) stack.pop();
          }
          stack.push(values);
        } else {
          throw new AssertionError("not interpreted: " + insn.getClass().getSimpleName());
        }
      }
      return false;
    }

    @SuppressWarnings("unchecked")
    private Map<Integer, Object> struct(Object o) {
      return (Map<Integer, Object>) o;
    }

    private int binary(WasmIntBinaryOperation op, int x, int y) {
      return switch (op) {
        case SUB -> x - y;
        case LT_SIGNED -> x < y ? 1 : 0;
        case GE_SIGNED -> x >= y ? 1 : 0;
        case LT_UNSIGNED -> Integer.compareUnsigned(x, y) < 0 ? 1 : 0;
        default -> throw new AssertionError("not interpreted: " + op);
      };
    }
  }
}
