package org.broadsheet.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.content.Group;
import org.broadsheet.view.Card;
import org.broadsheet.view.Front;
import org.broadsheet.view.Link;

/** Lays out the front page's first page as a news front: lead, top stories, sections, tags. */
final class FrontPages {
  /** The lead is the newest story with a picture among this many of the newest. */
  static final int LEAD_WINDOW = 5;

  static final int TOP = 4;
  static final int RAIL = 3;
  static final int SECTIONS = 6;
  static final int TAGS = 6;

  private final Views views;

  FrontPages(Views views) {
    this.views = views;
  }

  /**
   * The layout of a front page whose list shows {@code firstPage}: every story of it appears once
   * (lead, top, latest); sections and tags show stories of the whole archive.
   */
  Front front(Archive archive, List<Article> firstPage) {
    if (firstPage.isEmpty()) {
      return new Front(null, List.of(), List.of(), List.of(), List.of());
    }
    Article lead = firstPage.get(0);
    for (Article a : firstPage.subList(0, Math.min(LEAD_WINDOW, firstPage.size()))) {
      if (views.picture(a) != null) {
        lead = a;
        break;
      }
    }
    List<Article> rest = new ArrayList<>(firstPage);
    rest.remove(lead);
    List<Card> top = cards(rest.subList(0, Math.min(TOP, rest.size())));
    List<Card> latest = cards(rest.subList(Math.min(TOP, rest.size()), rest.size()));
    return new Front(views.card(lead), top, latest, sections(archive, lead), tags(archive));
  }

  private List<Front.Block> sections(Archive archive, Article lead) {
    if (archive.sections().size() < 2) {
      return List.of();
    }
    return archive.sections().stream()
        .sorted(Comparator.comparing(FrontPages::newest).reversed())
        .limit(SECTIONS)
        .map(
            g ->
                new Front.Block(
                    link("sections", g),
                    cards(
                        g.articles().stream()
                            .filter(a -> !a.id().equals(lead.id()))
                            .limit(RAIL)
                            .toList())))
        .filter(b -> !b.cards().isEmpty())
        .toList();
  }

  /**
   * The busiest tags, the tag with the newest story first, each with its newest story not already
   * shown for another tag (a tag whose stories all are is left out).
   */
  private List<Front.TagStory> tags(Archive archive) {
    List<Group> busiest =
        archive.tags().stream()
            .sorted(
                Comparator.comparing((Group g) -> g.articles().size())
                    .reversed()
                    .thenComparing(Group::name))
            .limit(TAGS)
            .sorted(Comparator.comparing(FrontPages::newest).reversed())
            .toList();
    java.util.Set<String> shown = new java.util.HashSet<>();
    List<Front.TagStory> stories = new ArrayList<>();
    for (Group g : busiest) {
      g.articles().stream()
          .filter(a -> !shown.contains(a.id()))
          .findFirst()
          .ifPresent(
              a -> {
                shown.add(a.id());
                stories.add(new Front.TagStory(link("tags", g), views.card(a)));
              });
    }
    return stories;
  }

  /** When a group's newest dated story appeared (the epoch for one of undated stories only). */
  private static java.time.Instant newest(Group g) {
    return g.articles().stream()
        .map(Article::date)
        .flatMap(java.util.Optional::stream)
        .map(java.time.ZonedDateTime::toInstant)
        .max(Comparator.naturalOrder())
        .orElse(java.time.Instant.EPOCH);
  }

  private Link link(String kind, Group g) {
    return new Link(g.name(), views.links().href(Links.group(kind, g.slug())), g.articles().size());
  }

  private List<Card> cards(List<Article> articles) {
    return articles.stream().map(views::card).collect(Collectors.toUnmodifiableList());
  }
}
