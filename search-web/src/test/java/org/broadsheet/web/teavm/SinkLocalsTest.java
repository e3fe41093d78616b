package org.broadsheet.web.teavm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teavm.backend.wasm.WasmFunctionTypes;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmGlobal;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.WasmStructure;
import org.teavm.backend.wasm.model.WasmType;
import org.teavm.backend.wasm.model.instruction.WasmBlock;
import org.teavm.backend.wasm.model.instruction.WasmBranch;
import org.teavm.backend.wasm.model.instruction.WasmCall;
import org.teavm.backend.wasm.model.instruction.WasmCast;
import org.teavm.backend.wasm.model.instruction.WasmConditional;
import org.teavm.backend.wasm.model.instruction.WasmDrop;
import org.teavm.backend.wasm.model.instruction.WasmGetGlobal;
import org.teavm.backend.wasm.model.instruction.WasmGetLocal;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.backend.wasm.model.instruction.WasmInstructionList;
import org.teavm.backend.wasm.model.instruction.WasmInt32Constant;
import org.teavm.backend.wasm.model.instruction.WasmIntBinary;
import org.teavm.backend.wasm.model.instruction.WasmIntBinaryOperation;
import org.teavm.backend.wasm.model.instruction.WasmIntType;
import org.teavm.backend.wasm.model.instruction.WasmSetGlobal;
import org.teavm.backend.wasm.model.instruction.WasmSetLocal;
import org.teavm.backend.wasm.model.instruction.WasmTeeLocal;

/**
 * SinkLocals on small functions shaped like TeaVM's, run before and after by a small interpreter:
 * which values may move to their read, and which must stay where they are (each rule's test fails
 * without it: the moved code then computes something else).
 */
class SinkLocalsTest {
  private final WasmModule module = new WasmModule();
  private final WasmFunctionTypes types = new WasmFunctionTypes(module);

  /** Written by {@link #bump}: what a call may change behind a function's back. */
  private final WasmGlobal counter = new WasmGlobal("counter", WasmType.INT32);

  /** {@code counter += 1; return counter}. */
  private final WasmFunction bump = new WasmFunction(types.of(WasmType.INT32));

  /** {@code f(p, q)}: the function under test; returns an int. */
  private final WasmFunction f =
      new WasmFunction(types.of(WasmType.INT32, WasmType.INT32, WasmType.INT32));

  private final WasmLocal p = local("p");
  private final WasmLocal q = local("q");

  SinkLocalsTest() {
    counter.getInitialValue().add(new WasmInt32Constant(0));
    add(bump.getBody(), new WasmGetGlobal(counter), i32(1), op(WasmIntBinaryOperation.ADD));
    add(bump.getBody(), new WasmSetGlobal(counter), new WasmGetGlobal(counter));
    module.functions.add(bump);
    module.functions.add(f);
  }

  private WasmLocal local(String name) {
    WasmLocal l = new WasmLocal(WasmType.INT32, name);
    f.add(l);
    return l;
  }

  private static void add(WasmInstructionList list, WasmInstruction... code) {
    for (WasmInstruction i : code) {
      list.add(i);
    }
  }

  private static WasmInstruction i32(int value) {
    return new WasmInt32Constant(value);
  }

  private static WasmInstruction op(WasmIntBinaryOperation operation) {
    return new WasmIntBinary(WasmIntType.INT32, operation);
  }

  /** {@code f}'s answers (or "trap") for a few arguments, and what it left in the counter. */
  private List<String> answers() {
    List<String> out = new ArrayList<>();
    for (int[] args : new int[][] {{0, 0}, {1, 0}, {0, 2}, {3, 4}, {-7, 1}}) {
      Machine m = new Machine();
      String result;
      try {
        result = String.valueOf(m.run(f, args[0], args[1]));
      } catch (ArithmeticException e) {
        result = "trap";
      }
      out.add(result + "/" + m.globals.get(counter));
    }
    return out;
  }

  private boolean declares(WasmLocal local) {
    return f.getLocalVariables().contains(local);
  }

  @Test
  void aValueThatOnlyReadsLocalsMovesAcrossACall() {
    WasmLocal x = local("x");
    // x = p + 5; counter++; return x - counter
    add(f.getBody(), new WasmGetLocal(p), i32(5), op(WasmIntBinaryOperation.ADD));
    add(f.getBody(), new WasmSetLocal(x), new WasmCall(bump), new WasmDrop());
    add(f.getBody(), new WasmGetLocal(x), new WasmGetGlobal(counter));
    add(f.getBody(), op(WasmIntBinaryOperation.SUB));
    List<String> before = answers();

    int sunk = SinkLocals.sink(f);

    assertEquals(before, answers());
    assertEquals(1, sunk);
    assertFalse(declares(x));
    assertEquals(List.of(p, q), f.getLocalVariables());
    assertEquals(0, countAccesses(f.getBody(), x));
  }

