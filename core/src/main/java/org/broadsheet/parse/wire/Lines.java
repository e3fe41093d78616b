package org.broadsheet.parse.wire;

import java.util.ArrayList;
import java.util.List;

/** The lines of a body, each classified once, in one pass over the text. */
final class Lines {
  /** How a line reads. */
  enum Kind {
    BLANK,
    TABLE,
    PROSE
  }

  /** One line: its raw text (no line break), 1-based number, kind and indentation. */
  record Line(String text, int number, Kind kind, int indent) {
    String content() {
      return text.strip();
    }
  }

  private Lines() {}

  static List<Line> of(String text, int start, int end, int firstLine) {
    List<Line> lines = new ArrayList<>();
    int number = firstLine;
    int from = start;
    while (from <= end) {
      int nl = text.indexOf('\n', from);
      int to = nl < 0 || nl > end ? end : nl;
      String line = text.substring(from, to);
      lines.add(new Line(line, number, kind(line), indent(line)));
      number++;
      from = to + 1;
    }
    return lines;
  }

  static int indent(String line) {
    int n = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\u00a0') {
        n++;
      } else if (c == '\t') {
        n += 4;
      } else {
        break;
      }
    }
    return n;
  }

  static Kind kind(String line) {
    int first = 0;
    int last = line.length() - 1;
    while (first <= last && isBlank(line.charAt(first))) {
      first++;
    }
    while (last >= first && isBlank(line.charAt(last))) {
      last--;
    }
    if (first > last) {
      return Kind.BLANK;
    }
    if (last - first > 140) {
      return Kind.PROSE;
    }
    int gaps = 0;
    int run = 0;
    boolean digits = false;
    for (int i = first; i <= last; i++) {
      char c = line.charAt(i);
      digits |= Character.isDigit(c);
      if (c == '\t') {
        gaps += 2;
        run = 0;
      } else if (c == ' ') {
        run++;
        if (run == 3) {
          gaps += 2;
        }
      } else {
        if (run == 2) {
          gaps++;
        }
        run = 0;
      }
    }
    return gaps >= 2 && (digits || gaps >= 4) ? Kind.TABLE : Kind.PROSE;
  }

  /** A rule line such as {@code -----} or {@code ======} (part of a table when next to one). */
  static boolean isRule(String content) {
    if (content.length() < 3) {
      return false;
    }
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c != '-' && c != '=' && c != '_' && c != '*' && c != ' ' && c != '+' && c != '|') {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\u00a0';
  }
}
