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
 * @param inputs what the page is a function of, for deciding whether to render it again: the view
 *     itself, or a cheaper stand-in that changes whenever the view does (a feed names its articles'
 *     sources by content key instead of loading their bodies)
 */
public record Page(String path, String template, Supplier<Object> view, Supplier<Object> inputs) {
  public Page {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(inputs, "inputs");
  }

  /** A page that is a function of its view alone. */
  public Page(String path, String template, Supplier<Object> view) {
    this(path, template, view, view);
  }

  /**
   * This page with its view made at most once: a page whose inputs are its view makes it once for
   * both.
   */
  public Page once() {
    Supplier<Object> made = new Once(view);
    return new Page(path, template, made, inputs == view ? made : inputs);
  }

  private static final class Once implements Supplier<Object> {
    private final Supplier<Object> make;
    private Object value;

    Once(Supplier<Object> make) {
      this.make = make;
    }

    @Override
    public Object get() {
      if (value == null) {
        value = make.get();
      }
      return value;
    }
  }
}
