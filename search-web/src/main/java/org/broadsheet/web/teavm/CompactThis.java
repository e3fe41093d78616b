package org.broadsheet.web.teavm;

import java.util.ArrayList;
import java.util.List;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.ElementModifier;
import org.teavm.model.Incoming;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.Phi;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.CastInstruction;
import org.teavm.model.instructions.MonitorEnterInstruction;
import org.teavm.model.instructions.MonitorExitInstruction;
import org.teavm.model.util.InstructionVariableMapper;
import org.teavm.model.util.UsageExtractor;

/**
 * Makes TeaVM 0.16's WasmGC compact mode ({@link CompactWasm}) emit valid code. In that mode a
 * method's {@code this} arrives as {@code anyref}, and TeaVM 0.16 often uses it as it is where a
 * struct is expected (a field read, a returned {@code this}, a monitor), so the function does not
 * validate ("struct.get expected type ..., found anyref"). This rewrite casts {@code this} to the
 * method's class once at the method's start (TeaVM compiles the cast to {@code ref.cast}) and gives
 * every use the cast copy. It also drops monitors ({@code synchronized} methods and blocks): the
 * browser runs the engine on one thread, and TeaVM hands a synchronized method's monitor the uncast
 * {@code this}.
 *
 * <p>Bodies TeaVM generates itself (native methods) are not IR and stay as they are: the runtime
 * must not reach one that reads {@code this} (so far only {@code WeakReference.get}, which {@link
 * LuceneForBrowser} keeps out of reach).
 */
public final class CompactThis implements ClassHolderTransformer {
  @Override
  public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
    for (MethodHolder method : cls.getMethods()) {
      method.getModifiers().remove(ElementModifier.SYNCHRONIZED);
      Program program = method.getProgram();
      if (program == null || program.basicBlockCount() == 0) {
        continue;
      }
      dropMonitors(program);
      if (!method.hasModifier(ElementModifier.STATIC) && program.variableCount() > 0) {
        castThis(program, cls.getName());
      }
    }
  }

  private static void dropMonitors(Program program) {
    List<Instruction> monitors = new ArrayList<>();
    for (int b = 0; b < program.basicBlockCount(); b++) {
      for (Instruction insn : program.basicBlockAt(b)) {
        if (insn instanceof MonitorEnterInstruction || insn instanceof MonitorExitInstruction) {
          monitors.add(insn);
        }
      }
    }
    monitors.forEach(Instruction::delete);
  }

  private static void castThis(Program program, String owner) {
    Variable self = program.variableAt(0);
    List<Instruction> uses = new ArrayList<>();
    List<Incoming> phiUses = new ArrayList<>();
    UsageExtractor usage = new UsageExtractor();
    for (int b = 0; b < program.basicBlockCount(); b++) {
      BasicBlock block = program.basicBlockAt(b);
      for (Phi phi : block.getPhis()) {
        for (Incoming in : phi.getIncomings()) {
          if (in.getValue() == self) {
            phiUses.add(in);
          }
        }
      }
      for (Instruction insn : block) {
        insn.acceptVisitor(usage);
        for (Variable v : usage.getUsedVariables()) {
          if (v == self) {
            uses.add(insn);
            break;
          }
        }
      }
    }
    if (uses.isEmpty() && phiUses.isEmpty()) {
      return;
    }
    CastInstruction cast = new CastInstruction();
    cast.setWeak(true);
    cast.setValue(self);
    cast.setTargetType(ValueType.object(owner));
    cast.setReceiver(program.createVariable());
    Variable typed = cast.getReceiver();
    program.basicBlockAt(0).addFirst(cast);
    InstructionVariableMapper mapper = new InstructionVariableMapper(v -> v == self ? typed : v);
    for (Instruction insn : uses) {
      insn.acceptVisitor(mapper);
    }
    for (Incoming in : phiUses) {
      in.setValue(typed);
    }
  }
}
