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
import org.teavm.backend.wasm.model.WasmGlobal;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.WasmStructure;
import org.teavm.backend.wasm.model.WasmType;
import org.teavm.backend.wasm.model.instruction.WasmBlock;
import org.teavm.backend.wasm.model.instruction.WasmCall;
import org.teavm.backend.wasm.model.instruction.WasmConditional;
import org.teavm.backend.wasm.model.instruction.WasmGetGlobal;
import org.teavm.backend.wasm.model.instruction.WasmGetLocal;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.backend.wasm.model.instruction.WasmInstructionBuilder;
import org.teavm.backend.wasm.model.instruction.WasmInstructionList;
import org.teavm.backend.wasm.model.instruction.WasmInt32Constant;
import org.teavm.backend.wasm.model.instruction.WasmStructGet;
import org.teavm.backend.wasm.model.instruction.WasmStructNewDefault;
import org.teavm.backend.wasm.model.instruction.WasmStructSet;
import org.teavm.backend.wasm.model.instruction.WasmTeeLocal;

/**
 * SharedAllocations on functions that allocate as TeaVM does, run before and after by a small
 * interpreter: each function returns an object of the same type with the same virtual table and
 * constructor's field, and only classes allocated at enough sites get an allocation function.
 */
class SharedAllocationsTest {
  private final WasmModule module = new WasmModule();
  private final WasmFunctionTypes types = new WasmFunctionTypes(module);
  private final WasmStructure point = structure("Point");
  private final WasmStructure rare = structure("Rare");
  private final WasmGlobal pointTable = table("Point.vt");
  private final WasmGlobal otherTable = table("Other.vt");
  private final WasmGlobal rareTable = table("Rare.vt");
  private final WasmFunction init;

  SharedAllocationsTest() {
    init = new WasmFunction(types.of(null, point.getReference(), WasmType.INT32));
    WasmLocal self = new WasmLocal(point.getReference(), "this");
    WasmLocal x = new WasmLocal(WasmType.INT32, "x");
    init.add(self);
    init.add(x);
    init.getBody().builder().getLocal(self).getLocal(x).structSet(point, 1);
    module.functions.add(init);
  }

  private WasmStructure structure(String name) {
    WasmStructure s =
        new WasmStructure(
            name,
            fields -> {
              fields.add(new WasmField(WasmType.STRUCT, "vt"));
              fields.add(new WasmField(WasmType.INT32, "x"));
            });
    s.init();
    module.types.add(s);
    return s;
  }

  private WasmGlobal table(String name) {
    WasmGlobal g = new WasmGlobal(name, WasmType.STRUCT);
    g.setImmutable(true);
    module.globals.add(g);
    return g;
  }

  /** new T(x) as TeaVM writes it, returning the object; inside a block when nested. */
  private WasmFunction allocating(WasmStructure type, WasmGlobal vt, int x, boolean nested) {
    WasmFunction f = new WasmFunction(types.of(type.getReference()));
    WasmLocal object = new WasmLocal(type.getReference(), "object");
    f.add(object);
    WasmInstructionList list = f.getBody();
    if (nested) {
      WasmInstructionBuilder outer = list.builder();
      outer.i32Const(1);
      WasmConditional cond = outer.conditional();
      WasmBlock block = new WasmBlock(false);
      cond.getThenBlock().add(block);
      list = block.getBody();
    }
    WasmInstructionBuilder b = list.builder();
    b.structNewDefault(type).teeLocal(object).getGlobal(vt).structSet(type, 0).getLocal(object);
    b.i32Const(x).call(init);
    f.getBody().builder().getLocal(object);
    module.functions.add(f);
    return f;
  }

  @Test
  void sitesCallOneFunctionPerClassAndTableAndReturnTheSameObjects() {
    List<WasmFunction> sites = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sites.add(allocating(point, pointTable, i, i == 1));
    }
    for (int i = 0; i < 3; i++) {
      sites.add(allocating(point, otherTable, 10 + i, false)); // a subclass with Point's layout
    }
    sites.add(allocating(rare, rareTable, 20, false));
    sites.add(allocating(rare, rareTable, 21, false));
    List<String> before = new ArrayList<>();
    for (WasmFunction f : sites) {
      before.add(run(f));
    }

