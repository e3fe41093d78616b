package org.broadsheet.parse.wire;

import java.util.List;

/**
 * Un-glues paragraphs a scraper joined into one line. A run of white space that holds a {@code
 * U+00A0} and is at least two characters long ({@code "practice.\u00a0 He went"}) is where a
 * paragraph ended; a lone NBSP between two words is content ({@code 10\u00a0km}) and stays. Every
 * other run of white space, line breaks included, becomes one space.
 */
final class Glue {
  private Glue() {}

  static void split(String raw, int firstLine, List<Block> out) {
    StringBuilder para = new StringBuilder();
    int line = firstLine;
    int paraLine = firstLine;
    int i = 0;
    int n = raw.length();
    while (i < n) {
      if (!isSpace(raw.charAt(i))) {
        if (para.length() == 0) {
          paraLine = line;
        }
        int word = i;
        while (i < n && !isSpace(raw.charAt(i))) {
          i++;
        }
        para.append(raw, word, i);
        continue;
      }
      int runStart = i;
      boolean nbsp = false;
      int breaks = 0;
      while (i < n && isSpace(raw.charAt(i))) {
        nbsp |= raw.charAt(i) == '\u00a0';
        breaks += raw.charAt(i) == '\n' ? 1 : 0;
        i++;
      }
      line += breaks;
      int length = i - runStart;
      if (nbsp && length >= 2) {
        emit(para, paraLine, out);
      } else if (para.length() > 0 && i < n) {
        para.append(nbsp && breaks == 0 ? '\u00a0' : ' ');
      }
    }
    emit(para, paraLine, out);
  }

  private static void emit(StringBuilder para, int line, List<Block> out) {
    if (para.length() > 0) {
      out.add(Block.paragraph(para.toString(), line));
      para.setLength(0);
    }
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u00a0';
  }
}
