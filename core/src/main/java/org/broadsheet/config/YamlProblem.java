package org.broadsheet.config;

import java.util.Locale;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Where a YAML syntax error is, and what to say about it. SnakeYAML marks the place it gave up:
 * for an unclosed {@code [}, {@code {} or quote that is far from the cause (the next line's key,
 * or the end of the document). There its context mark points at the bracket or quote that was
 * opened, so a caret there shows the writer what to close.
 *
 * @param line 0-based line in the YAML text
 * @param column 0-based column
 * @param message one line, without the file or position
 */
public record YamlProblem(int line, int column, String message) {
  /** What was opened, by SnakeYAML's context; null where the problem mark is the right place. */
  private static String opened(String context) {
    String c = context == null ? "" : context.toLowerCase(Locale.ROOT);
    if (c.contains("flow sequence")) {
      return "'[' is never closed";
    }
    if (c.contains("flow mapping")) {
      return "'{' is never closed";
    }
    if (c.contains("quoted scalar")) {
      return "the quote is never closed";
    }
    return null;
  }

  /** Locates {@code e}; without any mark, the start of the document. */
  public static YamlProblem of(MarkedYAMLException e) {
    String problem = e.getProblem() != null ? e.getProblem().strip() : firstLine(e.getMessage());
    String opened = opened(e.getContext());
    Mark context = e.getContextMark();
    Mark at = e.getProblemMark();
    if (opened != null && context != null) {
      String where =
          at == null || at.getLine() == context.getLine()
              ? ""
              : " before line " + (at.getLine() + 1);
      return new YamlProblem(
          context.getLine(), context.getColumn(), opened + " (" + problem + where + ")");
    }
    Mark mark = at != null ? at : context;
    return mark == null
        ? new YamlProblem(0, 0, problem)
        : new YamlProblem(mark.getLine(), mark.getColumn(), problem);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "broken YAML";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
