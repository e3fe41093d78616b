package org.broadsheet.view;

import java.util.List;

/**
 * Data model of {@code feed.ftlx} (Atom), {@code rss.ftlx}, {@code sitemap.ftlx} and {@code
 * news-sitemap.ftlx}.
 *
 * @param self absolute URL of the feed itself
 * @param updated newest date of any entry (ISO 8601), or the build time
 * @param urls a sitemap's pages, a sitemap index's sitemaps, or the sitemaps robots.txt names
 */
public record FeedPage(
    SiteView site,
    String self,
    String home,
    String updated,
    String rfc822,
    List<FeedEntry> entries,
    List<SitemapUrl> urls) {
  public FeedPage {
    entries = List.copyOf(entries);
    urls = List.copyOf(urls);
  }
}
