package org.broadsheet.route;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One file of the output: where it goes, which template renders it, and its view. The view is built
 * when rendered, so a plan for a million pages holds a million small values, not a million article
 * bodies.
 *
 * @param path site-relative output path, e.g. {@code articles/x/index.html}
 * @param template template name, e.g. {@code article.ftlh}
 */
public record Page(String path, String template, Supplier<Object> view) {
  public Page {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(view, "view");
  }
}
