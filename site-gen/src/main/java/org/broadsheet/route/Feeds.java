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
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.content.Group;
import org.broadsheet.view.FeedEntry;
import org.broadsheet.view.FeedPage;
import org.broadsheet.view.SitemapUrl;

/**
 * Atom, RSS, JSON Feed, sitemaps and robots.txt. Feeds carry each article whole; sitemaps list
 * articles and listing pages with the date each last changed; a news sitemap is written only when
 * there is recent news (an empty one is invalid), and robots.txt names the sitemaps written.
 */
public final class Feeds {
  /** Entries in each feed: the newest articles. */
  static final int FEED_SIZE = 50;

  /** URLs per sitemap file (the protocol's limit); above it a sitemap index links the parts. */
  static final int SITEMAP_LIMIT = 50_000;

  /** News sitemaps list only the last two days of news (Google's rule). */
  private static final long NEWS_WINDOW_SECONDS = 2 * 24 * 3600;

  private final Views views;
  private final ArticlePages articles;

  /**
   * @param articles gives an article's body, as its page shows it, and what stands for it in a
   *     feed's inputs
   */
  Feeds(Views views, ArticlePages articles) {
    this.views = views;
    this.articles = articles;
  }

  List<Page> pages(Archive archive) {
    List<Page> pages = new ArrayList<>();
    pages.add(
        new Page(
            "feed.xml",
            "feed.ftlx",
            () -> feed(archive, "feed.xml", true),
            () -> feedInputs(archive, "feed.xml")));
    pages.add(
        new Page(
            "rss.xml",
            "rss.ftlx",
            () -> feed(archive, "rss.xml", true),
            () -> feedInputs(archive, "rss.xml")));
    pages.add(
        new Page(
            "feed.json", "json", () -> jsonFeed(archive), () -> feedInputs(archive, "feed.json")));
    List<SitemapUrl> sitemaps = new ArrayList<>();
    sitemaps.add(new SitemapUrl(views.site().baseUrl() + "sitemap.xml", ""));
    if (recent(archive).findAny().isPresent()) {
      pages.add(new Page("news-sitemap.xml", "news-sitemap.ftlx", () -> newsSitemap(archive)));
      sitemaps.add(new SitemapUrl(views.site().baseUrl() + "news-sitemap.xml", ""));
    }
    pages.add(new Page("robots.txt", "robots.ftl", () -> page(List.of(), sitemaps, "robots.txt")));
    int urls = sitemapUrlCount(archive);
    pages.addAll(
        sitemaps(
            urls,
            madeOnce(
                () -> {
                  List<SitemapUrl> made = sitemapUrls(archive);
                  if (made.size() != urls) { // the parts were cut for that many
                    throw new IllegalStateException(
                        made.size() + " sitemap URLs where " + urls + " were counted");
                  }
                  return made;
                }),
            views.site().baseUrl(),
            SITEMAP_LIMIT,
            (list, name) -> page(List.of(), list, name)));
    return pages;
  }

