package org.broadsheet.web.teavm;

import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;

/**
 * Compiles {@code ASCIIFoldingFilter.foldToASCII(char[], int, char[], int, int)} as a call to
 * {@link org.broadsheet.web.jdk.BrowserFolding#foldToASCII} with the table (layout there) that
 * Lucene's own method yields here, in the compiler, for every character: the runtime folds exactly
 * as the JVM does and carries a few KB of text instead of a 1,300-case switch.
 */
final class FoldingTable {
  static final String FILTER = "org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter";
  private static final ValueType CHARS = ValueType.arrayOf(ValueType.CHARACTER);

  private FoldingTable() {}

  /** Whether this is the static method whose body the table replaces. */
  static boolean isFold(String owner, MethodHolder method) {
    return owner.equals(FILTER)
        && method.getName().equals("foldToASCII")
        && method.parameterCount() == 5;
  }

  static void replace(MethodHolder method, ClassHolderTransformerContext context) {
    ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
    MethodReference fold =
        new MethodReference(
            "org.broadsheet.web.jdk.BrowserFolding",
            "foldToASCII",
            CHARS,
            ValueType.INTEGER,
            CHARS,
            ValueType.INTEGER,
            ValueType.INTEGER,
            ValueType.object("java.lang.String"),
            ValueType.INTEGER);
    pe.invoke(
            fold,
            pe.var(1, CHARS),
            pe.var(2, ValueType.INTEGER),
            pe.var(3, CHARS),
            pe.var(4, ValueType.INTEGER),
            pe.var(5, ValueType.INTEGER),
            pe.constant(table()))
        .returnValue();
  }

  /**
   * The table of every character Lucene folds to something else (layout in BrowserFolding): each
   * character as its distance from the one before and each folding as its length, so the table is
   * mostly small, repeating values, which the runtime's gzip shrinks far better than characters and
   * offsets.
   */
  static String table() {
    StringBuilder gaps = new StringBuilder();
    StringBuilder lengths = new StringBuilder();
    StringBuilder text = new StringBuilder();
    char[] out = new char[8];
    int previous = 0x7F;
    for (int c = 0x80; c <= 0xFFFF; c++) {
      int len = ASCIIFoldingFilter.foldToASCII(new char[] {(char) c}, 0, out, 0, 1);
      if (len == 1 && out[0] == c) {
        continue;
      }
      gaps.append((char) (c - previous));
      previous = c;
      lengths.append((char) len);
      text.append(out, 0, len);
    }
    return (char) gaps.length() + gaps.toString() + lengths + text;
  }
}
