package org.broadsheet.importer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Dates as outside formats write them, as the ISO 8601 text front matter takes: with an offset when
 * the source gave one (or wrote UTC), without one when it did not (the build then reads it in the
 * site's zone).
 */
final class ImportDates {
  private static final DateTimeFormatter ISO_BASIC_OFFSET =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss[.SSS]XX", Locale.ROOT);
  private static final DateTimeFormatter ISO_BASIC_LOCAL =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT);

  private static final List<Function<String, String>> PARSERS =
      List.of(
          s -> OffsetDateTime.parse(s).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
          s -> ZonedDateTime.parse(s).toOffsetDateTime().toString(),
          s -> LocalDateTime.parse(s).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
          s -> LocalDate.parse(s).toString(),
          s ->
              ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME)
                  .toOffsetDateTime()
                  .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
          s ->
              OffsetDateTime.parse(s, ISO_BASIC_OFFSET)
                  .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
          s ->
              LocalDateTime.parse(s, ISO_BASIC_LOCAL).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
          s -> LocalDateTime.parse(s, SPACED).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
          s -> LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE).toString());

  private ImportDates() {}

  /** The date as ISO 8601 text, or empty when it is not a date this reads. */
  static Optional<String> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String s = text.strip().replaceAll("\\s+", " ");
    s = s.replaceAll(" (GMT|UT|UTC)$", " +0000").replaceAll(" Z$", " +0000");
    // RFC 822 allows a missing day name and a two-digit zone name; RFC_1123 wants the day name
    // optional only: keep as is. A lone "Z" offset in basic ISO is read by XX.
    for (Function<String, String> parser : PARSERS) {
      try {
        return Optional.of(parser.apply(s));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  /** A java.util.Date (as ROME gives them) in UTC. */
  static String of(Date date) {
    return date.toInstant().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
