package org.broadsheet.content;

import java.util.Locale;
import java.util.Set;

/**
 * Checks an alias (an article's old address, Hugo's {@code aliases}) and turns it into the file its
 * redirect page is written to. An alias is a path on this site: {@code /2019/03/old-story/} gives
 * {@code 2019/03/old-story/index.html}, {@code /old/story.html} gives {@code old/story.html}. It
 * may not leave the site or hide in it: no {@code ..} or {@code .} segments, no segment starting
 * with a dot, no URL with a scheme or host, no query or fragment, no backslash, no control
 * characters, and nothing in the folders the build writes itself ({@code search/}, {@code
 * assets/}).
 */
public final class AliasPaths {
  private static final int MAX_LENGTH = 512;
  private static final Set<String> RESERVED = Set.of("search", "assets");

  private AliasPaths() {}

  /** The file of an alias, or why it cannot be one. */
  public record Result(String file, String problem) {
    public boolean ok() {
      return problem.isEmpty();
    }
  }

  public static Result of(String alias) {
    String a = alias.strip();
    if (a.length() > MAX_LENGTH) {
      return bad("is longer than " + MAX_LENGTH + " characters");
    }
    if (a.contains("://") || a.startsWith("//")) {
      return bad("is a URL; an alias is a path on this site, such as /2019/03/old-story/");
    }
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      if (!(Character.isLetterOrDigit(c) || "-_.~+/".indexOf(c) >= 0)) {
        return bad(
            String.format(
                Locale.ROOT,
                "holds '%s' (U+%04X); an alias may hold letters, digits, - _ . ~ + and /",
                Character.isISOControl(c) || Character.isWhitespace(c) ? " " : String.valueOf(c),
                (int) c));
      }
    }
    String path = a;
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    boolean folder = path.isEmpty() || path.endsWith("/");
    String trimmed = folder && !path.isEmpty() ? path.substring(0, path.length() - 1) : path;
    if (trimmed.isEmpty()) {
      return bad("is the site's front page");
    }
    String[] segments = trimmed.split("/", -1);
    for (String s : segments) {
      if (s.isEmpty()) {
        return bad("has an empty segment (//)");
      }
      if (s.startsWith(".")) {
        return bad("has a segment starting with a dot ('" + s + "'): it would leave or hide");
      }
    }
    if (RESERVED.contains(segments[0])) {
      return bad("lies in " + segments[0] + "/, which the build writes itself");
    }
    String last = segments[segments.length - 1].toLowerCase(Locale.ROOT);
    boolean page = !folder && (last.endsWith(".html") || last.endsWith(".htm"));
    return new Result(page ? trimmed : trimmed + "/index.html", "");
  }

  private static Result bad(String problem) {
    return new Result("", problem);
  }
}
