package org.broadsheet.preview;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.content.Group;
import org.broadsheet.content.Period;
import org.broadsheet.content.Slugs;
import org.broadsheet.route.Links;

/**
 * Which pages a change to some articles touches, found by comparing the archive before and after.
 *
 * <ul>
 *   <li>Article pages: the changed articles, their newer and older neighbours, and the articles
 *       whose "related" list can show them (near them in a tag or section they share).
 *   <li>Listing pages (front page, tags, sections, authors, sources, months, undated): in each
 *       listing, the pages from the first position where the lists differ to the last; to the end
 *       when an article came or went, since everything after it moves along.
 * </ul>
 * Every other page (feeds, sitemaps, group and calendar indexes) is small and few, and is always
 * re-rendered; pages that appear or disappear from the plan are found by the caller.
 */
final class AffectedPages {
  /** How far from an article another can be and still list it as related (ArticlePages shows 4). */
  private static final int RELATED_REACH = 6;

  private final int pageSize;

  AffectedPages(int pageSize) {
    this.pageSize = pageSize;
  }

  /** Ids of the articles whose pages show something of the changed ones. */
  Set<String> articles(Archive before, Archive after, Set<String> changed) {
    Set<String> ids = new HashSet<>();
    for (String id : changed) {
      ids.add(id);
      before.byId(id).ifPresent(a -> near(before, a, ids));
      after.byId(id).ifPresent(a -> near(after, a, ids));
    }
    ids.removeIf(id -> after.byId(id).isEmpty());
    return ids;
  }

  private static void near(Archive archive, Article a, Set<String> ids) {
    archive.newer(a).ifPresent(n -> ids.add(n.id()));
    archive.older(a).ifPresent(o -> ids.add(o.id()));
    Set<String> tags = new HashSet<>();
    a.tags().forEach(t -> tags.add(Slugs.slugify(t)));
    for (Group g : archive.tags()) {
      if (tags.contains(g.slug())) {
        around(g.articles(), a.id(), ids);
      }
    }
    String section = Slugs.slugify(a.section());
    for (Group g : archive.sections()) {
      if (g.slug().equals(section)) {
        around(g.articles(), a.id(), ids);
      }
    }
  }

  private static void around(List<Article> members, String id, Set<String> ids) {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).id().equals(id)) {
        for (int j = Math.max(0, i - RELATED_REACH); j <= Math.min(members.size() - 1, i + RELATED_REACH); j++) {
          ids.add(members.get(j).id());
        }
        return;
      }
    }
  }

  /** Output paths of the listing pages to render again. */
  Set<String> listingPages(Archive before, Archive after, Set<String> changed) {
    Map<String, List<Article>> old = listings(before);
    Map<String, List<Article>> now = listings(after);
    Set<String> folders = new HashSet<>(old.keySet());
    folders.addAll(now.keySet());
    Set<String> paths = new HashSet<>();
    for (String folder : folders) {
      List<Article> a = old.getOrDefault(folder, List.of());
      List<Article> b = now.getOrDefault(folder, List.of());
      int first = firstDifference(a, b, changed);
      if (first < 0) {
        continue;
      }
      int last = a.size() == b.size() ? lastDifference(a, b, changed) : Math.max(a.size(), b.size()) - 1;
      int pages = Math.max(1, (b.size() + pageSize - 1) / pageSize);
      for (int n = first / pageSize + 1; n <= Math.min(pages, last / pageSize + 1); n++) {
        paths.add(Links.file(Links.paged(folder, n)));
      }
    }
    return paths;
  }

  /** Every page of every listing, to tell listing pages from the rest of the plan. */
  Set<String> allListingPages(Archive archive) {
    Set<String> paths = new HashSet<>();
    listings(archive).forEach((folder, list) -> {
      int pages = Math.max(1, (list.size() + pageSize - 1) / pageSize);
      for (int n = 1; n <= pages; n++) {
        paths.add(Links.file(Links.paged(folder, n)));
      }
    });
    return paths;
  }

  /** Each paginated listing of the site (as {@code Routes} plans them): its folder and its articles. */
  static Map<String, List<Article>> listings(Archive archive) {
    Map<String, List<Article>> listings = new LinkedHashMap<>();
    listings.put("", archive.articles());
    groups(listings, "tags", archive.tags());
    groups(listings, "sections", archive.sections());
    groups(listings, "authors", archive.authors());
    groups(listings, "sources", archive.sources());
    for (Period month : archive.months()) {
      listings.put(Links.month(month.year(), month.month()), month.articles());
    }
    if (!archive.undated().isEmpty()) {
      listings.put("archive/undated/", archive.undated());
    }
    return listings;
  }

  private static void groups(Map<String, List<Article>> listings, String kind, List<Group> groups) {
    for (Group g : groups) {
      listings.put(Links.group(kind, g.slug()), g.articles());
    }
  }

  private static int firstDifference(List<Article> a, List<Article> b, Set<String> changed) {
    int n = Math.max(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      if (i >= a.size() || i >= b.size() || differs(a.get(i), b.get(i), changed)) {
        return i;
      }
    }
    return -1;
  }

  private static int lastDifference(List<Article> a, List<Article> b, Set<String> changed) {
    for (int i = a.size() - 1; i >= 0; i--) {
      if (differs(a.get(i), b.get(i), changed)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean differs(Article x, Article y, Set<String> changed) {
    return !x.id().equals(y.id()) || changed.contains(x.id());
  }
}
