package org.broadsheet.view;

import java.util.List;
import java.util.Map;

/**
 * An article as listings, neighbours and related lists show it.
 *
 * @param href site-relative link to the article page
 * @param isoDate ISO 8601 date-time, empty when undated
 * @param displayDate e.g. {@code 8 August 2022}, or {@code Undated}
 * @param section the section link, or null
 * @param scheduled dated in the future (only built with --future or in preview)
 * @param weight front matter {@code weight} (orders articles of one date), 0 when unset
 * @param params the front-matter keys Broadsheet does not know, as written (Hugo's {@code .Params})
 * @param image the article's picture, or null
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
    int weight,
    Map<String, Object> params,
    Picture image,
    String lang,
    String dir) {
  public Card {
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
    java.util.Objects.requireNonNull(params, "params");
  }
}
