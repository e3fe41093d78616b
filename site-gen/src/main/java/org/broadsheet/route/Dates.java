package org.broadsheet.route;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.broadsheet.view.Messages;

/**
 * Dates as one language writes them, with java.time's CLDR data: the long style of the messages'
 * {@code date.locale} ("1 December 2026", "1. Dezember 2026", "۱ دسامبر ۲۰۲۶"), months by the
 * pattern {@code date.month} ("December 2026"), and the locale's digits throughout. The calendar is
 * always the Gregorian one the archive is filed by.
 */
final class Dates {
  private final ZoneId zone;
  private final DateTimeFormatter day;
  private final DateTimeFormatter month;
  private final DecimalStyle digits;
  private final Locale locale;

  /** Each day's text once: cards of one day share it (a million cards, a few thousand days). */
  private final Map<LocalDate, String> days = new ConcurrentHashMap<>();

  Dates(Messages messages, ZoneId zone) {
    Locale locale = Locale.forLanguageTag(messages.dateLocale());
    this.zone = zone;
    this.locale = locale;
    this.digits = DecimalStyle.of(locale);
    this.day =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(locale)
            .withDecimalStyle(digits);
    String monthPattern = messages.strings().getOrDefault("date.month", "MMMM y");
    DateTimeFormatter m;
    try {
      m = DateTimeFormatter.ofPattern(monthPattern, locale);
    } catch (IllegalArgumentException e) {
      m = DateTimeFormatter.ofPattern("MMMM y", locale); // a theme's bad pattern: the default
    }
    this.month = m.withDecimalStyle(digits);
  }

  /** A day in the site's zone: {@code 1. Dezember 2026}. */
  String day(ZonedDateTime d) {
    return days.computeIfAbsent(d.withZoneSameInstant(zone).toLocalDate(), day::format);
  }

  /** A month: {@code Dezember 2026}. */
  String month(int year, int month) {
    return YearMonth.of(year, month).format(this.month);
  }

  /** A month's short name for a chart's axis: {@code Dez.}, {@code Jan}. */
  String shortMonth(int month) {
    return java.time.Month.of(month).getDisplayName(java.time.format.TextStyle.SHORT, locale);
  }

  /** A number in the locale's digits: {@code 2026} or {@code ۲۰۲۶}. */
  String number(long n) {
    String s = Long.toString(n);
    char zero = digits.getZeroDigit();
    if (zero == '0') {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      out.append(c >= '0' && c <= '9' ? (char) (zero + (c - '0')) : c);
    }
    return out.toString();
  }
}
