package org.broadsheet.parse;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What a parser may know beyond the file itself. One context serves a whole build (it caches the
 * archive-wide {@code _metadata.csv} files it reads).
 *
 * @param timeZone the site's zone, for dates given without one
 * @param language the site's default language
 * @param archive the archive-wide metadata ({@code _metadata.csv}), read on demand and cached
 */
public record ParseContext(ZoneId timeZone, String language, ArchiveMetadata archive) {
  public ParseContext {
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(archive, "archive");
  }

  /** A context for one build, with an empty {@code _metadata.csv} cache. */
  public ParseContext(ZoneId timeZone, String language) {
    this(timeZone, language, new ArchiveMetadata());
  }
}
