package org.broadsheet.serve;

import java.util.Locale;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.util.URIUtil;

/**
 * Which request paths are well-formed enough to look up at all. Refused: encoded or literal {@code
 * .}/{@code ..} segments, NUL bytes, backslashes and encoded slashes, empty segments and anything
 * that does not start with {@code /}. What is left can only name a file under the site root; {@link
 * SiteFiles#lookup} then refuses symlinks that lead out.
 */
final class PathRules {
  private PathRules() {}

  static boolean acceptable(HttpURI uri) {
    String raw = uri.getPath();
    if (raw == null || !raw.startsWith("/") || uri.hasViolations()) {
      return false;
    }
    String lower = raw.toLowerCase(Locale.ROOT);
    if (lower.contains("%00")
        || lower.contains("%2f")
        || lower.contains("%5c")
        || raw.indexOf('\\') >= 0
        || raw.indexOf('\0') >= 0
        || raw.indexOf(';') >= 0) {
      return false;
    }
    String[] segments = raw.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment;
      try {
        segment = URIUtil.decodePath(segments[i]);
      } catch (RuntimeException malformed) {
        return false;
      }
      boolean last = i == segments.length - 1;
      if (segment.equals(".")
          || segment.equals("..")
          || (segment.isEmpty() && !last)
          || segment.indexOf('\0') >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a segment names a hidden file or folder ({@code .git}, {@code .env}, {@code
   * .broadsheet-site}), as written or percent-decoded: such paths are answered 404, never served.
   * Call after {@link #acceptable}.
   */
  static boolean hidden(HttpURI uri) {
    for (String segment : uri.getPath().split("/")) {
      if (segment.startsWith(".") || URIUtil.decodePath(segment).startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
