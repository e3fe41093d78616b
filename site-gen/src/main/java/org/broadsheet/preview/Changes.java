package org.broadsheet.preview;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * A batch of changed source paths, sorted by what they feed: articles ({@code content/}),
 * templates, static files; and whether the change needs a full build ({@code site.yaml}, theme
 * assets, whose fingerprinted names appear on every page).
 *
 * @param templates names of changed templates, relative to {@code templates/}
 */
record Changes(Set<Path> content, Set<String> templates, Set<Path> statics, boolean needsFullBuild) {

  static Changes sort(Set<Path> changed) {
    Set<Path> content = new TreeSet<>();
    Set<String> templates = new TreeSet<>();
    Set<Path> statics = new TreeSet<>();
    boolean full = false;
    for (Path p : changed) {
      String first = p.getNameCount() > 0 ? p.getName(0).toString() : "";
      switch (first) {
        case "content" -> content.add(p);
        case "static" -> statics.add(p);
        case "templates" -> {
          if (p.getNameCount() == 1 || p.getName(1).toString().equals("assets")) {
            full = true;
          } else {
            templates.add(p.subpath(1, p.getNameCount()).toString().replace('\\', '/'));
          }
        }
        default -> full = true; // site.yaml, or a watched folder created or removed
      }
    }
    return new Changes(content, templates, statics, full);
  }

  /** For the terminal: "content/a.md", or "3 files". */
  String describe() {
    int n = content.size() + templates.size() + statics.size();
    if (n == 1) {
      return !content.isEmpty() ? content.iterator().next().toString().replace('\\', '/')
          : !templates.isEmpty() ? "templates/" + templates.iterator().next()
          : statics.iterator().next().toString().replace('\\', '/');
    }
    return n + " files";
  }
}
