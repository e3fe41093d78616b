package org.broadsheet.parse.wire;

import java.time.MonthDay;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The dateline that opens a wire story: {@code TEHRAN —}, {@code SALVADOR, Feb 26 -}, {@code
 * COMMACK, N.Y., Feb 26 -}, {@code LONDON, March 3 (Reuters) -}.
 *
 * @param place the place as written ({@code NEW YORK}, {@code COMMACK, N.Y.})
 * @param monthDay the month and day when the dateline gives them
 * @param year the year when the dateline gives one (rare: wires leave it out)
 * @param agency the agency code in parentheses ({@code Reuters}, {@code MNA}), or empty
 * @param end offset in the text just past the dateline and its dash
 */
public record Dateline(
    String place, Optional<MonthDay> monthDay, OptionalInt year, String agency, int end) {
  public Dateline {
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(monthDay, "monthDay");
    Objects.requireNonNull(year, "year");
    Objects.requireNonNull(agency, "agency");
  }
}
