package org.broadsheet.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoDatesTest {
  private static void assertAsTheFormatter(ZonedDateTime d) {
    assertEquals(d.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), IsoDates.format(d), d::toString);
  }

  @Test
  void writesWhatTheFormatterWrites() {
    assertEquals(
        "1987-03-24T15:09:46Z",
        IsoDates.format(ZonedDateTime.of(1987, 3, 24, 15, 9, 46, 0, ZoneOffset.UTC)));
    assertEquals(
        "2024-05-01T08:00:00+02:00",
        IsoDates.format(ZonedDateTime.of(2024, 5, 1, 8, 0, 0, 0, ZoneId.of("Europe/Paris"))));
    assertEquals(
        "0099-12-31T23:59:59-09:30",
        IsoDates.format(
            ZonedDateTime.of(99, 12, 31, 23, 59, 59, 0, ZoneOffset.ofHoursMinutes(-9, -30))));
  }

  @Test
  void datesItDoesNotWriteGoToTheFormatter() {
    for (ZonedDateTime d :
        List.of(
            ZonedDateTime.of(2024, 5, 1, 8, 0, 0, 1_500_000, ZoneOffset.UTC), // a fraction
            ZonedDateTime.of(12024, 5, 1, 8, 0, 0, 0, ZoneOffset.UTC), // five digits
            ZonedDateTime.of(-44, 3, 15, 12, 0, 0, 0, ZoneOffset.UTC), // before year 0
            ZonedDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneId.of("Europe/Amsterdam")))) { // +00:19:32
      assertAsTheFormatter(d);
    }
  }

  @Test
  void randomDatesInEveryZone() {
    Random random = new Random(7);
    List<String> zones = List.copyOf(ZoneId.getAvailableZoneIds());
    for (int i = 0; i < 20_000; i++) {
      long second = random.nextLong() % 400_000_000_000L; // years -10,700 to 14,600
      int nano = random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0;
      ZoneId zone =
          random.nextBoolean()
              ? ZoneId.of(zones.get(random.nextInt(zones.size())))
              : ZoneOffset.ofTotalSeconds((random.nextInt(36 * 4 + 1) - 18 * 4) * 15 * 60);
      assertAsTheFormatter(ZonedDateTime.ofInstant(Instant.ofEpochSecond(second, nano), zone));
    }
  }
}
