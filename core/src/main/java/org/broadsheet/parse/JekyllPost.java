package org.broadsheet.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.source.SourceFile;

/**
 * A Jekyll post's file name, {@code _posts/2024-03-01-harbour-strike.md}: the date and the slug it
 * gives, used where the front matter gives none. Only files in a {@code _posts} folder are read so,
 * so that other files whose names start with a date keep their slugs.
 */
record JekyllPost(ZonedDateTime date, String slug) {
  private static final Pattern NAME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})-(.*\\S.*)");

  static Optional<JekyllPost> of(SourceFile file, ZoneId zone) {
    String path = "/" + file.relativePath();
    if (!path.contains("/_posts/")) {
      return Optional.empty();
    }
    Matcher m = NAME.matcher(file.baseName());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalDate day =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      return Optional.of(new JekyllPost(day.atStartOfDay(zone), m.group(4)));
    } catch (DateTimeException e) {
      return Optional.empty(); // 2024-13-45-x.md: not a date, the name stays the slug
    }
  }
}
