package org.broadsheet.web.teavm;

import java.util.ArrayList;
import java.util.List;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.BinaryInstruction;
import org.teavm.model.instructions.BinaryOperation;
import org.teavm.model.instructions.CastNumberInstruction;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.model.instructions.NumericOperandType;

/**
 * JavaScript target only: TeaVM computes {@code float} arithmetic in JS doubles and never rounds to
 * float, so Lucene's float maths drifts from the JVM's. That changes BM25 scores in the last bits
 * and, worse, breaks code that turns float products into file offsets ({@code
 * DirectMonotonicReader} multiplies a float average by an index): the stored-fields index then
 * points into the wrong chunk. This transformer rounds the result of every float add, subtract,
 * multiply, divide, remainder and conversion to float with {@code Math.fround}, which is exactly
 * Java's float semantics.
 */
public final class ExactFloatsForJs implements ClassHolderTransformer {
  private static final java.util.Set<BinaryOperation> ARITHMETIC =
      java.util.EnumSet.of(
          BinaryOperation.ADD,
          BinaryOperation.SUBTRACT,
          BinaryOperation.MULTIPLY,
          BinaryOperation.DIVIDE,
          BinaryOperation.MODULO);
  private static final MethodReference FROUND =
      new MethodReference(
          "org.broadsheet.web.jdk.JsFloats", "fround", ValueType.FLOAT, ValueType.FLOAT);

  @Override
  public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
    if (!cls.getName().startsWith("org.apache.lucene.")
        && !cls.getName().startsWith("org.broadsheet.")) {
      return;
    }
    if (cls.getName().equals("org.broadsheet.web.jdk.JsFloats")) {
      return;
    }
    for (MethodHolder method : cls.getMethods()) {
      if (method.getProgram() != null) {
        round(method.getProgram());
      }
    }
  }

  private static void round(Program program) {
    List<Instruction> floats = new ArrayList<>();
    for (int b = 0; b < program.basicBlockCount(); b++) {
      BasicBlock block = program.basicBlockAt(b);
      for (Instruction insn : block) {
        if (insn instanceof BinaryInstruction bin
            && bin.getOperandType() == NumericOperandType.FLOAT
            && ARITHMETIC.contains(bin.getOperation())) {
          floats.add(insn);
        } else if (insn instanceof CastNumberInstruction cast
            && cast.getTargetType() == NumericOperandType.FLOAT) {
          floats.add(insn);
        }
      }
    }
    for (Instruction insn : floats) {
      Variable exact =
          insn instanceof BinaryInstruction bin
              ? bin.getReceiver()
              : ((CastNumberInstruction) insn).getReceiver();
      if (exact == null) {
        continue;
      }
      Variable raw = program.createVariable();
      if (insn instanceof BinaryInstruction bin) {
        bin.setReceiver(raw);
      } else {
        ((CastNumberInstruction) insn).setReceiver(raw);
      }
      InvokeInstruction fround = new InvokeInstruction();
      fround.setType(InvocationType.SPECIAL);
      fround.setMethod(FROUND);
      fround.setArguments(raw);
      fround.setReceiver(exact);
      fround.setLocation(insn.getLocation());
      insn.insertNext(fround);
    }
  }
}
