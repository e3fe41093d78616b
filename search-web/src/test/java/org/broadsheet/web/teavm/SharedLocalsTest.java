package org.broadsheet.web.teavm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.teavm.backend.wasm.WasmFunctionTypes;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.WasmTag;
import org.teavm.backend.wasm.model.WasmType;
import org.teavm.backend.wasm.model.instruction.WasmBlock;
import org.teavm.backend.wasm.model.instruction.WasmBranch;
import org.teavm.backend.wasm.model.instruction.WasmBreak;
import org.teavm.backend.wasm.model.instruction.WasmCall;
import org.teavm.backend.wasm.model.instruction.WasmCatchClause;
import org.teavm.backend.wasm.model.instruction.WasmDrop;
import org.teavm.backend.wasm.model.instruction.WasmGetLocal;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.backend.wasm.model.instruction.WasmInstructionList;
import org.teavm.backend.wasm.model.instruction.WasmInt32Constant;
import org.teavm.backend.wasm.model.instruction.WasmSetLocal;
import org.teavm.backend.wasm.model.instruction.WasmTry;

/** SharedLocals on small functions: which locals may share a slot, and which must not. */
class SharedLocalsTest {
  private final WasmModule module = new WasmModule();
  private final WasmFunctionTypes types = new WasmFunctionTypes(module);
  private final WasmFunction f = new WasmFunction(types.of(null, WasmType.INT32));
  private final WasmLocal param = local("param");

  private WasmLocal local(String name) {
    WasmLocal l = new WasmLocal(WasmType.INT32, name);
    f.add(l);
    return l;
  }

  private static void set(WasmInstructionList code, WasmLocal l, int value) {
    code.add(new WasmInt32Constant(value));
    code.add(new WasmSetLocal(l));
  }

  private static void use(WasmInstructionList code, WasmLocal l) {
    code.add(new WasmGetLocal(l));
    code.add(new WasmDrop());
  }

  /** The local each local.get/set of the code names, in order. */
  private static List<WasmLocal> named(WasmInstructionList code) {
    List<WasmLocal> out = new ArrayList<>();
    for (WasmInstruction insn : code) {
      if (insn instanceof WasmGetLocal get) {
        out.add(get.getLocal());
      } else if (insn instanceof WasmSetLocal set) {
        out.add(set.getLocal());
      } else if (insn instanceof WasmBlock block) {
        out.addAll(named(block.getBody()));
      }
    }
    return out;
  }

  @Test
  void oneAfterTheOtherShareASlot() {
    WasmLocal a = local("a");
    WasmLocal b = local("b");
    set(f.getBody(), a, 1);
    use(f.getBody(), a);
    set(f.getBody(), b, 2);
    use(f.getBody(), b);

    use(f.getBody(), param);

    assertEquals(1, SharedLocals.share(f));

    assertEquals(List.of(param, a), f.getLocalVariables());
    assertEquals(List.of(a, a, a, a, param), named(f.getBody()));
    assertEquals(1, a.getIndex());
  }

  @Test
  void overlappingLivesKeepTheirSlots() {
    WasmLocal a = local("a");
    WasmLocal b = local("b");
    set(f.getBody(), a, 1);
    set(f.getBody(), b, 2);
    use(f.getBody(), a);
    use(f.getBody(), b);
    use(f.getBody(), param);

    assertEquals(0, SharedLocals.share(f));
    assertEquals(List.of(a, b, a, b, param), named(f.getBody()));
  }

  @Test
  void aLocalThatMayReadItsDefaultKeepsItsOwnSlot() {
    WasmLocal a = local("a");
    WasmLocal b = local("b");
    set(f.getBody(), a, 1);
    use(f.getBody(), a);
    // b is read before it is ever set: it reads 0, never a's 1
    use(f.getBody(), b);
    set(f.getBody(), b, 2);
    use(f.getBody(), param);

    assertEquals(0, SharedLocals.share(f));
    assertEquals(List.of(a, a, b, b, param), named(f.getBody()));
  }

  @Test
  void aValueLivesAroundItsLoop() {
    WasmLocal a = local("a");
    WasmLocal c = local("c");
    WasmLocal d = local("d");
    set(f.getBody(), a, 1);
    WasmBlock loop = new WasmBlock(true);
    f.getBody().add(loop);
    // a's last access comes before c's first, but the loop runs again and reads a: c must not
    // take a's slot
    use(loop.getBody(), a);
    set(loop.getBody(), c, 2);
    use(loop.getBody(), c);
    loop.getBody().add(new WasmGetLocal(param));
    loop.getBody().add(new WasmBranch(loop.getBody()));
    // after the loop, a is dead: d may take its slot
    set(f.getBody(), d, 3);
    use(f.getBody(), d);
    use(f.getBody(), param);

    assertEquals(1, SharedLocals.share(f));
    assertEquals(List.of(a, a, c, c, param, a, a, param), named(f.getBody()));
  }

  @Test
  void aCopyIntoALocalThatTakesTheSourceSlotDisappears() {
    WasmLocal a = local("a");
    WasmLocal b = local("b");
    set(f.getBody(), a, 1);
    f.getBody().add(new WasmGetLocal(a));
    f.getBody().add(new WasmSetLocal(b));
    use(f.getBody(), b);
    use(f.getBody(), param);

    assertEquals(1, SharedLocals.share(f));

    assertEquals(List.of(a, a, param), named(f.getBody()));
    assertSame(
        a,
        ((WasmGetLocal) f.getBody().getLast().getPrevious().getPrevious().getPrevious())
            .getLocal());
  }

  @Test
  void aLocalTakesTheSlotOfAParameterNoLongerRead() {
    WasmLocal a = local("a");
    use(f.getBody(), param);
    set(f.getBody(), a, 1);
    use(f.getBody(), a);

    assertEquals(1, SharedLocals.share(f));
    assertEquals(List.of(param), f.getLocalVariables());
    assertEquals(List.of(param, param, param), named(f.getBody()));
  }

  @Test
  void aLocalThatMayReadItsDefaultDoesNotTakeAParameterSlot() {
    WasmLocal b = local("b");
    // the parameter is never read, but b reads 0 before it is set, never the argument
    use(f.getBody(), b);
    set(f.getBody(), b, 2);
    use(f.getBody(), b);

    assertEquals(0, SharedLocals.share(f));
    assertEquals(List.of(param, b), f.getLocalVariables());
  }

  @Test
  void aValueReadWhereAnExceptionIsCaughtLivesUntilTheCallThatMayThrow() {
    WasmLocal a = local("a");
    WasmLocal b = local("b");
    WasmFunction g = new WasmFunction(types.of(null));
    // block done { block caught { try (catch -> caught) { a = 1; b = 2; use b; g(); br done } }
    //   use a }: only the handler reads a, so b must not take its slot before the call
    WasmBlock done = new WasmBlock(false);
    WasmBlock caught = new WasmBlock(false);
    WasmTry body = new WasmTry();
    body.getCatches()
        .add(new WasmCatchClause(new WasmTag(types.of(null)), false, caught.getBody()));
    set(body.getBody(), a, 1);
    set(body.getBody(), b, 2);
    use(body.getBody(), b);
    body.getBody().add(new WasmCall(g));
    body.getBody().add(new WasmBreak(done.getBody()));
    caught.getBody().add(body);
    done.getBody().add(caught);
    use(done.getBody(), a);
    f.getBody().add(done);
    use(f.getBody(), param);

    assertEquals(0, SharedLocals.share(f));
    assertEquals(List.of(param, a, b), f.getLocalVariables());
  }
}
