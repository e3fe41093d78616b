package org.broadsheet.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects diagnostics from parsers running in parallel. The build reports all of them at the end.
 */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  public synchronized void add(Diagnostic diagnostic) {
    items.add(diagnostic);
  }

  public synchronized void addAll(List<Diagnostic> diagnostics) {
    items.addAll(diagnostics);
  }

  /** Every diagnostic so far, ordered by file and position so reports are stable. */
  public synchronized List<Diagnostic> snapshot() {
    List<Diagnostic> copy = new ArrayList<>(items);
    copy.sort(
        Comparator.comparing(Diagnostic::path)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column));
    return List.copyOf(copy);
  }

  public synchronized long count(Severity severity) {
    return items.stream().filter(d -> d.severity() == severity).count();
  }

  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }
}
