package org.broadsheet.parse.wire;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates a wire story from what there is, best first: the sidecar, the {@code _metadata.csv} row, a
 * date in the file name ({@code 2022-08-22}, {@code 2022_08_22}, {@code 20220822}), the dateline's
 * month and day with a year from the dateline itself, the CSV row or a folder name ({@code
 * reuters-1987/}); the sidecar's or the CSV's year is a {@code date} that is only a year. Otherwise
 * the story is undated, and the reason says what was missing.
 */
public final class WireDates {
  private static final Pattern DATE_IN_NAME =
      Pattern.compile(
          "(?<!\\d)((?:19|20)\\d\\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\\d|3[01])(?!\\d)");
  private static final Pattern YEAR_IN_FOLDER =
      Pattern.compile("(?<!\\d)((?:18|19|20)\\d\\d)(?!\\d)");

  /** A date, or none, and how it was found (or why not). */
  public record Dating(Optional<ZonedDateTime> date, String how) {}

  private WireDates() {}

  public static Dating resolve(
      String relativePath,
      Optional<ZonedDateTime> sidecar,
      Optional<ZonedDateTime> csv,
      OptionalInt contextYear,
      String yearFrom,
      Optional<Dateline> dateline,
      ZoneId zone) {
    if (sidecar.isPresent()) {
      return new Dating(sidecar, "sidecar");
    }
    if (csv.isPresent()) {
      return new Dating(csv, "_metadata.csv");
    }
    String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
    Optional<LocalDate> named = dateIn(name);
    if (named.isPresent()) {
      return new Dating(Optional.of(named.get().atStartOfDay(zone)), "file name");
    }
    if (dateline.isEmpty() || dateline.get().monthDay().isEmpty()) {
      return new Dating(
          Optional.empty(), "no date in a sidecar, _metadata.csv, the file name or the dateline");
    }
    Dateline d = dateline.get();
    String how;
    OptionalInt year;
    if (d.year().isPresent()) {
      year = d.year();
      how = "dateline";
    } else if (contextYear.isPresent()) {
      year = contextYear;
      how = "dateline " + monthDay(d) + ", year from " + yearFrom;
    } else {
      year = yearInFolders(relativePath);
      how = "dateline " + monthDay(d) + ", year from the folder name";
    }
    if (year.isEmpty()) {
      return new Dating(
          Optional.empty(),
          "the dateline gives "
              + monthDay(d)
              + " but no year (put the year in the folder name, a sidecar or _metadata.csv)");
    }
    try {
      return new Dating(
          Optional.of(d.monthDay().get().atYear(year.getAsInt()).atStartOfDay(zone)), how);
    } catch (DateTimeException e) {
      return new Dating(
          Optional.empty(),
          "the dateline's " + monthDay(d) + " does not exist in " + year.getAsInt());
    }
  }

  static Optional<LocalDate> dateIn(String name) {
    Matcher m = DATE_IN_NAME.matcher(name);
    while (m.find()) {
      try {
        return Optional.of(
            LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
      } catch (DateTimeException e) {
        // 2021-02-30 is no date; look further
      }
    }
    return Optional.empty();
  }

  /**
   * The year named by the nearest folder holding one ({@code content/reuters-1987/x.txt} → 1987).
   */
  static OptionalInt yearInFolders(String relativePath) {
    String[] segments = relativePath.split("/");
    for (int i = segments.length - 2; i >= 0; i--) {
      Matcher m = YEAR_IN_FOLDER.matcher(segments[i]);
      if (m.find()) {
        return OptionalInt.of(Integer.parseInt(m.group(1)));
      }
    }
    return OptionalInt.empty();
  }

  private static String monthDay(Dateline d) {
    return d.monthDay()
        .map(
            md ->
                md.getMonth()
                        .getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
                    + " "
                    + md.getDayOfMonth())
        .orElse("");
  }
}
