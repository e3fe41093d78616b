package org.broadsheet.parse;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What a parser may know beyond the file itself.
 *
 * @param timeZone the site's zone, for dates given without one
 * @param language the site's default language
 */
public record ParseContext(ZoneId timeZone, String language) {
  public ParseContext {
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(language, "language");
  }
}
