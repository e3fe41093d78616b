package org.broadsheet.view;

import java.util.List;

/**
 * Data model of {@code feed.ftlx} (Atom), {@code rss.ftlx}, {@code sitemap.ftlx} and {@code
 * news-sitemap.ftlx}.
 *
 * @param self absolute URL of the feed itself
 * @param updated newest date of any entry (ISO 8601), or the build time
 */
public record FeedPage(
    SiteView site,
    String self,
    String home,
    String updated,
    String rfc822,
    List<FeedEntry> entries,
    List<String> urls) {
  public FeedPage {
    entries = List.copyOf(entries);
    urls = List.copyOf(urls);
  }
}
