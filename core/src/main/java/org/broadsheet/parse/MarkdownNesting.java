package org.broadsheet.parse;

import java.util.Optional;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.LineMap;

/**
 * How deeply a Markdown file nests quotes and lists. flexmark recurses once per level and rescans
 * the rest of the line at each: a 6 KB line of {@code - - - ... x} took a second and a few thousand
 * levels overflowed the stack (both found by fuzzing). Real articles nest a handful of levels; a
 * line that opens more than {@value #MAX_DEPTH} is refused before flexmark reads it, as markdown-it
 * bounds its nesting at 100. Deeper nesting built over many lines (each indented further) can still
 * reach the stack limit, which {@link MarkdownParser} catches; that takes megabytes.
 */
final class MarkdownNesting {
  static final int MAX_DEPTH = 100;

  private MarkdownNesting() {}

  /** An error at the first line that opens more than {@value #MAX_DEPTH} quotes and lists. */
  static Optional<Diagnostic> tooDeep(String path, LineMap lines) {
    for (int line = 1; line <= lines.lineCount(); line++) {
      if (lines.lineLength(line) <= MAX_DEPTH) {
        continue; // each level takes a character at least ('>'), so a short line cannot be too deep
      }
      int depth = depth(lines.lineText(line));
      if (depth > MAX_DEPTH) {
        return Optional.of(
            Diagnostic.error(
                path,
                line,
                1,
                "Markdown nested "
                    + depth
                    + " levels deep (quotes or"
                    + " lists inside each other; at most "
                    + MAX_DEPTH
                    + "); article left out",
                lines.lineText(line)));
      }
    }
    return Optional.empty();
  }

  /**
   * Quote markers ({@code >}) and list markers ({@code -}, {@code +}, {@code *}, {@code 1.}, {@code
   * 1)} followed by a space) that open the line, each after at most three spaces. A thematic break
   * ({@code - - -}, {@code * * *}, {@code _ _ _}: one of these marks, three times or more, and
   * spaces) is no nesting: depth 0. Empty items nest: {@code 1. 1. 1. } over 24 KB took flexmark
   * two seconds before its stack overflowed, and three times as long took over twenty.
   */
  static int depth(String line) {
    int n = line.length();
    int i = 0;
    int depth = 0;
    while (true) {
      int start = i;
      while (i < n && i - start < 3 && line.charAt(i) == ' ') {
        i++;
      }
      if (i < n && line.charAt(i) == '>') {
        depth++;
        i++;
        continue;
      }
      int end = markerEnd(line, i);
      if (end < 0 || end >= n || (line.charAt(end) != ' ' && line.charAt(end) != '\t')) {
        break;
      }
      depth++;
      i = end + 1;
    }
    return thematicBreak(line) ? 0 : depth;
  }

  /** Whether the line is a thematic break: {@code -}, {@code *} or {@code _} alone, and spaces. */
  private static boolean thematicBreak(String line) {
    int start = 0;
    while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
      start++;
    }
    return ThematicBreaks.isBreak(line, start);
  }

  /** The index after a list marker at {@code i}, or -1. */
  private static int markerEnd(String line, int i) {
    if (i < line.length() && "-+*".indexOf(line.charAt(i)) >= 0) {
      return i + 1;
    }
    int d = i;
    while (d < line.length() && d - i < 9 && line.charAt(d) >= '0' && line.charAt(d) <= '9') {
      d++;
    }
    return d > i && d < line.length() && (line.charAt(d) == '.' || line.charAt(d) == ')')
        ? d + 1
        : -1;
  }
}
