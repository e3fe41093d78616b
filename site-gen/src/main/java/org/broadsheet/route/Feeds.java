package org.broadsheet.route;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.view.FeedEntry;
import org.broadsheet.view.FeedPage;

/** Atom, RSS, JSON Feed, sitemaps and robots.txt. */
public final class Feeds {
  /** Entries in each feed: the newest articles. */
  static final int FEED_SIZE = 50;

  /** URLs per sitemap file (the protocol's limit); above it a sitemap index links the parts. */
  static final int SITEMAP_LIMIT = 50_000;

  /** News sitemaps list only the last two days of news (Google's rule). */
  private static final long NEWS_WINDOW_SECONDS = 2 * 24 * 3600;

  private final Views views;

  public Feeds(Views views) {
    this.views = views;
  }

  List<Page> pages(Archive archive) {
    List<Page> pages = new ArrayList<>();
    pages.add(new Page("feed.xml", "feed.ftlx", () -> feed(archive, "feed.xml")));
    pages.add(new Page("rss.xml", "rss.ftlx", () -> feed(archive, "rss.xml")));
    pages.add(new Page("feed.json", "json", () -> jsonFeed(archive)));
    pages.add(new Page("news-sitemap.xml", "news-sitemap.ftlx", () -> newsSitemap(archive)));
    pages.add(new Page("robots.txt", "robots.ftl", () -> page(List.of(), List.of(), "robots.txt")));
    List<String> urls = sitemapUrls(archive);
    if (urls.size() <= SITEMAP_LIMIT) {
      pages.add(
          new Page("sitemap.xml", "sitemap.ftlx", () -> page(List.of(), urls, "sitemap.xml")));
    } else {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i * SITEMAP_LIMIT < urls.size(); i++) {
        String name = "sitemap-" + (i + 1) + ".xml";
        List<String> slice =
            urls.subList(i * SITEMAP_LIMIT, Math.min(urls.size(), (i + 1) * SITEMAP_LIMIT));
        parts.add(views.site().baseUrl() + name);
        pages.add(new Page(name, "sitemap.ftlx", () -> page(List.of(), slice, name)));
      }
      pages.add(
          new Page(
              "sitemap.xml", "sitemap-index.ftlx", () -> page(List.of(), parts, "sitemap.xml")));
    }
    return pages;
  }

  private List<String> sitemapUrls(Archive archive) {
    String base = views.site().baseUrl();
    List<String> urls = new ArrayList<>(archive.size() + 16);
    urls.add(base);
    for (Article a : archive.articles()) {
      urls.add(base + Links.article(a.slug()));
    }
    return urls;
  }

  private FeedPage feed(Archive archive, String self) {
    List<FeedEntry> entries =
        archive.articles().stream()
            .filter(Article::isDated)
            .limit(FEED_SIZE)
            .map(this::entry)
            .toList();
    return page(entries, List.of(), self);
  }

  private FeedPage newsSitemap(Archive archive) {
    ZonedDateTime since = views.now().minusSeconds(NEWS_WINDOW_SECONDS);
    List<FeedEntry> recent =
        archive.articles().stream()
            .filter(a -> a.date().map(d -> d.isAfter(since)).orElse(false))
            .limit(1000)
            .map(this::entry)
            .toList();
    return page(recent, List.of(), "news-sitemap.xml");
  }

  private FeedPage page(List<FeedEntry> entries, List<String> urls, String self) {
    String updated = entries.isEmpty() ? Views.iso(views.now()) : entries.get(0).updated();
    ZonedDateTime newest = entries.isEmpty() ? views.now() : ZonedDateTime.parse(updated);
    return new FeedPage(
        views.site(),
        views.site().baseUrl() + self,
        views.site().baseUrl(),
        updated,
        newest.format(DateTimeFormatter.RFC_1123_DATE_TIME),
        entries,
        urls);
  }

  private FeedEntry entry(Article a) {
    ZonedDateTime date = a.date().orElseThrow();
    String url = views.site().baseUrl() + Links.article(a.slug());
    return new FeedEntry(
        a.id(),
        a.title(),
        url,
        Views.iso(date),
        Views.iso(a.updated().orElse(date)),
        date.format(DateTimeFormatter.RFC_1123_DATE_TIME),
        a.summary(),
        a.authors(),
        a.tags());
  }

  /** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), serialised by Jackson. */
  private String jsonFeed(Archive archive) {
    Map<String, Object> feed = new LinkedHashMap<>();
    feed.put("version", "https://jsonfeed.org/version/1.1");
    feed.put("title", views.site().title());
    feed.put("home_page_url", views.site().baseUrl());
    feed.put("feed_url", views.site().baseUrl() + "feed.json");
    if (!views.site().description().isEmpty()) {
      feed.put("description", views.site().description());
    }
    feed.put("language", views.site().language());
    List<Map<String, Object>> items = new ArrayList<>();
    for (FeedEntry e : feed(archive, "feed.json").entries()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", e.id());
      item.put("url", e.url());
      item.put("title", e.title());
      item.put("summary", e.summary());
      item.put("content_text", e.summary());
      item.put("date_published", e.published());
      item.put("date_modified", e.updated());
      if (!e.authors().isEmpty()) {
        item.put("authors", e.authors().stream().map(n -> Map.of("name", n)).toList());
      }
      if (!e.tags().isEmpty()) {
        item.put("tags", e.tags());
      }
      items.add(item);
    }
    feed.put("items", items);
    try {
      return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(feed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