  @Test
  void aValueThatReadsAGlobalStaysBeforeACall() {
    WasmLocal x = local("x");
    // x = counter; counter++; return x: the call may write what the value reads
    add(f.getBody(), new WasmGetGlobal(counter), new WasmSetLocal(x));
    add(f.getBody(), new WasmCall(bump), new WasmDrop(), new WasmGetLocal(x));
    List<String> before = answers();

    int sunk = SinkLocals.sink(f);

    assertEquals(before, answers());
    assertEquals(0, sunk);
    assertTrue(declares(x));
  }

  @Test
  void aValueStaysBeforeAWriteOfALocalItReads() {
    WasmLocal x = local("x");
    // x = p; p = 9; return x
    add(f.getBody(), new WasmGetLocal(p), new WasmSetLocal(x));
    add(f.getBody(), i32(9), new WasmSetLocal(p), new WasmGetLocal(x));
    List<String> before = answers();

    int sunk = SinkLocals.sink(f);

    assertEquals(before, answers());
    assertEquals(0, sunk);
  }

  @Test
  void aValueThatWritesStaysBeforeAnythingThatReadsWhatItWrites() {
    WasmLocal x = local("x");
    // x = bump(); return counter - x: the read of counter must see the call's write
    add(f.getBody(), new WasmCall(bump), new WasmSetLocal(x));
    add(f.getBody(), new WasmGetGlobal(counter), new WasmGetLocal(x));
    add(f.getBody(), op(WasmIntBinaryOperation.SUB));
    List<String> before = answers();

    int sunk = SinkLocals.sink(f);

    assertEquals(before, answers());
    assertEquals(0, sunk);
  }

  @Test
  void aValueThatMayTrapStaysBeforeACall() {
    WasmLocal x = local("x");
    // x = 100 / q; counter++; return x: if q is 0 the call must not have happened
    add(f.getBody(), i32(100), new WasmGetLocal(q), op(WasmIntBinaryOperation.DIV_SIGNED));
    add(f.getBody(), new WasmSetLocal(x), new WasmCall(bump), new WasmDrop());
    add(f.getBody(), new WasmGetLocal(x));
    List<String> before = answers();

    int sunk = SinkLocals.sink(f);

    assertEquals(before, answers());
    assertEquals(0, sunk);
  }

  @Test
  void aValueThatMayTrapStaysOutOfAConditional() {
    WasmLocal x = local("x");
    // x = 100 / q; if (p) return x else return 1: with q = 0 it traps whatever p is
    add(f.getBody(), i32(100), new WasmGetLocal(q), op(WasmIntBinaryOperation.DIV_SIGNED));
    add(f.getBody(), new WasmSetLocal(x), new WasmGetLocal(p));
    WasmConditional cond = new WasmConditional();
    cond.setType(types.blockType(List.of(WasmType.INT32)));
    cond.getThenBlock().add(new WasmGetLocal(x));
    cond.getElseBlock().add(i32(1));
    f.getBody().add(cond);
    List<String> before = answers();

    int sunk = SinkLocals.sink(f);

    assertEquals(before, answers());
    assertEquals(0, sunk);
  }

  @Test
  void aValueThatOnlyReadsMovesIntoAConditional() {
    WasmLocal x = local("x");
    // x = p + q; if (p) return x else return 1
    add(f.getBody(), new WasmGetLocal(p), new WasmGetLocal(q), op(WasmIntBinaryOperation.ADD));
    add(f.getBody(), new WasmSetLocal(x), new WasmGetLocal(p));
    WasmConditional cond = new WasmConditional();
    cond.setType(types.blockType(List.of(WasmType.INT32)));
    cond.getThenBlock().add(new WasmGetLocal(x));
    cond.getElseBlock().add(i32(1));
    f.getBody().add(cond);
    List<String> before = answers();

    int sunk = SinkLocals.sink(f);

    assertEquals(before, answers());
    assertEquals(1, sunk);
    assertFalse(declares(x));
  }

  @Test
  void aLocalReadTwiceIsSetWhereItIsFirstRead() {
    WasmLocal x = local("x");
    // x = p * 3; counter = q; return x + x
    add(f.getBody(), new WasmGetLocal(p), i32(3), op(WasmIntBinaryOperation.MUL));
    add(f.getBody(), new WasmSetLocal(x), new WasmGetLocal(q), new WasmSetGlobal(counter));
    add(f.getBody(), new WasmGetLocal(x), new WasmGetLocal(x), op(WasmIntBinaryOperation.ADD));
    List<String> before = answers();

    int sunk = SinkLocals.sink(f);

    assertEquals(before, answers());
    assertEquals(1, sunk);
    assertTrue(declares(x));
    assertTrue(f.getBody().getLast().getPrevious().getPrevious() instanceof WasmTeeLocal);
  }

