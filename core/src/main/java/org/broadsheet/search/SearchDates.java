package org.broadsheet.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The dates search filters take ({@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD}), read without
 * java.time or regex: the browser runtime compiles this, and both would grow it.
 */
public final class SearchDates {
  private SearchDates() {}

  /**
   * Days since 1970-01-01 of {@code YYYY-MM-DD} ({@code YYYY} and {@code YYYY-MM} also accepted),
   * without java.time so the browser build stays small; {@code fallback} when unreadable.
   */
  public static long epochDay(String isoDate, long fallback) {
    String[] parts = dashParts(isoDate.strip());
    try {
      long y = Long.parseLong(parts[0]);
      long m = parts.length > 1 ? Long.parseLong(parts[1]) : (fallback == Long.MAX_VALUE ? 12 : 1);
      long d =
          parts.length > 2
              ? Long.parseLong(parts[2].length() > 2 ? parts[2].substring(0, 2) : parts[2])
              : (fallback == Long.MAX_VALUE ? daysInMonth(y, m) : 1);
      if (m < 1 || m > 12 || d < 1 || d > 31) {
        return fallback;
      }
      // Days from civil (proleptic Gregorian), after H. Hinnant's public-domain algorithm.
      y -= m <= 2 ? 1 : 0;
      long era = Math.floorDiv(y, 400);
      long yoe = y - era * 400;
      long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
      long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
      return era * 146097 + doe - 719468;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /**
   * Whether {@code s} is {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, a day that exists:
   * the dates a search filter takes. Without java.time or regex, for the browser build.
   */
  public static boolean isDate(String s) {
    int n = s.length();
    if (n != 4 && n != 7 && n != 10) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
        return false;
      }
    }
    int month = n > 4 ? Integer.parseInt(s.substring(5, 7)) : 1;
    int day = n > 7 ? Integer.parseInt(s.substring(8, 10)) : 1;
    return month >= 1
        && month <= 12
        && day >= 1
        && day <= daysInMonth(Integer.parseInt(s.substring(0, 4)), month);
  }

  /** {@code s.split("-")} without java.util.regex (which the browser runtime leaves out). */
  private static String[] dashParts(String s) {
    List<String> parts = new ArrayList<>(3);
    int start = 0;
    for (int dash = s.indexOf('-'); dash >= 0; dash = s.indexOf('-', start)) {
      parts.add(s.substring(start, dash));
      start = dash + 1;
    }
    parts.add(s.substring(start));
    while (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1); // as split does
    }
    return parts.toArray(new String[0]);
  }

  private static long daysInMonth(long y, long m) {
    return switch ((int) m) {
      case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }
}
