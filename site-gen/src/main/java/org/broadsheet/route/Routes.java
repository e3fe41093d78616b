package org.broadsheet.route;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.broadsheet.content.AliasPaths;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.content.Group;
import org.broadsheet.content.Period;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.view.ArchivePage;
import org.broadsheet.view.BasicPage;
import org.broadsheet.view.GroupsPage;
import org.broadsheet.view.HomePage;
import org.broadsheet.view.Link;
import org.broadsheet.view.Listing;
import org.broadsheet.view.ListingPage;
import org.broadsheet.view.Messages;
import org.broadsheet.view.PageInfo;
import org.broadsheet.view.Pager;
import org.broadsheet.view.RedirectPage;

/**
 * The page plan: every output file of a site as a {@link Page} value. Output formats are data: a
 * new page kind is one more entry here plus a template.
 */
public final class Routes {
  /**
   * The group kinds (their folders); headings come from the theme's messages ({@code groups.tags},
   * {@code group.tags}, {@code describe.tags}, ...).
   */
  private static final List<String> GROUP_KINDS = List.of("tags", "sections", "authors", "sources");

  private final Views views;
  private final ArticlePages articlePages;
  private final Feeds feeds;
  private final int pageSize;
  private final Diagnostics diagnostics;
  private final FrontPages front;

  /**
   * @param diagnostics where aliases that cannot be written are reported
   */
  public Routes(Views views, ArticlePages articlePages, int pageSize, Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.views = views;
    this.articlePages = articlePages;
    this.feeds = new Feeds(views, articlePages);
    this.pageSize = pageSize;
    this.front = new FrontPages(views);
  }

  /** Every page of the site except article pages, which {@link #articles} plans separately. */
  public List<Page> plan(Archive archive) {
    Messages m = views.text();
    List<Page> pages = new ArrayList<>();
    List<Page> home =
        listing(
            archive.articles(),
            "",
            views.site().title(),
            views.site().description().isEmpty()
                ? m.t("home.description", views.site().title())
                : views.site().description(),
            "home",
            m.t("home.latest"),
            "index.ftlh",
            List.of());
    pages.add(homePage(archive, home.get(0)));
    pages.addAll(home.subList(1, home.size()));
    for (String kind : GROUP_KINDS) {
      pages.addAll(groups(archive, kind));
    }
    pages.addAll(calendar(archive));
    pages.add(
        new Page(
            "search/index.html",
            "search.ftlh",
            () ->
                new BasicPage(
                    views.site(),
                    views.page(m.t("search.heading"), m.t("search.label"), "search/", "search"))));
    pages.add(
        new Page(
            "404.html",
            "404.ftlh",
            () -> new BasicPage(views.site(), views.notFound(m.t("notfound.title"), "404.html"))));
    pages.addAll(feeds.pages(archive));
    pages.addAll(redirects(archive, pages));
    return pages;
  }

  /**
   * A redirect page at each article's old addresses (front matter {@code aliases}). An alias that
   * would overwrite another page, an article or another article's alias is reported and left out.
   */
  private List<Page> redirects(Archive archive, List<Page> planned) {
    Set<String> taken = new HashSet<>();
    Set<String> folders = new HashSet<>();
    planned.forEach(p -> take(p.path(), taken, folders));
    archive.articles().forEach(a -> take(Links.file(Links.article(a.slug())), taken, folders));
    List<Page> pages = new ArrayList<>();
    for (Article a : archive.articles()) {
      for (String alias : a.extras().aliases()) {
        AliasPaths.Result path = AliasPaths.of(alias);
        if (!path.ok()) {
          diagnostics.add(
              Diagnostic.warning(
                  a.sourcePath(),
                  "alias '" + alias + "' " + path.problem() + "; no redirect written"));
          continue;
        }
        String file = path.file();
        if (!free(file, taken, folders)) {
          diagnostics.add(
              Diagnostic.warning(
                  a.sourcePath(),
                  "alias '"
                      + alias
                      + "' would overwrite "
                      + file
                      + ", a page of the site or another alias; no redirect written"));
          continue;
        }
        take(file, taken, folders);
        String folder = Links.article(a.slug());
        pages.add(
            new Page(
                file,
                "alias.ftlh",
                () -> {
                  PageInfo info = views.page(a.title(), "", file, "redirect");
                  String canonical = views.site().baseUrl() + folder;
                  return new RedirectPage(
                      views.site(),
                      new PageInfo(
                          info.title(),
                          info.description(),
                          info.root(),
                          info.path(),
                          canonical,
                          info.kind(),
                          info.links()),
                      a.title(),
                      info.root() + views.links().href(folder));
                }));
      }
    }
    return pages;
  }