  /**
   * {@code make}'s value, made by the first thread that asks and shared with the others: the
   * sitemap's URLs are made on a render thread, for all its parts, not on the main thread before
   * any page renders (at 100,000 articles that was over a second while other work waited).
   */
  private static <T> Supplier<T> madeOnce(Supplier<T> make) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = make.get();
        }
        return value;
      }
    };
  }

  /**
   * The sitemap of {@code urls}, {@code count} of them: {@code sitemap.xml} up to {@code limit},
   * else parts of {@code limit} ({@code sitemap-1.xml}, ...) and, as {@code sitemap.xml}, an index
   * of the parts, each as new as its newest URL. {@code view} makes a file's view from its URLs and
   * name; the URLs are asked for only when a view is made.
   */
  static List<Page> sitemaps(
      int count,
      Supplier<List<SitemapUrl>> urls,
      String base,
      int limit,
      BiFunction<List<SitemapUrl>, String, Object> view) {
    if (count <= limit) {
      return List.of(
          new Page("sitemap.xml", "sitemap.ftlx", () -> view.apply(urls.get(), "sitemap.xml")));
    }
    List<Page> pages = new ArrayList<>();
    int parts = (count + limit - 1) / limit;
    for (int i = 0; i < parts; i++) {
      int from = i * limit;
      String name = partName(i);
      pages.add(new Page(name, "sitemap.ftlx", () -> view.apply(slice(urls, from, limit), name)));
    }
    Supplier<Object> index =
        () -> {
          List<SitemapUrl> listed = new ArrayList<>(parts);
          for (int i = 0; i < parts; i++) {
            listed.add(new SitemapUrl(base + partName(i), newest(slice(urls, i * limit, limit))));
          }
          return view.apply(listed, "sitemap.xml");
        };
    pages.add(new Page("sitemap.xml", "sitemap-index.ftlx", index));
    return pages;
  }

  /** The file of the sitemap's part {@code i}, from 0: {@code sitemap-1.xml}, ... */
  private static String partName(int i) {
    return "sitemap-" + (i + 1) + ".xml";
  }

  private static List<SitemapUrl> slice(Supplier<List<SitemapUrl>> urls, int from, int limit) {
    List<SitemapUrl> all = urls.get();
    return all.subList(from, Math.min(all.size(), from + limit));
  }

  /** How many URLs {@link #sitemapUrls} makes, without making them. */
  private static int sitemapUrlCount(Archive archive) {
    return 1
        + archive.sections().size()
        + archive.tags().size()
        + archive.authors().size()
        + archive.sources().size()
        + archive.size();
  }

  /**
   * The front page, the listing page of every tag, section, author and source, and every article,
   * each with the date it last changed (a listing changes with its newest article).
   */
  private List<SitemapUrl> sitemapUrls(Archive archive) {
    String base = views.site().baseUrl();
    List<SitemapUrl> urls = new ArrayList<>(archive.size() + 16);
    urls.add(new SitemapUrl(base, lastmod(archive.articles())));
    groups(urls, base, "sections", archive.sections());
    groups(urls, base, "tags", archive.tags());
    groups(urls, base, "authors", archive.authors());
    groups(urls, base, "sources", archive.sources());
    for (Article a : archive.articles()) {
      urls.add(new SitemapUrl(base + Links.article(a.slug()), lastmod(a).orElse("")));
    }
    return urls;
  }

  private static void groups(List<SitemapUrl> urls, String base, String kind, List<Group> groups) {
    for (Group g : groups) {
      urls.add(new SitemapUrl(base + Links.group(kind, g.slug()), lastmod(g.articles())));
    }
  }

  /** When an article last changed: its update, else its date. */
  private static Optional<String> lastmod(Article a) {
    return a.updated().or(a::date).map(Views::iso);
  }

  /** When the newest change among {@code articles} was, or empty when none is dated. */
  private static String lastmod(List<Article> articles) {
    return articles.stream()
        .map(a -> a.updated().or(a::date))
        .flatMap(Optional::stream)
        .max(java.util.Comparator.naturalOrder())
        .map(Views::iso)
        .orElse("");
  }

  /** The latest lastmod of {@code urls} by instant (as text, offsets would order it wrongly). */
  static String newest(List<SitemapUrl> urls) {
    return urls.stream()
        .map(SitemapUrl::lastmod)
        .filter(m -> !m.isEmpty())
        .max(
            java.util.Comparator.comparing(
                java.time.OffsetDateTime::parse, java.time.OffsetDateTime.timeLineOrder()))
        .orElse("");
  }

  private List<Article> feedArticles(Archive archive) {
    return archive.articles().stream().filter(Article::isDated).limit(FEED_SIZE).toList();
  }

  /** The feed; {@code whole}: its entries with the articles' bodies. */
  private FeedPage feed(Archive archive, String self, boolean whole) {
    return page(feedArticles(archive).stream().map(a -> entry(a, whole)).toList(), List.of(), self);
  }

  /**
   * What a feed is a function of: the feed without bodies, and what stands for each body (its
   * source's content hash), so an unchanged feed is kept without loading a body.
   */
  private List<Object> feedInputs(Archive archive, String self) {
    return List.of(
        feed(archive, self, false),
        feedArticles(archive).stream().map(articles::bodyInput).toList());
  }

  private java.util.stream.Stream<Article> recent(Archive archive) {
    ZonedDateTime since = views.now().minusSeconds(NEWS_WINDOW_SECONDS);
    // newest first, undated last: the recent ones lead
    return archive.articles().stream()
        .takeWhile(a -> a.date().map(d -> d.isAfter(since)).orElse(false));
  }

  private FeedPage newsSitemap(Archive archive) {
    return page(
        recent(archive).limit(1000).map(a -> entry(a, false)).toList(),
        List.of(),
        "news-sitemap.xml");
  }

  private FeedPage page(List<FeedEntry> entries, List<SitemapUrl> urls, String self) {
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

  /** A feed's entry; {@code whole}: with the article's body (feeds), else without (sitemaps). */
  private FeedEntry entry(Article a, boolean whole) {
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
        whole ? articles.body(a).html() : "",
        a.authors(),
        a.tags(),
        views.otherLanguage(a));
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
    for (FeedEntry e : feed(archive, "feed.json", true).entries()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", e.id());
      item.put("url", e.url());
      item.put("title", e.title());
      item.put("summary", e.summary());
      item.put("content_html", e.contentHtml());
      item.put("date_published", e.published());
      item.put("date_modified", e.updated());
      if (!e.authors().isEmpty()) {
        item.put("authors", e.authors().stream().map(n -> Map.of("name", n)).toList());
      }
      if (!e.tags().isEmpty()) {
        item.put("tags", e.tags());
      }
      if (!e.lang().isEmpty()) {
        item.put("language", e.lang());
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
