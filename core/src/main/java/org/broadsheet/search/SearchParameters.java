package org.broadsheet.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The one reading of a search's parameters, given as text, into a {@link SearchRequest}: the
 * command line's options, {@code /api/search}'s query string and the browser's {@code
 * window.broadsheet.search} options all come through here, so the same bad value gets the same
 * message everywhere (exit 2, HTTP 400, a rejected promise).
 *
 * <pre>
 * q        the query text (any)                        default ""
 * limit    a whole number, 1..1000                     default 10
 * offset   a whole number, 0 or more                   default 0; offset + limit at most 10,000
 * tag      a tag (case-insensitive)                    default none
 * section  a section (case-insensitive)                default none
 * from     YYYY-MM-DD, YYYY-MM or YYYY, a real day      default none
 * to       the same, not before from                   default none
 * sort     relevance or date (case-insensitive)        default relevance
 * facets   true or false                               default false
 * </pre>
 *
 * A missing or blank parameter takes its default; any other value is checked, and a bad one is
 * never dropped or replaced: {@link IllegalArgumentException} whose message names each bad
 * parameter ({@code "; "} between them).
 *
 * <p>Compiled for the browser by TeaVM: no regex, {@code String.format} or java.time.
 */
public final class SearchParameters {
  /** Every parameter, in the order messages and documentation list them. */
  public static final List<String> NAMES =
      List.of("q", "limit", "offset", "tag", "section", "from", "to", "sort", "facets");

  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 1000;

  /** More digits than a long holds: such a number is out of every range, and is shown as given. */
  private static final int MAX_DIGITS = 18;

  private SearchParameters() {}

  /** The parameters given as values in the order of {@link #NAMES} (null: not given), by name. */
  public static Function<String, String> inOrder(String... values) {
    if (values.length != NAMES.size()) {
      throw new IllegalArgumentException(
          NAMES.size() + " values expected, " + values.length + " given");
    }
    return name -> {
      int i = NAMES.indexOf(name);
      return i < 0 ? null : values[i];
    };
  }

  /**
   * Reads the parameters {@code param} returns by name (null or blank: not given).
   *
   * @throws IllegalArgumentException naming every bad parameter
   */
  public static SearchRequest parse(Function<String, String> param) {
    return parse(List.of(), param);
  }

  /**
   * As {@link #parse(Function)}, and also refuses parameters this search does not know and ones
   * given twice, where the caller cannot rule them out (a query string): {@code given} holds each
   * name once per value given.
   */
  public static SearchRequest parse(Iterable<String> given, Function<String, String> param) {
    List<String> problems = new ArrayList<>();
    names(given, problems);
    String limitText = orDefault(value(param, "limit"), DEFAULT_LIMIT);
    String offsetText = orDefault(value(param, "offset"), 0);
    Long limit = whole("limit", limitText, problems);
    Long offset = whole("offset", offsetText, problems);
    if (limit != null && !addIf(problems, limitProblem(limit, limitText))) {
      limit = null;
    }
    if (offset != null && !addIf(problems, offsetProblem(offset, offsetText))) {
      offset = null;
    }
    if (limit != null && offset != null) {
      addIf(problems, windowProblem(offset, limit, offsetText, limitText));
    }
    String from = value(param, "from");
    String to = value(param, "to");
    boolean fromOk = addIf(problems, dateProblem("from", from));
    boolean toOk = addIf(problems, dateProblem("to", to));
    if (fromOk && toOk) {
      addIf(problems, rangeProblem(from, to));
    }
    SortOrder sort = sort(value(param, "sort"), problems);
    boolean facets = facets(value(param, "facets"), problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(join(problems, "; "));
    }
    String q = param.apply("q");
    return new SearchRequest(
        q == null ? "" : q,
        limit.intValue(),
        offset.intValue(),
        value(param, "tag"),
        value(param, "section"),
        from,
        to,
        sort,
        facets);
  }

  // ---- the messages, shared with SearchRequest's own checks
  // ----------------------------------------

  static String limitProblem(long limit, String shown) {
    return limit >= 1 && limit <= MAX_LIMIT
        ? null
        : "limit must be between 1 and " + MAX_LIMIT + ", was " + shown;
  }

  static String offsetProblem(long offset, String shown) {
    return offset >= 0 ? null : "offset must not be negative, was " + shown;
  }

  static String windowProblem(long offset, long limit, String offsetShown, String limitShown) {
    int max = SearchRequest.MAX_WINDOW;
    return offset <= max - limit
        ? null
        : "offset + limit must be at most "
            + max
            + " (hits past the "
            + max
            + "th are not served), was "
            + offsetShown
            + " + "
            + limitShown;
  }

  static String dateProblem(String name, String value) {
    return value == null || SearchDates.isDate(value)
        ? null
        : name + " must be a date, YYYY-MM-DD (or YYYY-MM, YYYY), was \"" + value + "\"";
  }

  /** Both dates valid (or absent): from's first day must not come after to's last. */
  static String rangeProblem(String from, String to) {
    if (from == null
        || to == null
        || SearchDates.epochDay(from, Long.MIN_VALUE) <= SearchDates.epochDay(to, Long.MAX_VALUE)) {
      return null;
    }
    return "from must not be after to, was from " + from + " to " + to;
  }

  // ---- reading values ---------------------------------------------------------------------------

  private static void names(Iterable<String> given, List<String> problems) {
    Set<String> seen = new HashSet<>();
    Set<String> reported = new HashSet<>();
    for (String name : given) {
      if (!NAMES.contains(name)) {
        if (reported.add(name)) {
          problems.add("unknown parameter \"" + name + "\" (known: " + join(NAMES, ", ") + ")");
        }
      } else if (!seen.add(name) && reported.add(name)) {
        problems.add(name + " is given more than once");
      }
    }
  }

  /** The stripped value, or null when not given or blank. */
  private static String value(Function<String, String> param, String name) {
    String v = param.apply(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String orDefault(String text, int fallback) {
    return text == null ? String.valueOf(fallback) : text;
  }

  /** An optionally negative run of decimal digits, or null (and a problem); too long saturates. */
  private static Long whole(String name, String text, List<String> problems) {
    boolean negative = text.charAt(0) == '-';
    int start = negative ? 1 : 0;
    if (start == text.length()) {
      problems.add(name + " must be a whole number, was \"" + text + "\"");
      return null;
    }
    long value = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        problems.add(name + " must be a whole number, was \"" + text + "\"");
        return null;
      }
      value = i - start < MAX_DIGITS ? value * 10 + (c - '0') : Long.MAX_VALUE / 2;
    }
    return negative ? -value : value;
  }

  private static SortOrder sort(String text, List<String> problems) {
    if (text == null || text.equalsIgnoreCase("relevance")) {
      return SortOrder.RELEVANCE;
    }
    if (text.equalsIgnoreCase("date")) {
      return SortOrder.DATE;
    }
    problems.add("sort must be relevance or date, was \"" + text + "\"");
    return SortOrder.RELEVANCE;
  }

  private static boolean facets(String text, List<String> problems) {
    if (text == null || text.equalsIgnoreCase("false")) {
      return false;
    }
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    problems.add("facets must be true or false, was \"" + text + "\"");
    return false;
  }

  /** {@code String.join}, which TeaVM's class library may lack. */
  private static String join(List<String> parts, String separator) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      sb.append(i == 0 ? "" : separator).append(parts.get(i));
    }
    return sb.toString();
  }

  /** Adds {@code problem} if there is one; true when there was none. */
  private static boolean addIf(List<String> problems, String problem) {
    if (problem != null) {
      problems.add(problem);
    }
    return problem == null;
  }
}
