package org.broadsheet.web.teavm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teavm.backend.wasm.WasmFunctionTypes;
import org.teavm.backend.wasm.model.WasmField;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmFunctionType;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.WasmStructure;
import org.teavm.backend.wasm.model.WasmType;
import org.teavm.backend.wasm.model.instruction.WasmBlock;
import org.teavm.backend.wasm.model.instruction.WasmCall;
import org.teavm.backend.wasm.model.instruction.WasmCallReference;
import org.teavm.backend.wasm.model.instruction.WasmCast;
import org.teavm.backend.wasm.model.instruction.WasmGetLocal;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.backend.wasm.model.instruction.WasmInstructionBuilder;
import org.teavm.backend.wasm.model.instruction.WasmInstructionList;
import org.teavm.backend.wasm.model.instruction.WasmInt32Constant;
import org.teavm.backend.wasm.model.instruction.WasmIntBinary;
import org.teavm.backend.wasm.model.instruction.WasmIntBinaryOperation;
import org.teavm.backend.wasm.model.instruction.WasmIntType;
import org.teavm.backend.wasm.model.instruction.WasmStructGet;

/**
 * VirtualCallStubs on calls shaped like TeaVM's compact-mode virtual calls, run before and after by
 * a small interpreter (its cast checks the table's type, as WebAssembly's does): every call answers
 * as before, and only methods called at enough sites get a stub, one per table type, method and
 * cast.
 */
class VirtualCallStubsTest {

  private final WasmModule module = new WasmModule();
  private final WasmFunctionTypes types = new WasmFunctionTypes(module);
  private final WasmStructure table = structure("VT", null);
  private final WasmStructure tableA = structure("VT<A>", table);
  private final WasmStructure tableB = structure("VT<B>", table);
  private final WasmStructure object =
      new WasmStructure("Object", fields -> fields.add(new WasmField(table.getReference(), "vt")));
  private final WasmFunctionType method = types.of(WasmType.INT32, WasmType.ANY, WasmType.INT32);

  VirtualCallStubsTest() {
    object.init();
    module.types.add(object);
  }

  private WasmStructure structure(String name, WasmStructure parent) {
    WasmStructure s =
        new WasmStructure(
            name,
            fields -> {
              fields.add(new WasmField(WasmType.FUNC, "class"));
              fields.add(new WasmField(WasmType.FUNC, "one"));
              fields.add(new WasmField(WasmType.FUNC, "two"));
            });
    s.setSupertype(parent);
    s.init();
    module.types.add(s);
    return s;
  }

  /** A method answering {@code x * 10 + id}. */
  private WasmFunction method(int id) {
    WasmFunction f = new WasmFunction(method);
    WasmLocal self = new WasmLocal(WasmType.ANY, "this");
    WasmLocal x = new WasmLocal(WasmType.INT32, "x");
    f.add(self);
    f.add(x);
    f.getBody()
        .builder()
        .getLocal(x)
        .i32Const(10)
        .intBinary(WasmIntType.INT32, WasmIntBinaryOperation.MUL)
        .i32Const(id)
        .intBinary(WasmIntType.INT32, WasmIntBinaryOperation.ADD);
    module.functions.add(f);
    return f;
  }

  /** {@code o.m(arg)} as TeaVM writes it: this, the argument, the receiver's table, the method. */
  private WasmFunction caller(WasmStructure cast, int field, int arg, boolean nested) {
    return caller(cast, cast, field, arg, nested);
  }

  /** The same, the method read through {@code read}, a supertype of the cast's. */
  private WasmFunction caller(
      WasmStructure cast, WasmStructure read, int field, int arg, boolean nested) {
    WasmFunction f = new WasmFunction(types.of(WasmType.INT32, object.getReference()));
    WasmLocal o = new WasmLocal(object.getReference(), "o");
    f.add(o);
    WasmInstructionList list = f.getBody();
    if (nested) {
      WasmBlock block = new WasmBlock(false);
      block.setType(WasmType.INT32.asBlock());
      list.add(block);
      list = block.getBody();
    }
    WasmInstructionBuilder b = list.builder();
    b.getLocal(o).i32Const(arg).getLocal(o).structGet(object, 0);
    b.cast(cast.getNonNullReference()).structGet(read, field).callReference(method);
    module.functions.add(f);
    return f;
  }

