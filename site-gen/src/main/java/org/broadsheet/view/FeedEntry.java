package org.broadsheet.view;

import java.util.List;

/** One item of the Atom and RSS feeds and the sitemap; URLs are absolute. */
public record FeedEntry(
    String id,
    String title,
    String url,
    String published,
    String updated,
    String rfc822,
    String summary,
    List<String> authors,
    List<String> tags) {
  public FeedEntry {
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
  }
}
