package org.broadsheet.preview;

import java.util.List;
import java.util.Map;
import org.broadsheet.diag.Diagnostic;

/**
 * What the browser is told after each (re)build.
 *
 * @param generation counts builds, starting at 1
 * @param problems the errors in the project as it is now; while there are any, the last good
 *     version of the affected pages keeps being served
 * @param badges page path in the site (e.g. {@code /articles/x/index.html}) to a badge shown on it
 *     in the preview, such as "Draft" or "Scheduled"
 */
public record BuildStatus(long generation, List<Diagnostic> problems, Map<String, String> badges) {
  public BuildStatus {
    problems = List.copyOf(problems);
    badges = Map.copyOf(badges);
  }

  public static BuildStatus initial() {
    return new BuildStatus(0, List.of(), Map.of());
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
