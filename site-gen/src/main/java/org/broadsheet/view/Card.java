package org.broadsheet.view;

import java.util.List;

/**
 * An article as listings, neighbours and related lists show it.
 *
 * @param href site-relative link to the article page
 * @param isoDate ISO 8601 date-time, empty when undated
 * @param displayDate e.g. {@code 8 August 2022}, or {@code Undated}
 * @param section the section link, or null
 * @param scheduled dated in the future (only built with --future or in preview)
 * @param lang the article's language where it is not the site's (its elements say so), else empty
 * @param dir {@code ltr} or {@code rtl} with {@code lang}, else empty
 */
public record Card(
    String id,
    String title,
    String href,
    String isoDate,
    String displayDate,
    String summary,
    String dateline,
    Link section,
    List<Link> authors,
    List<Link> tags,
    boolean draft,
    boolean scheduled,
    String lang,
    String dir) {
  public Card {
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
  }
}