  @Test
  void callsOfOneMethodShareAStubAndAnswerAsBefore() {
    WasmFunction a1 = method(1);
    WasmFunction a2 = method(2);
    WasmFunction b1 = method(3);
    WasmFunction b2 = method(4);
    List<WasmFunction> callers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      callers.add(caller(tableA, table, 1, i, i == 2));
    }
    for (int i = 0; i < 3; i++) {
      callers.add(caller(tableA, 2, 10 + i, false)); // another method of A's table
    }
    for (int i = 0; i < 3; i++) {
      callers.add(caller(tableB, table, 1, 20 + i, false)); // B's table: another cast
    }
    callers.add(caller(tableB, 2, 30, false));
    Object[] objA = {new Object[] {tableA, null, a1, a2}, object};
    Object[] objB = {new Object[] {tableB, null, b1, b2}, object};
    List<Object> before = answers(callers, objA, objB);

    assertEquals(9, VirtualCallStubs.rewrite(module, types, 3));

    assertEquals(before, answers(callers, objA, objB));
    assertSame(stub(callers.get(0)), stub(callers.get(2)), "the nested call too");
    assertNotSame(stub(callers.get(0)), stub(callers.get(3)), "another method");
    assertNotSame(stub(callers.get(0)), stub(callers.get(6)), "another cast");
    assertEquals(null, stub(callers.get(9)), "one call keeps its code");
  }

  private List<Object> answers(List<WasmFunction> callers, Object[] objA, Object[] objB) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < callers.size(); i++) {
      out.add(call(callers.get(i), new Object[] {i < 6 ? objA : objB}));
    }
    return out;
  }

  private WasmFunction stub(WasmFunction caller) {
    List<WasmInstruction> all = new ArrayList<>();
    flatten(caller.getBody(), all);
    return all.stream()
        .filter(i -> i instanceof WasmCall)
        .map(i -> ((WasmCall) i).getFunction())
        .findFirst()
        .orElse(null);
  }

  private static void flatten(WasmInstructionList list, List<WasmInstruction> out) {
    for (WasmInstruction insn : list) {
      out.add(insn);
      if (insn instanceof WasmBlock block) {
        flatten(block.getBody(), out);
      }
    }
  }

  /**
   * A struct is an Object[] of its fields and, last, its type; a table's first field is its type.
   */
  private Object call(WasmFunction f, Object... args) {
    Map<WasmLocal, Object> locals = new IdentityHashMap<>();
    for (int i = 0; i < args.length; i++) {
      locals.put(f.getLocalVariables().get(i), args[i]);
    }
    Deque<Object> stack = new ArrayDeque<>();
    exec(f.getBody(), stack, locals);
    return stack.isEmpty() ? null : stack.peek();
  }

  private void exec(WasmInstructionList list, Deque<Object> stack, Map<WasmLocal, Object> locals) {
    for (WasmInstruction insn : list) {
      if (insn instanceof WasmGetLocal get) {
        stack.push(locals.get(get.getLocal()));
      } else if (insn instanceof WasmInt32Constant c) {
        stack.push(c.getValue());
      } else if (insn instanceof WasmIntBinary op) {
        int y = (Integer) stack.pop();
        int x = (Integer) stack.pop();
        stack.push(op.getOperation() == WasmIntBinaryOperation.MUL ? x * y : x + y);
      } else if (insn instanceof WasmStructGet get) {
        Object[] o = (Object[]) stack.pop();
        int field = get.getType() == object ? get.getFieldIndex() : get.getFieldIndex() + 1;
        stack.push(o[get.getType() == object ? 0 : field]);
      } else if (insn instanceof WasmCast cast) {
        Object[] vt = (Object[]) stack.peek();
        WasmStructure target =
            (WasmStructure) ((WasmType.CompositeReference) cast.getTargetType()).composite;
        WasmStructure actual = (WasmStructure) vt[0];
        if (actual != target && !target.isSupertypeOf(actual)) {
          throw new AssertionError("cast of " + actual.getName() + " to " + target.getName());
        }
      } else if (insn instanceof WasmCallReference ref) {
        stack.push(
            callWith((WasmFunction) stack.pop(), ref.getType().getParameterTypes().size(), stack));
      } else if (insn instanceof WasmCall c) {
        WasmFunction callee = c.getFunction();
        stack.push(callWith(callee, callee.getType().getParameterTypes().size(), stack));
      } else if (insn instanceof WasmBlock block) {
        exec(block.getBody(), stack, locals);
      } else {
        throw new AssertionError("not interpreted: " + insn.getClass().getSimpleName());
      }
    }
  }

  private Object callWith(WasmFunction f, int count, Deque<Object> stack) {
    Object[] args = new Object[count];
    for (int i = count - 1; i >= 0; i--) {
      args[i] = stack.pop();
    }
    return call(f, args);
  }
}
