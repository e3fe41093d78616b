package org.broadsheet.web.teavm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.teavm.backend.wasm.WasmFunctionTypes;
import org.teavm.backend.wasm.model.WasmFunction;
import org.teavm.backend.wasm.model.WasmGlobal;
import org.teavm.backend.wasm.model.WasmLocal;
import org.teavm.backend.wasm.model.WasmModule;
import org.teavm.backend.wasm.model.WasmType;
import org.teavm.backend.wasm.model.instruction.WasmCall;
import org.teavm.backend.wasm.model.instruction.WasmDrop;
import org.teavm.backend.wasm.model.instruction.WasmFunctionReference;
import org.teavm.backend.wasm.model.instruction.WasmGetLocal;
import org.teavm.backend.wasm.model.instruction.WasmSetLocal;
import org.teavm.model.MethodReference;
import org.teavm.model.ValueType;

/** ModuleLayout on small modules: only the order of functions, globals and locals changes. */
class ModuleLayoutTest {
  private final WasmModule module = new WasmModule();
  private final WasmFunctionTypes types = new WasmFunctionTypes(module);

  private WasmFunction function(String owner, String name) {
    WasmFunction f = new WasmFunction(types.of(null));
    f.setName(owner + "::" + name);
    f.setJavaMethod(new MethodReference(owner, name, ValueType.VOID));
    module.functions.add(f);
    return f;
  }

  private static List<String> names(Iterable<WasmFunction> functions) {
    List<String> out = new ArrayList<>();
    functions.forEach(f -> out.add(f.getName()));
    return out;
  }

  @Test
  void theMostCalledComeFirstThenTheOthersByClass() {
    WasmFunction imported = new WasmFunction(types.of(null));
    imported.setName("import");
    imported.setImportName("f");
    imported.setImportModule("m");
    module.functions.add(imported);
    WasmFunction b1 = function("org.b.B", "one");
    WasmFunction a1 = function("org.a.A", "one");
    WasmFunction b2 = function("org.b.B", "two");
    WasmFunction hot = function("org.c.C", "hot");
    WasmFunction a2 = function("org.a.A", "two");
    for (int i = 0; i < 3; i++) {
      b1.getBody().add(new WasmCall(hot));
    }
    b1.getBody().add(new WasmCall(a2));

    // the import takes one of the two one-byte places, the most called function the other
    ModuleLayout.sortFunctions(module, 2);

    assertEquals(
        List.of(
            "import",
            "org.c.C::hot",
            "org.a.A::one",
            "org.a.A::two",
            "org.b.B::one",
            "org.b.B::two"),
        names(module.functions));
    assertEquals(0, module.functions.indexOf(imported));
    assertEquals(1, module.functions.indexOf(hot));
    assertSame(a2, ((WasmCall) b1.getBody().getLast()).getFunction());
    assertEquals(3, module.functions.indexOf(a2));
  }

  @Test
  void globalsByKindThenName() {
    for (String name : List.of("B@vt", "A@class", "teavm@string<1>x", "A@vt", "B@class")) {
      module.globals.add(new WasmGlobal(name, WasmType.INT32));
    }
    ModuleLayout.sortGlobals(module);
    List<String> order = new ArrayList<>();
    module.globals.forEach(g -> order.add(g.getName()));
    assertEquals(List.of("A@class", "B@class", "teavm@string<1>x", "A@vt", "B@vt"), order);
  }

  @Test
  void onlyFunctionsNamedByCodeAloneStayDeclared() {
    WasmFunction method = function("org.a.A", "method");
    WasmFunction lambda = function("org.a.A", "lambda");
    WasmFunction user = function("org.a.A", "user");
    method.setReferenced(true);
    lambda.setReferenced(true);
    WasmGlobal table = new WasmGlobal("A@vt", WasmType.FUNC);
    table.getInitialValue().add(new WasmFunctionReference(method));
    module.globals.add(table);
    user.getBody().add(new WasmFunctionReference(method));
    user.getBody().add(new WasmDrop());
    user.getBody().add(new WasmFunctionReference(lambda));
    user.getBody().add(new WasmDrop());

    assertEquals(1, ModuleLayout.undeclareGlobalReferences(module));

    assertFalse(method.isReferenced()); // a global names it: declared by that
    assertTrue(lambda.isReferenced());
  }

  @Test
  void localsAfterTheParametersRunByType() {
    WasmFunction f = new WasmFunction(types.of(null, WasmType.ANY));
    module.functions.add(f);
    WasmLocal self = new WasmLocal(WasmType.ANY, "this");
    WasmLocal i = new WasmLocal(WasmType.INT32, "i");
    WasmLocal r = new WasmLocal(WasmType.EQ, "r");
    WasmLocal j = new WasmLocal(WasmType.INT32, "j");
    WasmLocal s = new WasmLocal(WasmType.EQ, "s");
    for (WasmLocal local : List.of(self, i, r, j, s)) {
      f.add(local);
    }
    f.getBody().add(new WasmGetLocal(j));
    f.getBody().add(new WasmSetLocal(i));

    ModuleLayout.groupLocals(module);

    assertEquals(List.of(self, i, j, r, s), f.getLocalVariables());
    for (int k = 0; k < 5; k++) {
      assertEquals(k, f.getLocalVariables().get(k).getIndex());
    }
    assertSame(j, ((WasmGetLocal) f.getBody().getFirst()).getLocal());
    assertEquals(2, ((WasmGetLocal) f.getBody().getFirst()).getLocal().getIndex());
  }
}
