package org.broadsheet.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** ISO 8601 dates as writers type them: with or without time, with or without zone. */
public final class Dates {
  private static final Pattern ENDS_WITH_OFFSET = Pattern.compile(".*[+-]\\d\\d(:?\\d\\d)?$");
  private static final Pattern SPACE_BEFORE_OFFSET =
      Pattern.compile("(?<=\\d)\\s+([+-]\\d\\d:?\\d\\d)$");
  private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d\\d)(\\d\\d)$");

  private Dates() {}

  /**
   * Parses {@code 2021-03-04}, {@code 2021-03-04T09:15}, {@code 2021-03-04 09:15:00}, {@code
   * 2021-03-04T09:15:00Z}, {@code 2021-03-04T09:15:00+02:00} or {@code ...[Europe/Paris]}. A date
   * without a zone is in {@code zone}.
   */
  public static Optional<ZonedDateTime> parse(String text, ZoneId zone) {
    String s = text.strip();
    if (isPlainDateTime(s)) {
      return plainDateTime(s, zone);
    }
    if (s.length() == 20 && s.charAt(19) == 'Z' && isPlainDateTime(s.substring(0, 19))) {
      // in UTC, the form of Hugo and most generators: what OffsetDateTime.parse gives, without the
      // offset patterns below (1.2 % of the 100,000-story build's parse)
      return plainDateTime(s.substring(0, 19), ZoneOffset.UTC);
    }
    if (s.length() > 10 && s.charAt(10) == ' ') {
      s = s.substring(0, 10) + 'T' + s.substring(11).strip();
    }
    s = SPACE_BEFORE_OFFSET.matcher(s).replaceFirst("$1"); // Jekyll: 2021-03-04 09:15:00 +0100
    try {
      if (s.length() == 10) {
        return Optional.of(LocalDate.parse(s).atStartOfDay(zone));
      }
      if (s.endsWith("]")) {
        return Optional.of(ZonedDateTime.parse(s));
      }
      if (s.endsWith("Z") || ENDS_WITH_OFFSET.matcher(s).matches()) {
        return Optional.of(
            OffsetDateTime.parse(OFFSET_WITHOUT_COLON.matcher(s).replaceFirst("$1:$2"))
                .toZonedDateTime());
      }
      return Optional.of(LocalDateTime.parse(s).atZone(zone));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code s} is {@code yyyy-MM-ddTHH:mm:ss} with nothing more, the form wire archives and
   * importers write: read at once by {@link #plainDateTime}, where {@code LocalDateTime.parse} and
   * the offset patterns above took a hundredth of a build's CPU.
   */
  private static boolean isPlainDateTime(String s) {
    if (s.length() != 19) {
      return false;
    }
    for (int i = 0; i < 19; i++) {
      char c = s.charAt(i);
      boolean ok =
          switch (i) {
            case 4, 7 -> c == '-';
            case 10 -> c == 'T';
            case 13, 16 -> c == ':';
            default -> c >= '0' && c <= '9';
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss} in {@code zone}, or empty where {@code LocalDateTime.parse} refuses
   * it (its ISO format is strict: no 30 February, no hour 24).
   */
  private static Optional<ZonedDateTime> plainDateTime(String s, ZoneId zone) {
    try {
      return Optional.of(
          LocalDateTime.of(
                  number(s, 0, 4),
                  number(s, 5, 7),
                  number(s, 8, 10),
                  number(s, 11, 13),
                  number(s, 14, 16),
                  number(s, 17, 19))
              .atZone(zone));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static int number(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n;
  }
}