  @Test
  void aLocalReadTwiceStaysWhereABranchMaySkipItsFirstRead() {
    WasmLocal x = local("x");
    // block { x = p + 1; br_if q; drop(x) } return x: when q is set the branch skips the first
    // read, and the second must still see p + 1
    WasmBlock block = new WasmBlock(false);
    add(block.getBody(), new WasmGetLocal(p), i32(1), op(WasmIntBinaryOperation.ADD));
    add(block.getBody(), new WasmSetLocal(x), new WasmGetLocal(q));
    add(block.getBody(), new WasmBranch(block.getBody()), new WasmGetLocal(x), new WasmDrop());
    add(f.getBody(), block, new WasmGetLocal(x));
    List<String> before = answers();

    int sunk = SinkLocals.sink(f);

    assertEquals(before, answers());
    assertEquals(0, sunk);
  }

  @Test
  void aLocalWithoutADefaultIsNotSetInsideABlockItIsReadAfter() {
    // WebAssembly counts a set of a non-null local until the end of its block only: set in the
    // block, the read after it would not validate
    WasmStructure type = new WasmStructure("S");
    WasmFunction g = new WasmFunction(types.of(WasmType.INT32, type.getReference()));
    WasmLocal s = new WasmLocal(type.getReference(), "s");
    WasmLocal r = new WasmLocal(type.getNonNullReference(), "r");
    g.add(s);
    g.add(r);
    WasmBlock block = new WasmBlock(false);
    add(block.getBody(), new WasmGetLocal(r), new WasmDrop());
    add(g.getBody(), new WasmGetLocal(s), new WasmCast(type.getNonNullReference()));
    add(g.getBody(), new WasmSetLocal(r), block, new WasmGetLocal(r), new WasmDrop(), i32(0));

    assertEquals(0, SinkLocals.sink(g));

    assertTrue(g.getBody().getFirst().getNext().getNext() instanceof WasmSetLocal);
  }

  private static int countAccesses(WasmInstructionList list, WasmLocal local) {
    int n = 0;
    for (WasmInstruction i : list) {
      if (i instanceof WasmGetLocal get && get.getLocal() == local
          || i instanceof WasmSetLocal set && set.getLocal() == local
          || i instanceof WasmTeeLocal tee && tee.getLocal() == local) {
        n++;
      }
    }
    return n;
  }

  /** Runs the few instructions these functions use; a division by zero throws. */
  private final class Machine {
    final Map<WasmGlobal, Integer> globals = new IdentityHashMap<>();

    Integer run(WasmFunction function, int... args) {
      globals.putIfAbsent(counter, 0);
      Map<WasmLocal, Integer> locals = new IdentityHashMap<>();
      List<WasmLocal> all = function.getLocalVariables();
      for (int i = 0; i < all.size(); i++) {
        locals.put(all.get(i), i < args.length ? args[i] : 0);
      }
      Deque<Integer> stack = new ArrayDeque<>();
      exec(function.getBody(), stack, locals);
      return stack.isEmpty() ? null : stack.peek();
    }

    /** The list a branch left for, or null when the list ran to its end. */
    private WasmInstructionList exec(
        WasmInstructionList list, Deque<Integer> stack, Map<WasmLocal, Integer> locals) {
      for (WasmInstruction insn : list) {
        if (insn instanceof WasmGetLocal get) {
          stack.push(locals.get(get.getLocal()));
        } else if (insn instanceof WasmSetLocal set) {
          locals.put(set.getLocal(), stack.pop());
        } else if (insn instanceof WasmTeeLocal tee) {
          locals.put(tee.getLocal(), stack.peek());
        } else if (insn instanceof WasmGetGlobal get) {
          stack.push(globals.get(get.getGlobal()));
        } else if (insn instanceof WasmSetGlobal set) {
          globals.put(set.getGlobal(), stack.pop());
        } else if (insn instanceof WasmInt32Constant c) {
          stack.push(c.getValue());
        } else if (insn instanceof WasmDrop) {
          stack.pop();
        } else if (insn instanceof WasmIntBinary binary) {
          int y = stack.pop();
          int x = stack.pop();
          stack.push(
              switch (binary.getOperation()) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV_SIGNED -> x / y;
                default -> throw new AssertionError(binary.getOperation());
              });
        } else if (insn instanceof WasmCall call) {
          stack.push(run(call.getFunction()));
        } else if (insn instanceof WasmBranch branch) {
          if (stack.pop() != 0) {
            return branch.getTarget();
          }
        } else if (insn instanceof WasmBlock block) {
          WasmInstructionList left = exec(block.getBody(), stack, locals);
          if (left != null && left != block.getBody()) {
            return left;
          }
        } else if (insn instanceof WasmConditional cond) {
          boolean yes = stack.pop() != 0;
          WasmInstructionList left =
              exec(yes ? cond.getThenBlock() : cond.getElseBlock(), stack, locals);
          if (left != null) {
            return left;
          }
        } else {
          throw new AssertionError("not interpreted: " + insn.getClass().getSimpleName());
        }
      }
      return null;
    }
  }
}
