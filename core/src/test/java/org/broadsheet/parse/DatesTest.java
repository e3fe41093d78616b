package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** What {@code LocalDateTime.parse} (strict ISO) makes of a date-time without a zone. */
  private static Optional<ZonedDateTime> iso(String s) {
    try {
      return Optional.of(LocalDateTime.parse(s).atZone(PARIS));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1987-03-02T11:42:05",
        "2024-02-29T23:59:59",
        "0000-01-01T00:00:00",
        "2024-03-31T02:30:00", // in Paris' spring gap
        "2023-02-29T10:00:00",
        "2024-04-31T10:00:00",
        "2024-13-01T10:00:00",
        "2024-00-10T10:00:00",
        "2024-01-01T24:00:00",
        "2024-01-01T23:60:00",
        "2024-01-01T23:59:60"
      })
  void plainDateTimesReadAsIsoReadsThem(String text) {
    assertEquals(iso(text), Dates.parse(text, PARIS));
    assertEquals(iso(text), Dates.parse("  " + text + "\n", PARIS));
  }

  /** What {@code OffsetDateTime.parse} (strict ISO) makes of a date-time in UTC. */
  private static Optional<ZonedDateTime> isoUtc(String s) {
    try {
      return Optional.of(OffsetDateTime.parse(s).toZonedDateTime());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1987-03-02T11:42:05Z",
        "2024-02-29T23:59:59Z",
        "0000-01-01T00:00:00Z",
        "2023-02-29T10:00:00Z",
        "2024-04-31T10:00:00Z",
        "2024-13-01T10:00:00Z",
        "2024-01-01T24:00:00Z",
        "2024-01-01T23:60:00Z",
        "2024-01-01T23:59:60Z",
        "2024-01-01T23:59:5xZ"
      })
  void utcDateTimesReadAsIsoReadsThem(String text) {
    Optional<ZonedDateTime> parsed = Dates.parse(text, PARIS);
    assertEquals(isoUtc(text), parsed);
    assertEquals(
        isoUtc(text).map(ZonedDateTime::getZone), parsed.map(ZonedDateTime::getZone), text);
    assertEquals(isoUtc(text), Dates.parse("  " + text + "\n", PARIS));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1987-03-02",
        "1987-03-02 11:42:05",
        "1987-03-02T11:42",
        "1987-03-02T11:42:05.5",
        "1987-03-02T11:42:05Z",
        "1987-03-02T11:42:05+0100",
        "1987-03-02 11:42:05 +01:00"
      })
  void otherFormsStillRead(String text) {
    assertEquals(true, Dates.parse(text, PARIS).isPresent(), text);
  }
}
