package org.broadsheet.parse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
}
