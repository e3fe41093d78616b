package org.broadsheet.importer;

import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;

/**
 * A place in an input file: its path as the user gave it, 1-based line and column (0 when unknown).
 */
public record Origin(String path, int line, int column) {
  public Origin {
    line = Math.max(0, line);
    column = Math.max(0, column);
  }

  static Origin of(String path) {
    return new Origin(path, 0, 0);
  }

  Origin at(int newLine, int newColumn) {
    return new Origin(path, newLine, newColumn);
  }

  Diagnostic error(String message) {
    return new Diagnostic(Severity.ERROR, path, line, column, message, "");
  }

  Diagnostic warning(String message) {
    return new Diagnostic(Severity.WARNING, path, line, column, message, "");
  }

  Diagnostic note(String message) {
    return new Diagnostic(Severity.NOTE, path, line, column, message, "");
  }
}
