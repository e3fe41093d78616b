package org.broadsheet.web.teavm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Incoming;
import org.teavm.model.Instruction;
import org.teavm.model.InvokeDynamicInstruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.Phi;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.AssignInstruction;
import org.teavm.model.instructions.ConstructInstruction;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.model.instructions.RaiseInstruction;
import org.teavm.model.instructions.StringConstantInstruction;
import org.teavm.model.util.DefinitionExtractor;
import org.teavm.model.util.UsageExtractor;

/**
 * Leaves the text of Lucene's exception messages out of the browser runtime. Where a Lucene method
 * builds an exception and throws it, each {@code String} argument of the exception's constructor
 * becomes {@code ""}, and the constant or string concatenation that computed it right there is
 * dropped. The exception's type stays, so every {@code catch} behaves as before; only its message
 * is empty. The browser shows Lucene's messages nowhere: an index it cannot read is reported by
 * core's own messages ({@code IndexFormatException}), and a search that fails inside Lucene answers
 * {@code {"error"}} with the exception's class.
 */
public final class NoExceptionMessages implements ClassHolderTransformer {
  private static final ValueType STRING = ValueType.object("java.lang.String");
  private static final String BUILDER = "java.lang.StringBuilder";

  @Override
  public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
    if (!cls.getName().startsWith("org.apache.lucene.")) {
      return;
    }
    for (MethodHolder method : cls.getMethods()) {
      Program program = method.getProgram();
      if (program != null) {
        List<Variable> messages = new ArrayList<>();
        for (int b = 0; b < program.basicBlockCount(); b++) {
          strip(program, program.basicBlockAt(b), messages);
        }
        dropBuilders(program, messages);
      }
    }
  }

  /** The messages of the exception a block builds and throws, if it ends in a throw. */
  private static void strip(Program program, BasicBlock block, List<Variable> messages) {
    if (!(block.getLastInstruction() instanceof RaiseInstruction raise)) {
      return;
    }
    // the thrown object under each name it has in the block (the bytecode's dup: an assignment)
    Set<Variable> thrown = new HashSet<>();
    thrown.add(raise.getException());
    for (Instruction insn = raise; insn != null; insn = insn.getPrevious()) {
      if (insn instanceof AssignInstruction a && thrown.contains(a.getReceiver())) {
        thrown.add(a.getAssignee());
      }
    }
    List<InvokeInstruction> constructors = new ArrayList<>();
    boolean built = false;
    for (Instruction insn : block) {
      if (insn instanceof ConstructInstruction c && thrown.contains(c.getReceiver())) {
        built = true;
      } else if (built
          && insn instanceof InvokeInstruction init
          && thrown.contains(init.getInstance())
          && init.getMethod().getName().equals("<init>")) {
        constructors.add(init);
      }
    }
    for (InvokeInstruction init : constructors) {
      Variable[] args = init.getArguments().toArray(new Variable[0]);
      for (int i = 0; i < args.length; i++) {
        if (!init.getMethod().parameterType(i).equals(STRING)) {
          continue;
        }
        Instruction def = definition(init, args[i]);
        if (def instanceof StringConstantInstruction c && c.getConstant().isEmpty()) {
          continue;
        }
        StringConstantInstruction empty = new StringConstantInstruction();
        empty.setConstant("");
        empty.setReceiver(program.createVariable());
        empty.setLocation(init.getLocation());
        init.insertPrevious(empty);
        Variable message = args[i];
        args[i] = empty.getReceiver();
        init.setArguments(args);
        messages.add(message);
        if ((def instanceof StringConstantInstruction || def instanceof InvokeDynamicInstruction)
            && message.getDebugName() == null
            && !usedAfter(def, message)) {
          def.delete(); // a temporary that only fed this message
        }
      }
    }
  }

  /**
   * Deletes the {@code StringBuilder} that built a replaced message, where nothing else reads it:
   * TeaVM turns Java's string concatenation into a builder (new, appends, toString) before this
   * transformer runs, so a message that joins text and values kept its text in the runtime. The
   * builder goes with its appends and the string constants only they read; the values appended are
   * computed as before.
   */
  private static void dropBuilders(Program program, List<Variable> messages) {
    if (messages.isEmpty()) {
      return;
    }
    Map<Variable, Integer> uses = new HashMap<>();
    Map<Variable, Instruction> defs = new HashMap<>();
    Map<Variable, List<Instruction>> users = new HashMap<>();
    DefinitionExtractor defined = new DefinitionExtractor();
    UsageExtractor used = new UsageExtractor();
    for (int b = 0; b < program.basicBlockCount(); b++) {
      BasicBlock block = program.basicBlockAt(b);
      for (Phi phi : block.getPhis()) {
        for (Incoming in : phi.getIncomings()) {
          uses.merge(in.getValue(), 1, Integer::sum);
          users.computeIfAbsent(in.getValue(), v -> new ArrayList<>()).add(null);
        }
      }
      for (Instruction insn : block) {
        insn.acceptVisitor(used);
        for (Variable v : used.getUsedVariables()) {
          uses.merge(v, 1, Integer::sum);
          users.computeIfAbsent(v, k -> new ArrayList<>()).add(insn);
        }
        insn.acceptVisitor(defined);
        for (Variable v : defined.getDefinedVariables()) {
          defs.put(v, insn);
        }
      }
    }
    for (Variable message : messages) {
      Variable v = message;
      Instruction def = defs.get(v);
      List<Instruction> doomed = new ArrayList<>();
      while (def instanceof AssignInstruction a && uses.getOrDefault(v, 0) == 0) {
        doomed.add(a);
        v = a.getAssignee();
        uses.merge(v, -1, Integer::sum);
        def = defs.get(v);
      }
      if (uses.getOrDefault(v, 0) != 0
          || v.getDebugName() != null
          || !(def instanceof InvokeInstruction toString)
          || !isBuilderCall(toString, "toString")) {
        continue;
      }
      // the builder under each of its names (append returns it)
      Set<Variable> names = new HashSet<>();
      Instruction created = defs.get(toString.getInstance());
      Variable builder = toString.getInstance();
      while (created instanceof InvokeInstruction append && isBuilderCall(append, "append")) {
        builder = append.getInstance();
        created = defs.get(builder);
      }
      if (!(created instanceof ConstructInstruction construct)
          || !construct.getType().equals(BUILDER)) {
        continue;
      }
      List<Instruction> group = new ArrayList<>(doomed);
      group.add(construct);
      List<Variable> appended = new ArrayList<>();
      boolean dead = true;
      java.util.Deque<Variable> todo = new java.util.ArrayDeque<>(List.of(builder));
      while (!todo.isEmpty() && dead) {
        Variable b = todo.pop();
        if (!names.add(b)) {
          continue;
        }
        for (Instruction user : users.getOrDefault(b, List.of())) {
          if (!(user instanceof InvokeInstruction call)
              || call.getInstance() != b
              || call.getArguments().contains(b)
              || !(isBuilderCall(call, "append")
                  || isBuilderCall(call, "<init>")
                  || isBuilderCall(call, "toString"))) {
            dead = false;
            break;
          }
          group.add(call);
          appended.addAll(call.getArguments());
          if (call.getReceiver() != null) {
            if (call.getMethod().getName().equals("append")) {
              todo.push(call.getReceiver());
            } else if (call != toString && uses.getOrDefault(call.getReceiver(), 0) != 0) {
              dead = false;
            }
          }
        }
      }
      if (!dead) {
        continue;
      }
      for (Instruction insn : group) {
        if (insn.getBasicBlock() != null) {
          insn.delete();
        }
      }
      for (Variable arg : appended) {
        if (uses.merge(arg, -1, Integer::sum) == 0
            && defs.get(arg) instanceof StringConstantInstruction c
            && c.getBasicBlock() != null) {
          c.delete();
        }
      }
    }
  }

  private static boolean isBuilderCall(InvokeInstruction call, String name) {
    return call.getMethod().getClassName().equals(BUILDER)
        && call.getMethod().getName().equals(name);
  }

  /** The instruction of the same block that last assigned {@code v} before {@code at}, or null. */
  private static Instruction definition(Instruction at, Variable v) {
    for (Instruction insn = at.getPrevious(); insn != null; insn = insn.getPrevious()) {
      if ((insn instanceof StringConstantInstruction c && c.getReceiver() == v)
          || (insn instanceof InvokeDynamicInstruction d && d.getReceiver() == v)
          || (insn instanceof AssignInstruction a && a.getReceiver() == v)
          || (insn instanceof InvokeInstruction call && call.getReceiver() == v)) {
        return insn;
      }
    }
    return null;
  }

  /** Whether an instruction after {@code def} in its block reads {@code v}. */
  private static boolean usedAfter(Instruction def, Variable v) {
    UsageExtractor usage = new UsageExtractor();
    for (Instruction insn = def.getNext(); insn != null; insn = insn.getNext()) {
      insn.acceptVisitor(usage);
      for (Variable used : usage.getUsedVariables()) {
        if (used == v) {
          return true;
        }
      }
    }
    return false;
  }
}
