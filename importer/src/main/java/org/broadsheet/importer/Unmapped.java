package org.broadsheet.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.broadsheet.diag.Diagnostics;

/**
 * What an importer met and could not map to Broadsheet's fields, per input file: each kind once, at
 * its first position, with how many stories had it. The values themselves are kept under {@code
 * imported:} in the front matter.
 */
final class Unmapped {
  private record Seen(Origin first, int count) {}

  private final Map<String, Seen> seen = new LinkedHashMap<>();

  void add(String what, Origin at) {
    seen.merge(what, new Seen(at, 1), (a, b) -> new Seen(a.first(), a.count() + 1));
  }

  /** One note per kind: {@code file:line:col: note: not mapped: <what> (N stories); kept ...}. */
  void report(Diagnostics diagnostics) {
    seen.forEach(
        (what, s) ->
            diagnostics.add(
                s.first()
                    .note(
                        "not mapped: "
                            + what
                            + (s.count() > 1 ? " (" + s.count() + " times)" : "")
                            + "; kept under 'imported' in the front matter")));
  }
}
