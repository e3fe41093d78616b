package org.broadsheet.route;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.broadsheet.content.Article;
import org.broadsheet.content.ArticleImage;
import org.broadsheet.content.IsoDates;
import org.broadsheet.content.Slugs;
import org.broadsheet.image.Renditions;
import org.broadsheet.render.ThemeMessages;
import org.broadsheet.view.Card;
import org.broadsheet.view.Link;
import org.broadsheet.view.Messages;
import org.broadsheet.view.PageInfo;
import org.broadsheet.view.Picture;
import org.broadsheet.view.SiteView;

/**
 * Builds the view values templates see: cards, page info, links. Cards are made once per article.
 */
public final class Views {
  private final SiteView site;
  private final Links links;
  private final ZoneId zone;
  private final ZonedDateTime now;
  private final ThemeMessages messages;
  private final Map<String, Dates> dates = new ConcurrentHashMap<>();
  private final Map<String, Card> cards = new ConcurrentHashMap<>();

  /**
   * One link per section, author and tag, shared by the cards that show it: made per card, they
   * were about 330 bytes of every article's share of the heap held across a build.
   */
  private final Map<String, Map<String, Link>> groupLinks = new ConcurrentHashMap<>();

  private volatile Map<String, Renditions> pictures = Map.of();

  /**
   * @param messages the theme's strings; {@code site.messages()} are the site language's
   */
  public Views(SiteView site, Links links, ZoneId zone, ZonedDateTime now, ThemeMessages messages) {
    this.site = site;
    this.links = links;
    this.zone = zone;
    this.now = now;
    this.messages = messages;
  }

  /** The theme's strings in the site's language. */
  public Messages text() {
    return site.messages();
  }

  /** The theme's strings in a language (an article's). */
  public Messages text(String language) {
    return messages.of(language);
  }

  private Dates dates(String language) {
    return dates.computeIfAbsent(
        ThemeMessages.normalise(language), l -> new Dates(messages.of(l), zone));
  }

  /**
   * An article's language as its elements carry it ({@code lang}), empty when it is the site's (the
   * page says so already).
   */
  String otherLanguage(Article a) {
    String lang = ThemeMessages.normalise(a.lang());
    return lang.equals(ThemeMessages.normalise(site.language())) ? "" : lang;
  }

  public SiteView site() {
    return site;
  }

  public Links links() {
    return links;
  }

  public ZoneId zone() {
    return zone;
  }

  public ZonedDateTime now() {
    return now;
  }

  /**
   * The published sizes of the site's pictures, by source path ({@link
   * org.broadsheet.image.ImageStage}); set before the first card is made.
   */
  public void usePictures(Map<String, Renditions> published) {
    this.pictures = Map.copyOf(published);
  }

  /** The article's picture as pages show it, or null: none, or its file is missing. */
  public Picture picture(Article a) {
    if (a.image().isEmpty()) {
      return null;
    }
    ArticleImage i = a.image().get();
    if (i.remote()) {
      return new Picture(
          i.src(), 0, 0, List.of(), null, i.alt(), i.caption(), i.credit(), i.src(), 0, 0, true);
    }
    Renditions r = pictures.get(i.src());
    if (r == null) {
      return null;
    }
    if (r.sizes().isEmpty()) { // not decodable here (SVG, WebP): the file as it is
      String href = r.original();
      return new Picture(
          href,
          0,
          0,
          List.of(),
          null,
          i.alt(),
          i.caption(),
          i.credit(),
          site.baseUrl() + r.original(),
          0,
          0,
          false);
    }
    List<Picture.Source> sizes = r.sizes().stream().map(Views::source).toList();
    Renditions.Size src = r.fallback();
    Renditions.Size largest = r.largest();
    return new Picture(
        src.path(),
        src.width(),
        src.height(),
        sizes,
        source(r.thumb()),
        i.alt(),
        i.caption(),
        i.credit(),
        site.baseUrl() + largest.path(),
        largest.width(),
        largest.height(),
        false);
  }

  private static Picture.Source source(Renditions.Size s) {
    return new Picture.Source(s.path(), s.width(), s.height());
  }

