package org.broadsheet.web.teavm;

import java.util.ArrayList;
import java.util.List;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.Program;
import org.teavm.model.instructions.GetFieldInstruction;
import org.teavm.model.instructions.IntegerConstantInstruction;

/**
 * Compiles every {@code assert} out of the runtime. TeaVM's own assertion removal only makes {@code
 * desiredAssertionStatus()} false, so each class's {@code $assertionsDisabled} is set at run time
 * and every assertion (Lucene has hundreds), with its condition and message, is still compiled in
 * behind a field read. Here that read becomes the constant {@code true}, which TeaVM's optimizer
 * folds, dropping the assertion's code.
 */
public final class NoAssertions implements ClassHolderTransformer {
  private static final String FLAG = "$assertionsDisabled";

  @Override
  public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
    for (MethodHolder method : cls.getMethods()) {
      Program program = method.getProgram();
      if (program == null) {
        continue;
      }
      List<GetFieldInstruction> reads = new ArrayList<>();
      for (int b = 0; b < program.basicBlockCount(); b++) {
        for (Instruction insn : program.basicBlockAt(b)) {
          if (insn instanceof GetFieldInstruction get
              && get.getInstance() == null
              && get.getField().getFieldName().equals(FLAG)) {
            reads.add(get);
          }
        }
      }
      for (GetFieldInstruction get : reads) {
        IntegerConstantInstruction disabled = new IntegerConstantInstruction();
        disabled.setConstant(1);
        disabled.setReceiver(get.getReceiver());
        disabled.setLocation(get.getLocation());
        get.replace(disabled);
      }
    }
  }
}
