package org.broadsheet.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.content.Group;
import org.broadsheet.content.Slugs;
import org.broadsheet.view.ArticlePage;
import org.broadsheet.view.ArticleView;
import org.broadsheet.view.Card;
import org.broadsheet.view.Link;
import org.broadsheet.view.Picture;
import org.broadsheet.view.ScriptJson;

/** Builds article pages: the view, its neighbours and related articles, and its JSON-LD. */
public final class ArticlePages {
  private static final int RELATED = 4;
  private final Views views;
  private final Function<Article, PageBody> bodies;
  private volatile Related related = this::nearestSharingTag;
  private volatile Map<String, String> sourceHashes = Map.of();

  /** Finds the articles shown as related to one. */
  @FunctionalInterface
  public interface Related {
    List<Article> of(Archive archive, Article article);
  }

  /**
   * @param bodies loads an article's body when its page is rendered (bodies are not kept in the
   *     archive)
   */
  public ArticlePages(Views views, Function<Article, PageBody> bodies) {
    this.views = views;
    this.bodies = bodies;
  }

  /**
   * Replaces the default (nearest in time sharing the first tag), e.g. with Lucene's MoreLikeThis.
   */
  public void useRelated(Related finder) {
    this.related = finder;
  }

  /**
   * The content hashes of the articles' sources, by source path, which then stand for their bodies
   * in the inputs of pages that show bodies ({@link #bodyInput}).
   */
  public void useSourceHashes(Map<String, String> hashes) {
    this.sourceHashes = Map.copyOf(hashes);
  }

  /**
   * What stands for the body of {@code a} in a page's inputs: its source's content hash where known
   * (the body is a function of the source), else the body itself.
   */
  public Object bodyInput(Article a) {
    String hash = sourceHashes.get(a.sourcePath());
    return hash != null ? "source " + hash : body(a).html();
  }

  public Page page(Archive archive, Article a) {
    return new Page(Links.file(Links.article(a.slug())), "article.ftlh", () -> view(archive, a));
  }

  /** The article's body: the one it carries, or loaded again from its source. */
  public PageBody body(Article a) {
    return a.body().html().isEmpty() && a.body().text().isEmpty()
        ? bodies.apply(a)
        : PageBody.of(a.body());
  }

  ArticlePage view(Archive archive, Article a) {
    PageBody body = body(a);
    Card card = views.card(a);
    Licences.Licence licence = Licences.of(a.license());
    String credit =
        a.source().isEmpty()
            ? licence.name()
            : licence.name().isEmpty() ? a.source() : a.source() + ", " + licence.name();
    String description = a.summary();
    var page = views.page(a.title(), description, Links.article(a.slug()), "article");
    int words = body.words();
    ArticleView view =
        new ArticleView(
            card,
            body.html(),
            Views.iso(a.updated().orElse(null)),
            a.updated().map(d -> views.displayDate(d, a.lang())).orElse(""),
            a.source(),
            a.source().isEmpty()
                ? null
                : Link.of(
                    a.source(),
                    views.links().href(Links.group("sources", Slugs.slugify(a.source())))),
            a.license(),
            licence.name(),
            licence.url(),
            credit,
            words,
            ArticleView.minutes(words),
            archive.newer(a).map(views::card).orElse(null),
            archive.older(a).map(views::card).orElse(null),
            related.of(archive, a).stream().limit(RELATED).map(views::card).toList(),
            jsonLd(a, page.canonical(), licence),
            views.text(a.lang()),
            a.date().map(d -> views.displayDate(d, a.lang())).orElse(""));
    return new ArticlePage(views.site(), page, view);
  }

  /**
   * What the page of {@code a} shows besides the article: the site, its strings in the article's
   * language, and the cards of the article and of the articles it links to (newer, older, related).
   * The page is a function of these and of the article's source, whose content key stands for every
   * field and the body, so a build keeps a page whose inputs and source are unchanged without
   * making its view: {@link #view} must read nothing else.
   */
  public List<Object> inputs(Archive archive, Article a) {
    List<Object> inputs = new ArrayList<>(6);
    inputs.add(views.site());
    inputs.add(views.text(a.lang()));
    inputs.add(views.card(a));
    inputs.add(archive.newer(a).map(views::card).orElse(null));
    inputs.add(archive.older(a).map(views::card).orElse(null));
    inputs.add(related.of(archive, a).stream().limit(RELATED).map(views::card).toList());
    return inputs;
  }