  public Card card(Article a) {
    return cards.computeIfAbsent(a.id(), id -> newCard(a));
  }

  private Card newCard(Article a) {
    Link section = a.section().isEmpty() ? null : groupLink("sections", a.section());
    String lang = otherLanguage(a);
    return new Card(
        a.id(),
        a.title(),
        links.href(Links.article(a.slug())),
        iso(a.date().orElse(null)),
        a.date().map(this::displayDate).orElse(text().t("date.undated")),
        a.summary(),
        a.dateline(),
        section,
        groupLinks("authors", a.authors()),
        groupLinks("tags", a.tags()),
        a.draft(),
        a.date().map(d -> d.isAfter(now)).orElse(false),
        a.extras().weight().orElse(0),
        a.extras().params(),
        picture(a),
        lang,
        lang.isEmpty() ? "" : messages.of(lang).dir());
  }

  private List<Link> groupLinks(String kind, List<String> names) {
    return switch (names.size()) {
      case 0 -> List.of();
      case 1 -> List.of(groupLink(kind, names.get(0)));
      default -> names.stream().map(n -> groupLink(kind, n)).toList();
    };
  }

  private Link groupLink(String kind, String name) {
    return groupLinks
        .computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(name, n -> Link.of(n, links.href(Links.group(kind, Slugs.slugify(n)))));
  }

  /** A date as the site's language writes it: {@code 1 December 2026}, {@code 1. Dezember 2026}. */
  public String displayDate(ZonedDateTime d) {
    return dates(site.language()).day(d);
  }

  /** A date as {@code language} writes it. */
  public String displayDate(ZonedDateTime d, String language) {
    return dates(language).day(d);
  }

  /** A month as the site's language writes it: {@code December 2026}. */
  public String month(int year, int month) {
    return dates(site.language()).month(year, month);
  }

  /** A month's short name in the site's language, for a chart's axis. */
  public String shortMonth(int month) {
    return dates(site.language()).shortMonth(month);
  }

  /** A number (a year) in the site language's digits. */
  public String number(long n) {
    return dates(site.language()).number(n);
  }

  public static String iso(ZonedDateTime d) {
    return d == null ? "" : IsoDates.format(d);
  }

  /**
   * Page info for the 404 page, which hosts serve at whatever address was not found: its links
   * start at the site's base path (of {@code baseUrl}), not relative to where it was served, and it
   * has no canonical URL. Sites built for disk keep relative links (no host serves their 404).
   */
  public PageInfo notFound(String title, String file) {
    PageInfo page = page(title, "", file, "notfound");
    String root = links.offline() ? page.root() : basePath(site.baseUrl());
    return new PageInfo(
        page.title(), page.description(), root, page.path(), "", page.kind(), page.links());
  }

  /** The path of a base URL, ending in a slash: {@code https://x.org/news} gives {@code /news/}. */
  static String basePath(String baseUrl) {
    String path;
    try {
      path = java.net.URI.create(baseUrl).getRawPath();
    } catch (IllegalArgumentException e) {
      path = null;
    }
    if (path == null || path.isEmpty()) {
      return "/";
    }
    return path.endsWith("/") ? path : path + "/";
  }

  /** Page info for a folder-style page ({@code tags/x/}) or a file ({@code 404.html}). */
  public PageInfo page(String title, String description, String folderOrFile, String kind) {
    String file =
        folderOrFile.isEmpty() || folderOrFile.endsWith("/")
            ? Links.file(folderOrFile)
            : folderOrFile;
    String canonical =
        site.baseUrl()
            + (folderOrFile.endsWith("/") || folderOrFile.isEmpty() ? folderOrFile : file);
    return new PageInfo(
        title,
        description,
        Links.root(file),
        file,
        canonical,
        kind,
        new PageInfo.Links(
            links.href(""),
            links.href("search/"),
            links.href("archive/"),
            links.href("tags/"),
            links.href("sections/"),
            links.href("authors/"),
            "feed.xml",
            "rss.xml",
            "feed.json"));
  }
}
