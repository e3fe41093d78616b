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
import org.teavm.backend.wasm.model.WasmType;
import org.teavm.backend.wasm.model.instruction.WasmBlock;
import org.teavm.backend.wasm.model.instruction.WasmDrop;
import org.teavm.backend.wasm.model.instruction.WasmGetLocal;
import org.teavm.backend.wasm.model.instruction.WasmInstruction;
import org.teavm.backend.wasm.model.instruction.WasmInstructionList;
import org.teavm.backend.wasm.model.instruction.WasmInt32Constant;
import org.teavm.backend.wasm.model.instruction.WasmSetLocal;

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

    assertEquals(1, SharedLocals.share(f));

    assertEquals(List.of(param, a), f.getLocalVariables());
    assertEquals(List.of(a, a, a, a), named(f.getBody()));
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

    assertEquals(0, SharedLocals.share(f));
    assertEquals(List.of(a, b, a, b), named(f.getBody()));
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

    assertEquals(0, SharedLocals.share(f));
    assertEquals(List.of(a, a, b, b), named(f.getBody()));
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
    // after the loop, a is dead: d may take its slot
    set(f.getBody(), d, 3);
    use(f.getBody(), d);

    assertEquals(1, SharedLocals.share(f));
    assertEquals(List.of(a, a, c, c, a, a), named(f.getBody()));
  }

  @Test
  void aCopyIntoALocalThatTakesTheSourceSlotDisappears() {
    WasmLocal a = local("a");
    WasmLocal b = local("b");
    set(f.getBody(), a, 1);
    f.getBody().add(new WasmGetLocal(a));
    f.getBody().add(new WasmSetLocal(b));
    use(f.getBody(), b);

    assertEquals(1, SharedLocals.share(f));

    assertEquals(List.of(a, a), named(f.getBody()));
    assertSame(a, ((WasmGetLocal) f.getBody().getLast().getPrevious()).getLocal());
  }
}
