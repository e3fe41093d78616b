package org.broadsheet.view;

import java.util.List;

/**
 * One item of the feeds and the news sitemap; URLs are absolute.
 *
 * @param contentHtml the article's body, as on its page (feeds carry the whole article)
 * @param lang the article's language where it is not the site's, else empty
 */
public record FeedEntry(
    String id,
    String title,
    String url,
    String published,
    String updated,
    String rfc822,
    String summary,
    String contentHtml,
    List<String> authors,
    List<String> tags,
    String lang) {
  public FeedEntry {
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
  }
}
