package org.broadsheet.content;

import java.text.Normalizer;
import java.util.Locale;

/** URL-safe names for articles, tags, sections and authors. */
public final class Slugs {
  private static final int MAX_LENGTH = 80;

  private Slugs() {}

  /**
   * Lower-case ASCII letters, digits and single hyphens; accents folded ({@code São Paulo} ->
   * {@code sao-paulo}). Text without a letter or digit ({@code ..}, {@code /}, {@code ???}) gives
   * {@code untitled}.
   */
  public static String slugify(String text) {
    String slug = slugOrEmpty(text);
    return slug.isEmpty() ? "untitled" : slug;
  }

  /**
   * Whether {@code text} has a slug of its own. Names without one would all share {@code untitled},
   * so callers that group by slug (tags) refuse them rather than merge them in silence.
   */
  public static boolean hasOwnSlug(String text) {
    return !slugOrEmpty(text).isEmpty();
  }

  private static String slugOrEmpty(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder sb = new StringBuilder(folded.length());
    boolean hyphen = false;
    for (int i = 0; i < folded.length() && sb.length() < MAX_LENGTH; i++) {
      char c = folded.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      char lower = Character.toLowerCase(c);
      if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
        sb.append(lower);
        hyphen = false;
      } else if (Character.isLetterOrDigit(c)) {
        // letters outside ASCII (Persian, Greek...) keep their own form, lower-cased
        sb.append(String.valueOf(c).toLowerCase(Locale.ROOT));
        hyphen = false;
      } else if (!hyphen && sb.length() > 0) {
        sb.append('-');
        hyphen = true;
      }
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == '-') {
      end--;
    }
    return sb.substring(0, end);
  }
}