  private static void take(String file, Set<String> taken, Set<String> folders) {
    taken.add(file);
    for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
      folders.add(file.substring(0, slash));
    }
  }

  /** Whether no page is written at {@code file}, or as a folder there, or as a folder of it. */
  private static boolean free(String file, Set<String> taken, Set<String> folders) {
    if (taken.contains(file) || folders.contains(file)) {
      return false;
    }
    for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
      if (taken.contains(file.substring(0, slash))) {
        return false;
      }
    }
    return true;
  }

  /** The front page's first page: its listing with the news layout of its stories. */
  private Page homePage(Archive archive, Page first) {
    List<Article> shown = archive.articles().subList(0, Math.min(pageSize, archive.size()));
    return new Page(
        first.path(),
        first.template(),
        () -> {
          ListingPage list = (ListingPage) first.view().get();
          return new HomePage(
              list.site(),
              list.page(),
              list.listing(),
              list.breadcrumbs(),
              front.front(archive, shown));
        });
  }

  /** One page per article. */
  public List<Page> articles(Archive archive) {
    List<Page> pages = new ArrayList<>(archive.size());
    for (Article a : archive.articles()) {
      pages.add(articlePages.page(archive, a));
    }
    return pages;
  }

  private List<Page> groups(Archive archive, String folder) {
    Messages m = views.text();
    String plural = m.t("groups." + folder);
    List<Group> groups =
        switch (folder) {
          case "tags" -> archive.tags();
          case "sections" -> archive.sections();
          case "authors" -> archive.authors();
          default -> archive.sources();
        };
    List<Page> pages = new ArrayList<>();
    List<Link> links =
        groups.stream()
            .map(
                g ->
                    new Link(
                        g.name(),
                        views.links().href(Links.group(folder, g.slug())),
                        g.articles().size()))
            .toList();
    String index = folder + "/";
    pages.add(
        new Page(
            Links.file(index),
            "groups.ftlh",
            () ->
                new GroupsPage(
                    views.site(),
                    views.page(
                        plural,
                        m.t("groups.description", plural, views.site().title()),
                        index,
                        "groups"),
                    plural,
                    links)));
    List<Link> crumbs = List.of(Link.of(plural, views.links().href(index)));
    for (Group g : groups) {
      pages.addAll(
          listing(
              g.articles(),
              Links.group(folder, g.slug()),
              m.t("group." + folder, g.name()),
              describe(folder, g.name(), g.articles().size()),
              folder,
              g.name(),
              "list.ftlh",
              crumbs));
    }
    return pages;
  }

  private List<Page> calendar(Archive archive) {
    Messages m = views.text();
    List<Page> pages = new ArrayList<>();
    List<Link> years =
        archive.years().stream()
            .map(
                p ->
                    new Link(
                        views.number(p.year()),
                        views.links().href(Links.year(p.year())),
                        p.articles().size()))
            .toList();
    List<Article> undated = archive.undated();
    Link undatedLink =
        undated.isEmpty()
            ? null
            : new Link(m.t("date.undated"), views.links().href("archive/undated/"), undated.size());
    String archiveHeading = m.t("archive.heading");
    Link archiveCrumb = Link.of(archiveHeading, views.links().href("archive/"));
    pages.add(
        new Page(
            "archive/index.html",
            "archive.ftlh",
            () ->
                new ArchivePage(
                    views.site(),
                    views.page(archiveHeading, m.t("archive.description"), "archive/", "archive"),
                    archiveHeading,
                    years,
                    max(years),
                    undatedLink,
                    List.of(),
                    yearBars(archive),
                    List.of())));
    for (Period year : archive.years()) {
      List<Link> months =
          archive.months().stream()
              .filter(p -> p.year() == year.year())
              .map(
                  p ->
                      new Link(
                          views.month(p.year(), p.month()),
                          views.links().href(Links.month(p.year(), p.month())),
                          p.articles().size()))
              .toList();
      String title = views.number(year.year());
      pages.add(
          new Page(
              Links.file(Links.year(year.year())),
              "archive.ftlh",
              () ->
                  new ArchivePage(
                      views.site(),
                      views.page(
                          title, m.t("archive.year", title), Links.year(year.year()), "archive"),
                      title,
                      months,
                      max(months),
                      null,
                      List.of(archiveCrumb),
                      monthBars(archive, year.year()),
                      monthStories(archive, year.year()))));
    }
    for (Period month : archive.months()) {
      String title = views.month(month.year(), month.month());
      List<Link> crumbs =
          List.of(
              archiveCrumb,
              Link.of(views.number(month.year()), views.links().href(Links.year(month.year()))));
      pages.addAll(
          listing(
              month.articles(),
              Links.month(month.year(), month.month()),
              title,
              m.tn("describe.month", month.articles().size(), title),
              "month",
              title,
              "list.ftlh",
              crumbs));
    }
    if (!undated.isEmpty()) {
      pages.addAll(
          listing(
              undated,
              "archive/undated/",
              m.t("archive.undated"),
              m.tn("describe.undated", undated.size()),
              "undated",
              m.t("date.undated"),
              "list.ftlh",
              List.of(archiveCrumb)));
    }
    return pages;
  }

  /** A bar for every year from the first to the last, oldest first. */
  private List<ArchivePage.Bar> yearBars(Archive archive) {
    List<ArchivePage.Bar> bars = new ArrayList<>();
    if (archive.years().isEmpty()) {
      return bars;
    }
    int last = archive.years().get(0).year();
    int first = archive.years().get(archive.years().size() - 1).year();
    if (last - first > 200) { // a stray year 1 would draw two thousand empty bars
      first = last - 200;
    }
    for (int y = first; y <= last; y++) {
      int year = y;
      int count =
          archive.years().stream()
              .filter(p -> p.year() == year)
              .mapToInt(p -> p.articles().size())
              .sum();
      String label = views.text().number(y);
      bars.add(
          new ArchivePage.Bar(
              label, label, count == 0 ? "" : views.links().href(Links.year(y)), count));
    }
    return bars;
  }

  /** A bar for each month of {@code year}, January first. */
  private List<ArchivePage.Bar> monthBars(Archive archive, int year) {
    List<ArchivePage.Bar> bars = new ArrayList<>(12);
    for (int m = 1; m <= 12; m++) {
      int month = m;
      int count =
          archive.months().stream()
              .filter(p -> p.year() == year && p.month() == month)
              .mapToInt(p -> p.articles().size())
              .sum();
      bars.add(
          new ArchivePage.Bar(
              views.shortMonth(m),
              views.month(year, m),
              count == 0 ? "" : views.links().href(Links.month(year, m)),
              count));
    }
    return bars;
  }

  /** Each month of {@code year} with stories, newest month first, with its newest stories. */
  private List<ArchivePage.Month> monthStories(Archive archive, int year) {
    return archive.months().stream()
        .filter(p -> p.year() == year)
        .map(
            p ->
                new ArchivePage.Month(
                    new Link(
                        views.month(year, p.month()),
                        views.links().href(Links.month(year, p.month())),
                        p.articles().size()),
                    p.articles().stream()
                        .limit(ArchivePage.STORIES_PER_MONTH)
                        .map(views::card)
                        .toList(),
                    p.articles().size() > ArchivePage.STORIES_PER_MONTH))
        .toList();
  }

  /** A paginated listing whose first page is at {@code folder}. */
  private List<Page> listing(
      List<Article> articles,
      String folder,
      String title,
      String description,
      String kind,
      String heading,
      String template,
      List<Link> crumbs) {
    int pageCount = Math.max(1, (articles.size() + pageSize - 1) / pageSize);
    List<Page> pages = new ArrayList<>(pageCount);
    for (int n = 1; n <= pageCount; n++) {
      int number = n;
      String at = Links.paged(folder, n);
      pages.add(
          new Page(
              Links.file(at),
              template,
              () -> {
                List<Article> slice =
                    articles.subList(
                        (number - 1) * pageSize, Math.min(articles.size(), number * pageSize));
                List<Link> all = new ArrayList<>();
                if (pageCount <= 15) {
                  for (int i = 1; i <= pageCount; i++) {
                    all.add(Link.of(String.valueOf(i), views.links().href(Links.paged(folder, i))));
                  }
                }
                Pager pager =
                    new Pager(
                        number,
                        pageCount,
                        number > 1 ? views.links().href(Links.paged(folder, number - 1)) : "",
                        number < pageCount
                            ? views.links().href(Links.paged(folder, number + 1))
                            : "",
                        all);
                Messages m = views.text();
                String pageTitle = number > 1 ? m.t("title.page", title, number) : title;
                return new ListingPage(
                    views.site(),
                    views.page(
                        pageTitle,
                        number > 1
                            ? m.t("description.page", description, number, pageCount)
                            : description,
                        at,
                        kind),
                    new Listing(
                        heading,
                        kind,
                        "",
                        slice.stream().map(views::card).toList(),
                        pager,
                        articles.size()),
                    crumbs);
              }));
    }
    return pages;
  }

  /** A listing's description, e.g. "3 articles tagged economy" ({@code describe.tags}). */
  private String describe(String folder, String name, int count) {
    return views.text().tn("describe." + folder, count, name);
  }

  private static int max(List<Link> links) {
    return links.stream().mapToInt(Link::count).max().orElse(0);
  }
}