    assertEquals(6, SharedAllocations.rewrite(module, types, 3));

    List<String> after = new ArrayList<>();
    for (WasmFunction f : sites) {
      after.add(run(f));
    }
    assertEquals(before, after);
    WasmFunction first = calledAllocation(sites.get(0));
    assertSame(first, calledAllocation(sites.get(1)), "the nested site too");
    assertNotSame(first, calledAllocation(sites.get(3)), "another table, another function");
    assertEquals(null, calledAllocation(sites.get(6)), "two sites keep their code");
  }

  @Test
  void aSiteWhoseLocalHasAnotherTypeKeepsItsCode() {
    WasmFunction f = new WasmFunction(types.of(WasmType.STRUCT));
    WasmLocal object = new WasmLocal(WasmType.STRUCT, "object");
    f.add(object);
    f.getBody()
        .builder()
        .structNewDefault(point)
        .teeLocal(object)
        .getGlobal(pointTable)
        .structSet(point, 0)
        .getLocal(object);
    module.functions.add(f);
    allocating(point, pointTable, 1, false);
    allocating(point, pointTable, 2, false);

    assertEquals(2, SharedAllocations.rewrite(module, types, 2));
    assertEquals(null, calledAllocation(f));
  }

  private WasmFunction calledAllocation(WasmFunction f) {
    List<WasmFunction> out = new ArrayList<>();
    find(f.getBody(), out);
    return out.isEmpty() ? null : out.get(0);
  }

  private void find(WasmInstructionList list, List<WasmFunction> out) {
    for (WasmInstruction insn : list) {
      if (insn instanceof WasmCall call && call.getFunction() != init) {
        out.add(call.getFunction());
      } else if (insn instanceof WasmBlock block) {
        find(block.getBody(), out);
      } else if (insn instanceof WasmConditional cond) {
        find(cond.getThenBlock(), out);
      }
    }
  }

  /** The returned object: its type, table and field. */
  private String run(WasmFunction f) {
    Object[] o = (Object[]) call(f);
    return o[o.length - 1] + " " + ((WasmGlobal) o[0]).getName() + " " + o[1];
  }

  /** A struct is an Object[] of its fields and, last, its type's name. */
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
      } else if (insn instanceof WasmTeeLocal tee) {
        locals.put(tee.getLocal(), stack.peek());
      } else if (insn instanceof WasmGetGlobal get) {
        stack.push(get.getGlobal());
      } else if (insn instanceof WasmInt32Constant c) {
        stack.push(c.getValue());
      } else if (insn instanceof WasmStructNewDefault make) {
        Object[] o = new Object[make.getType().getFields().size() + 1];
        o[o.length - 1] = make.getType().getName();
        stack.push(o);
      } else if (insn instanceof WasmStructSet set) {
        Object value = stack.pop();
        ((Object[]) stack.pop())[set.getFieldIndex()] = value;
      } else if (insn instanceof WasmStructGet get) {
        stack.push(((Object[]) stack.pop())[get.getFieldIndex()]);
      } else if (insn instanceof WasmCall c) {
        WasmFunction callee = c.getFunction();
        Object[] args = new Object[callee.getType().getParameterTypes().size()];
        for (int i = args.length - 1; i >= 0; i--) {
          args[i] = stack.pop();
        }
        Object result = call(callee, args);
        if (!callee.getType().getReturnTypes().isEmpty()) {
          stack.push(result);
        }
      } else if (insn instanceof WasmBlock block) {
        exec(block.getBody(), stack, locals);
      } else if (insn instanceof WasmConditional cond) {
        exec((Integer) stack.pop() != 0 ? cond.getThenBlock() : cond.getElseBlock(), stack, locals);
      } else {
        throw new AssertionError("not interpreted: " + insn.getClass().getSimpleName());
      }
    }
  }
}
