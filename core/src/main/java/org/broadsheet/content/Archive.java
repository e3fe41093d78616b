package org.broadsheet.content;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;

/**
 * Every article of a site (metadata; bodies may be left out) and the views derived from them: by
 * date, tag, section, author and source. Dated articles come newest first, undated ones last.
 */
public final class Archive {
  /**
   * Newest first; undated last, by id. Articles of the same instant go by weight (lower first,
   * unweighted last), then by id so builds are reproducible.
   */
  public static final Comparator<Article> NEWEST_FIRST =
      Comparator.<Article, ZonedDateTime>comparing(
              a -> a.date().orElse(null),
              Comparator.nullsLast(Comparator.<ZonedDateTime>naturalOrder().reversed()))
          .thenComparingLong(a -> a.extras().order())
          .thenComparing(Article::id);

  private final List<Article> articles;
  private final Map<String, Integer> positionById;
  private final List<Group> tags;
  private final List<Group> sections;
  private final List<Group> authors;
  private final List<Group> sources;
  private final List<Period> years;
  private final List<Period> months;

  private Archive(List<Article> sorted) {
    this.articles = List.copyOf(sorted);
    this.positionById = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      positionById.put(articles.get(i).id(), i);
    }
    this.tags = group(articles, Article::tags);
    this.sections = group(articles, a -> a.section().isEmpty() ? List.of() : List.of(a.section()));
    this.authors = group(articles, Article::authors);
    this.sources = group(articles, a -> a.source().isEmpty() ? List.of() : List.of(a.source()));
    this.years = periods(true);
    this.months = periods(false);
  }

  /** An archive that shares the grouping of another, with one article's instance swapped. */
  private Archive(Archive base, Article old, Article updated) {
    List<Article> list = new ArrayList<>(base.articles);
    list.set(base.positionById.get(old.id()), updated);
    this.articles = List.copyOf(list);
    this.positionById = base.positionById;
    this.tags = swapIn(base.tags, old, updated);
    this.sections = swapIn(base.sections, old, updated);
    this.authors = swapIn(base.authors, old, updated);
    this.sources = swapIn(base.sources, old, updated);
    this.years = swapPeriods(base.years, old, updated);
    this.months = swapPeriods(base.months, old, updated);
  }

  /**
   * This archive with a new version of one of its articles, when nothing that places the article
   * changed (id, slug, dates, draft flag, section, tags, authors, source): far cheaper than {@link
   * #of} for a large archive, so the preview can take an edited text or title in milliseconds.
   * Empty when the article must be placed anew with {@link #of}.
   */
  public Optional<Archive> withUpdated(Article updated) {
    Integer i = positionById.get(updated.id());
    if (i == null) {
      return Optional.empty();
    }
    Article old = articles.get(i);
    boolean samePlace =
        old.slug().equals(updated.slug())
            && old.date().equals(updated.date())
            && old.updated().equals(updated.updated())
            && old.draft() == updated.draft()
            && old.section().equals(updated.section())
            && old.tags().equals(updated.tags())
            && old.authors().equals(updated.authors())
            && old.source().equals(updated.source())
            && old.sourcePath().equals(updated.sourcePath());
    return samePlace ? Optional.of(new Archive(this, old, updated)) : Optional.empty();
  }

  private static List<Group> swapIn(List<Group> groups, Article old, Article updated) {
    List<Group> out = new ArrayList<>(groups.size());
    for (Group g : groups) {
      out.add(
          holds(g.articles(), old)
              ? new Group(g.name(), g.slug(), swap(g.articles(), old, updated))
              : g);
    }
    return List.copyOf(out);
  }

  private static List<Period> swapPeriods(List<Period> periods, Article old, Article updated) {
    List<Period> out = new ArrayList<>(periods.size());
    for (Period p : periods) {
      out.add(
          holds(p.articles(), old)
              ? new Period(p.year(), p.month(), swap(p.articles(), old, updated))
              : p);
    }
    return List.copyOf(out);
  }

  private static boolean holds(List<Article> list, Article article) {
    for (Article a : list) {
      if (a == article) {
        return true;
      }
    }
    return false;
  }

  private static List<Article> swap(List<Article> list, Article old, Article updated) {
    List<Article> copy = new ArrayList<>(list);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i) == old) {
        copy.set(i, updated);
      }
    }
    return copy;
  }

  /**
   * {@link #of(List, Diagnostics, Function)} with duplicate ids reported at the start of their
   * file.
   */
  public static Archive of(List<Article> parsed, Diagnostics diagnostics) {
    return of(parsed, diagnostics, IdOrigin::fileStart);
  }

  /**
   * Builds the archive. Duplicate ids are errors at the id's {@code origin} (the later file, in
   * path order, is left out); duplicate slugs are made unique with a numeric suffix and reported as
   * warnings.
   */
  public static Archive of(
      List<Article> parsed, Diagnostics diagnostics, Function<Article, IdOrigin> origin) {
    List<Article> byPath = new ArrayList<>(parsed);
    byPath.sort(Comparator.comparing(Article::sourcePath));
    Map<String, Article> ids = new HashMap<>();
    Set<String> slugs = new HashSet<>();
    List<Article> kept = new ArrayList<>(byPath.size());
    for (Article a : byPath) {
      Article first = ids.putIfAbsent(a.id(), a);
      if (first != null) {
        IdOrigin at = origin.apply(a);
        String whose = at.path().equals(a.sourcePath()) ? "" : " of " + a.sourcePath();
        diagnostics.add(
            Diagnostic.error(
                at.path(),
                at.line(),
                at.column(),
                "duplicate id '"
                    + a.id()
                    + "'"
                    + whose
                    + " (already used by "
                    + first.sourcePath()
                    + "); article left out",
                at.sourceLine()));
        continue;
      }
      String slug = a.slug();
      if (!slugs.add(slug)) {
        int n = 2;
        while (!slugs.add(slug + "-" + n)) {
          n++;
        }
        String unique = slug + "-" + n;
        diagnostics.add(
            Diagnostic.warning(
                a.sourcePath(),
                "duplicate slug '" + slug + "'; this article is published as '" + unique + "'"));
        a = a.withSlug(unique);
      }
      kept.add(a);
    }
    return new Archive(newestFirst(kept));
  }

  /**
   * {@code articles} sorted {@link #NEWEST_FIRST}, each one's instant compared as a number first
   * (the comparator on its own decides only ties of the second): through optionals and {@code
   * ZonedDateTime} it took most of a second at 100,000 articles, on the main thread, before any
   * page could render.
   */
  private static List<Article> newestFirst(List<Article> articles) {
    record Keyed(long second, Article article) {}
    List<Keyed> keyed = new ArrayList<>(articles.size());
    for (Article a : articles) {
      // undated last; no date's second is as small
      keyed.add(new Keyed(a.date().map(ZonedDateTime::toEpochSecond).orElse(Long.MIN_VALUE), a));
    }
    keyed.sort(
        Comparator.comparingLong(Keyed::second)
            .reversed()
            .thenComparing(Keyed::article, NEWEST_FIRST));
    List<Article> sorted = new ArrayList<>(keyed.size());
    for (Keyed k : keyed) {
      sorted.add(k.article());
    }
    return sorted;
  }

  public List<Article> articles() {
    return articles;
  }

  public int size() {
    return articles.size();
  }

  public Optional<Article> byId(String id) {
    Integer i = positionById.get(id);
    return i == null ? Optional.empty() : Optional.of(articles.get(i));
  }

  /** The next newer article, if any. */
  public Optional<Article> newer(Article article) {
    int i = positionById.getOrDefault(article.id(), -1);
    return i > 0 ? Optional.of(articles.get(i - 1)) : Optional.empty();
  }

  /** The next older article, if any. */
  public Optional<Article> older(Article article) {
    int i = positionById.getOrDefault(article.id(), -1);
    return i >= 0 && i + 1 < articles.size() ? Optional.of(articles.get(i + 1)) : Optional.empty();
  }

  public List<Group> tags() {
    return tags;
  }

  public List<Group> sections() {
    return sections;
  }

  public List<Group> authors() {
    return authors;
  }

  public List<Group> sources() {
    return sources;
  }

  /** One period per year with dated articles, newest year first. */
  public List<Period> years() {
    return years;
  }

  /** One period per month with dated articles, newest first. */
  public List<Period> months() {
    return months;
  }

  public List<Article> undated() {
    return articles.stream().filter(a -> !a.isDated()).toList();
  }

  private static List<Group> group(List<Article> articles, Function<Article, List<String>> keys) {
    Map<String, String> names = new TreeMap<>();
    Map<String, List<Article>> members = new LinkedHashMap<>();
    Map<String, String> slugs = new HashMap<>(); // a key recurs across articles: slugify it once
    for (Article a : articles) {
      for (String key : keys.apply(a)) {
        String slug = slugs.computeIfAbsent(key, Slugs::slugify);
        names.putIfAbsent(slug, key);
        List<Article> list = members.computeIfAbsent(slug, k -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1) != a) {
          list.add(a);
        }
      }
    }
    List<Group> groups = new ArrayList<>(names.size());
    names.forEach((slug, name) -> groups.add(new Group(name, slug, members.get(slug))));
    return List.copyOf(groups);
  }

  private List<Period> periods(boolean wholeYears) {
    Map<Integer, List<Article>> buckets = new TreeMap<>(Comparator.reverseOrder());
    for (Article a : articles) {
      if (a.date().isPresent()) {
        ZonedDateTime d = a.date().get();
        int key = wholeYears ? d.getYear() * 100 : d.getYear() * 100 + d.getMonthValue();
        buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
      }
    }
    List<Period> out = new ArrayList<>(buckets.size());
    buckets.forEach((key, list) -> out.add(new Period(key / 100, key % 100, list)));
    return List.copyOf(out);
  }
}
