package org.broadsheet.diag;

import java.util.Objects;

/**
 * One problem found in one input file, with its position.
 *
 * @param path the file, relative to the site folder, with forward slashes
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param sourceLine the text of that line (empty when unknown), shown under the message with a
 *     caret
 */
public record Diagnostic(
    Severity severity, String path, int line, int column, String message, String sourceLine) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    sourceLine = sourceLine == null ? "" : sourceLine;
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("negative position " + line + ":" + column);
    }
  }

  public static Diagnostic error(
      String path, int line, int column, String message, String sourceLine) {
    return new Diagnostic(Severity.ERROR, path, line, column, message, sourceLine);
  }

  public static Diagnostic error(String path, String message) {
    return new Diagnostic(Severity.ERROR, path, 0, 0, message, "");
  }

  public static Diagnostic warning(
      String path, int line, int column, String message, String sourceLine) {
    return new Diagnostic(Severity.WARNING, path, line, column, message, sourceLine);
  }

  public static Diagnostic warning(String path, String message) {
    return new Diagnostic(Severity.WARNING, path, 0, 0, message, "");
  }

  public static Diagnostic note(String path, String message) {
    return new Diagnostic(Severity.NOTE, path, 0, 0, message, "");
  }

  /** {@code path:line:col: severity: message}, without the source excerpt. */
  public String headline() {
    StringBuilder sb = new StringBuilder(path);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(severity.label()).append(": ").append(message).toString();
  }

  /** The headline, then the offending line and a caret under the column, compiler style. */
  public String format() {
    if (line == 0 || sourceLine.isEmpty()) {
      return headline();
    }
    String shown = sourceLine.length() > 200 ? sourceLine.substring(0, 200) + "…" : sourceLine;
    StringBuilder caret = new StringBuilder();
    int upTo = Math.min(Math.max(column, 1) - 1, shown.length());
    for (int i = 0; i < upTo; i++) {
      caret.append(shown.charAt(i) == '\t' ? '\t' : ' ');
    }
    return headline() + "\n    " + shown + "\n    " + caret + "^";
  }
}
