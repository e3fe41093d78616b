package org.broadsheet.preview;

import java.util.List;
import org.broadsheet.diag.Diagnostic;

/**
 * What the browser is told after each (re)build.
 *
 * @param generation counts builds, starting at 1
 * @param problems the errors in the project as it is now; while there are any, the last good
 *     version of the affected pages keeps being served
 */
public record BuildStatus(long generation, List<Diagnostic> problems) {
  public BuildStatus {
    problems = List.copyOf(problems);
  }

  public static BuildStatus initial() {
    return new BuildStatus(0, List.of());
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
