package org.broadsheet.view;

import java.time.format.DecimalStyle;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A theme's strings in one language, as templates see them: {@code ${t("nav.archive")}}, {@code
 * ${t("pager.status", 2, 7)}}, {@code ${tn("list.articles", 3)}} ({@code t} and {@code tn} are set
 * by {@code base.ftlh}). The strings are already merged down their fallback chain (English, then
 * the language, then its region; the site's own {@code templates/messages/} over the default theme
 * at each step), so a lookup is one map read. A key no file has is shown as itself, so a missing
 * string is visible on the page rather than blank.
 *
 * <p>Arguments replace {@code {0}}, {@code {1}}, ... as plain text (no {@link
 * java.text.MessageFormat}, whose quoting rules would eat the apostrophe of "l'article").
 *
 * @param language the language these strings are for, a BCP 47 tag ({@code de}, {@code fa-IR})
 * @param dir {@code ltr} or {@code rtl}
 * @param dateLocale the locale dates are written in ({@code date.locale}), e.g. {@code en-GB}
 * @param strings key -> text
 */
public record Messages(
    String language, String dir, String dateLocale, Map<String, String> strings) {
  /**
   * What the locale tags read as, by tag: parsing a tag on every {@code t()} of every page was a
   * twentieth of rendering. Memos of pure functions, kept for the life of the process (a preview
   * server's too); the tags come from articles' {@code lang}, so each memo keeps at most {@link
   * #MEMO_LIMIT} and computes the others every time.
   */
  private static final Map<String, Character> ZERO_DIGITS = new ConcurrentHashMap<>();

  private static final Map<String, String> LANGUAGES = new ConcurrentHashMap<>();
  static final int MEMO_LIMIT = 256;

  public Messages {
    // sorted: each page's fingerprint walks the strings in key order, and finds them so at once
    strings = Collections.unmodifiableSortedMap(new TreeMap<>(strings));
  }

  /** The text of {@code key} with {@code {0}}, {@code {1}}, ... replaced by {@code args}. */
  public String t(String key, Object... args) {
    return format(strings.getOrDefault(key, key), digits(args));
  }

  /**
   * The text of {@code key} for the count {@code n}: {@code key.one}, {@code key.two}, ... by the
   * language's plural rules, else {@code key.other}; {@code {0}} is {@code n}, {@code {1}}, ... are
   * {@code args}.
   */
  public String tn(String key, long n, Object... args) {
    String text = strings.get(key + "." + plural(language, n));
    if (text == null) {
      text = strings.getOrDefault(key + ".other", key);
    }
    Object[] all = new Object[args.length + 1];
    all[0] = n;
    System.arraycopy(args, 0, all, 1, args.length);
    return format(text, digits(all));
  }

  /** Whether the text runs right to left. */
  public boolean isRtl() {
    return "rtl".equals(dir);
  }

  /**
   * The strings whose keys start with {@code prefix}, as a JSON object safe inside a {@code
   * <script>} element, for a page's script to read.
   */
  public String json(String prefix) {
    Map<String, String> picked = new TreeMap<>();
    strings.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            picked.put(k, v);
          }
        });
    return ScriptJson.of(picked);
  }

  /** A whole number in the language's digits: {@code 2024} on a Persian page is ۲۰۲۴. */
  public String number(long n) {
    return String.valueOf(digits(new Object[] {n})[0]);
  }

  /**
   * Whole numbers among {@code args} in the digits of {@link #dateLocale} (Persian: ۲, Arabic: ٢).
   */
  private Object[] digits(Object[] args) {
    if (args.length == 0) {
      return args;
    }
    char zero =
        memo(
            ZERO_DIGITS,
            dateLocale,
            tag -> DecimalStyle.of(Locale.forLanguageTag(tag)).getZeroDigit());
    if (zero == '0') {
      return args;
    }
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof Integer || out[i] instanceof Long) {
        StringBuilder sb = new StringBuilder();
        for (char c : out[i].toString().toCharArray()) {
          sb.append(c >= '0' && c <= '9' ? (char) (zero + (c - '0')) : c);
        }
        out[i] = sb.toString();
      }
    }
    return out;
  }

  static String format(String text, Object... args) {
    if (args.length == 0 || text.indexOf('{') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int close = c == '{' ? text.indexOf('}', i) : -1;
      if (close > i + 1 && close - i <= 3 && isDigits(text, i + 1, close)) {
        int n = Integer.parseInt(text, i + 1, close, 10);
        out.append(n < args.length ? String.valueOf(args[n]) : text.substring(i, close + 1));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static <V> V memo(Map<String, V> memo, String tag, Function<String, V> compute) {
    V value = memo.get(tag);
    if (value == null) {
      value = compute.apply(tag);
      if (memo.size() < MEMO_LIMIT) {
        memo.put(tag, value);
      }
    }
    return value;
  }

  /** How many tags the memos keep, for tests. */
  static int memoized() {
    return ZERO_DIGITS.size() + LANGUAGES.size();
  }

  /**
   * The CLDR plural category of a whole number in a language, for the languages the default theme
   * ships (others count as English: one and other).
   */
  static String plural(String language, long n) {
    String lang =
        memo(
            LANGUAGES, language, tag -> Locale.forLanguageTag(tag.replace('_', '-')).getLanguage());
    long abs = Math.abs(n);
    switch (lang) {
      case "fr":
      case "fa":
        return abs <= 1 ? "one" : "other";
      case "ar":
        long mod = abs % 100;
        if (abs == 0) {
          return "zero";
        } else if (abs == 1) {
          return "one";
        } else if (abs == 2) {
          return "two";
        } else if (mod >= 3 && mod <= 10) {
          return "few";
        } else if (mod >= 11) {
          return "many";
        }
        return "other";
      default:
        return abs == 1 ? "one" : "other";
    }
  }
}