  /** Articles nearest in time that share the first tag (else the section). */
  private List<Article> nearestSharingTag(Archive archive, Article a) {
    String key = !a.tags().isEmpty() ? a.tags().get(0) : a.section();
    if (key.isEmpty()) {
      return List.of();
    }
    List<Group> groups = !a.tags().isEmpty() ? archive.tags() : archive.sections();
    String slug = Slugs.slugify(key);
    List<Article> out = new ArrayList<>();
    for (Group g : groups) {
      if (g.slug().equals(slug)) {
        List<Article> members = g.articles();
        int at = 0;
        while (at < members.size() && !members.get(at).id().equals(a.id())) {
          at++;
        }
        for (int d = 1; out.size() < RELATED && (at - d >= 0 || at + d < members.size()); d++) {
          if (at + d < members.size()) {
            out.add(members.get(at + d));
          }
          if (out.size() < RELATED && at - d >= 0) {
            out.add(members.get(at - d));
          }
        }
        break;
      }
    }
    return out;
  }

  /**
   * schema.org NewsArticle, serialised by Jackson; {@code <} escaped so no text can close the
   * script element.
   */
  String jsonLd(Article a, String canonical, Licences.Licence licence) {
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "NewsArticle");
    ld.put("identifier", a.id());
    ld.put("headline", a.title());
    ld.put("url", canonical);
    ld.put("mainEntityOfPage", canonical);
    a.date().ifPresent(d -> ld.put("datePublished", Views.iso(d)));
    a.updated().or(a::date).ifPresent(d -> ld.put("dateModified", Views.iso(d)));
    if (!a.authors().isEmpty()) {
      ld.put("author", a.authors().stream().map(this::person).toList());
    }
    Picture picture = views.picture(a);
    if (picture != null) {
      ld.put("image", imageObject(picture));
    }
    Map<String, Object> publisher = typed("Organization", views.site().title());
    publisher.put("url", views.site().baseUrl());
    if (!views.site().logoUrl().isEmpty()) {
      Map<String, Object> logo = new LinkedHashMap<>();
      logo.put("@type", "ImageObject");
      logo.put("url", views.site().logoUrl());
      publisher.put("logo", logo);
    }
    ld.put("publisher", publisher);
    if (!a.dateline().isEmpty()) {
      ld.put("dateline", a.dateline());
    }
    if (!a.section().isEmpty()) {
      ld.put("articleSection", a.section());
    }
    if (!a.tags().isEmpty()) {
      ld.put("keywords", String.join(", ", a.tags()));
    }
    if (!a.license().isEmpty()) {
      ld.put("license", licence.url().isEmpty() ? a.license() : licence.url());
    }
    if (!a.source().isEmpty()) {
      ld.put("creditText", a.source());
      ld.put("sourceOrganization", typed("Organization", a.source()));
    }
    if (!a.summary().isEmpty()) {
      ld.put("description", a.summary());
    }
    ld.put("inLanguage", a.lang());
    return ScriptJson.of(ld);
  }

  /** schema.org ImageObject of a picture: its largest size, absolute, with size and credit. */
  private static Map<String, Object> imageObject(Picture p) {
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("@type", "ImageObject");
    image.put("url", p.url());
    image.put("contentUrl", p.url());
    if (p.urlWidth() > 0) {
      image.put("width", p.urlWidth());
      image.put("height", p.urlHeight());
    }
    if (!p.caption().isEmpty()) {
      image.put("caption", p.caption());
    }
    if (!p.credit().isEmpty()) {
      image.put("creditText", p.credit());
    }
    return image;
  }

  /** An author, with the URL of their page on this site. */
  private Map<String, Object> person(String name) {
    Map<String, Object> person = typed("Person", name);
    person.put("url", views.site().baseUrl() + Links.group("authors", Slugs.slugify(name)));
    return person;
  }

  /**
   * A schema.org thing with a name; keys in a fixed order, so every build writes the same bytes.
   */
  private static Map<String, Object> typed(String type, String name) {
    Map<String, Object> thing = new LinkedHashMap<>();
    thing.put("@type", type);
    thing.put("name", name);
    return thing;
  }
}
