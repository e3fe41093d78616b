package org.broadsheet.parse;

import com.vladsch.flexmark.util.sequence.Html5Entities;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which URLs from content may become an {@code href} or {@code src}: http, https, mailto, tel,
 * relative URLs and fragments. Archives are scraped text, and a browser runs a {@code javascript:}
 * URL however it is spelled, so the scheme is read the way a browser reads it (WHATWG URL parser):
 * character references decoded ({@code &#106;}, {@code &colon;}, {@code &Tab;}), ASCII tab and
 * newlines removed anywhere, C0 controls and spaces trimmed at both ends, the scheme lowercased. A
 * URL is safe only if it is safe both as written and with its character references decoded, so the
 * answer does not depend on whether the caller already decoded them.
 */
public final class SafeUrls {
  /** Schemes a link or image may use; anything else with a scheme is dropped. */
  public static final Set<String> SCHEMES = Set.of("http", "https", "mailto", "tel");

  private static final Pattern REFERENCE =
      Pattern.compile("&(?:#[xX]([0-9a-fA-F]{1,8})|#([0-9]{1,9})|([A-Za-z][A-Za-z0-9]{1,31}));?");

  private SafeUrls() {}

  /** Whether {@code url} may be written as a link or image address. */
  public static boolean isSafe(CharSequence url) {
    String raw = url.toString();
    return isSafeScheme(scheme(raw)) && isSafeScheme(scheme(decodeReferences(raw)));
  }

  private static boolean isSafeScheme(String scheme) {
    return scheme.isEmpty() || SCHEMES.contains(scheme);
  }

  /**
   * The scheme a browser reads from {@code url}, lowercased; empty for a relative URL or a
   * fragment. As in the URL standard's scheme state: an ASCII letter, then letters, digits, {@code
   * + - .} up to the first {@code :}; any other character first means there is no scheme.
   */
  static String scheme(String url) {
    String s = trimmed(url);
    if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
      return "";
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ':') {
        return s.substring(0, i).toLowerCase(Locale.ROOT);
      }
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return "";
      }
    }
    return "";
  }

  /** Without ASCII tab, LF and CR anywhere, and without C0 controls and spaces at either end. */
  private static String trimmed(String url) {
    StringBuilder sb = new StringBuilder(url.length());
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') {
        sb.append(c);
      }
    }
    int start = 0;
    int end = sb.length();
    while (start < end && sb.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && sb.charAt(end - 1) <= ' ') {
      end--;
    }
    return sb.substring(start, end);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * HTML character references decoded as in an attribute value: numeric ones with or without the
   * {@code ;}, named ones (the full HTML5 table) with it. Unknown names stay as written.
   */
  static String decodeReferences(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder sb = new StringBuilder(text.length());
    while (m.find()) {
      String decoded;
      if (m.group(1) != null || m.group(2) != null) {
        long code =
            m.group(1) != null ? Long.parseLong(m.group(1), 16) : Long.parseLong(m.group(2));
        decoded =
            code == 0 || code > Character.MAX_CODE_POINT || (code >= 0xD800 && code <= 0xDFFF)
                ? "\uFFFD"
                : Character.toString((int) code);
      } else if (m.group().endsWith(";")) {
        // flexmark's table maps &Tab; and &NewLine; to "": the same as decoding them, since both
        // are removed anyway
        decoded = Html5Entities.entityToString(m.group());
      } else {
        decoded = m.group();
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(decoded));
    }
    return m.appendTail(sb).toString();
  }
}
