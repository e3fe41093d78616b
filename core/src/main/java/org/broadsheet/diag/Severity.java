package org.broadsheet.diag;

/** How bad a diagnostic is. Errors leave an article out; warnings and notes do not. */
public enum Severity {
  NOTE,
  WARNING,
  ERROR;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
