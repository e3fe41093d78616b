package org.broadsheet.content;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Articles for tests, naming only the fields a test cares about:
 *
 * <pre>{@code
 * Article a = article("b").date("2021-03-01T00:00Z").tags("oil", "gas").build();
 * }</pre>
 *
 * <p>The rest are empty: the slug is the id, the title {@code "Title <id>"}, the file {@code
 * content/<id>.md}; no date, authors, tags, body, extras or image; not a draft.
 */
public final class ArticleBuilder {
  private final String id;
  private String slug;
  private String title;
  private String summary = "";
  private Optional<ZonedDateTime> date = Optional.empty();
  private Optional<ZonedDateTime> updated = Optional.empty();
  private List<String> authors = List.of();
  private String dateline = "";
  private String section = "";
  private List<String> tags = List.of();
  private String source = "";
  private String license = "";
  private String lang = "";
  private boolean draft;
  private String sourcePath;
  private Body body = Body.EMPTY;
  private Extras extras = Extras.NONE;
  private Optional<ArticleImage> image = Optional.empty();

  private ArticleBuilder(String id) {
    this.id = id;
    this.slug = id;
    this.title = "Title " + id;
    this.sourcePath = "content/" + id + ".md";
  }

  public static ArticleBuilder article(String id) {
    return new ArticleBuilder(id);
  }

  /** Starts from every field of {@code a}, to change one or two. */
  public static ArticleBuilder copyOf(Article a) {
    ArticleBuilder b = new ArticleBuilder(a.id());
    b.slug = a.slug();
    b.title = a.title();
    b.summary = a.summary();
    b.date = a.date();
    b.updated = a.updated();
    b.authors = a.authors();
    b.dateline = a.dateline();
    b.section = a.section();
    b.tags = a.tags();
    b.source = a.source();
    b.license = a.license();
    b.lang = a.lang();
    b.draft = a.draft();
    b.sourcePath = a.sourcePath();
    b.body = a.body();
    b.extras = a.extras();
    b.image = a.image();
    return b;
  }

  public Article build() {
    return new Article(
        id,
        slug,
        title,
        summary,
        date,
        updated,
        authors,
        dateline,
        section,
        tags,
        source,
        license,
        lang,
        draft,
        sourcePath,
        body,
        extras,
        image);
  }

  public ArticleBuilder slug(String slug) {
    this.slug = slug;
    return this;
  }

  public ArticleBuilder title(String title) {
    this.title = title;
    return this;
  }

  public ArticleBuilder summary(String summary) {
    this.summary = summary;
    return this;
  }

  /** {@code iso}: an ISO offset date-time such as {@code 2024-05-01T10:00:00Z}; null: undated. */
  public ArticleBuilder date(String iso) {
    this.date = Optional.ofNullable(iso).map(ZonedDateTime::parse);
    return this;
  }

  public ArticleBuilder date(ZonedDateTime date) {
    this.date = Optional.of(date);
    return this;
  }

  public ArticleBuilder updated(String iso) {
    this.updated = Optional.ofNullable(iso).map(ZonedDateTime::parse);
    return this;
  }

  public ArticleBuilder authors(String... authors) {
    return authors(List.of(authors));
  }

  public ArticleBuilder authors(List<String> authors) {
    this.authors = authors;
    return this;
  }

  public ArticleBuilder dateline(String dateline) {
    this.dateline = dateline;
    return this;
  }

  public ArticleBuilder section(String section) {
    this.section = section;
    return this;
  }

  public ArticleBuilder tags(String... tags) {
    return tags(List.of(tags));
  }

  public ArticleBuilder tags(List<String> tags) {
    this.tags = tags;
    return this;
  }

  public ArticleBuilder source(String source) {
    this.source = source;
    return this;
  }

  public ArticleBuilder license(String license) {
    this.license = license;
    return this;
  }

  public ArticleBuilder lang(String lang) {
    this.lang = lang;
    return this;
  }

  public ArticleBuilder draft(boolean draft) {
    this.draft = draft;
    return this;
  }

  public ArticleBuilder sourcePath(String sourcePath) {
    this.sourcePath = sourcePath;
    return this;
  }

  /** A body of one paragraph of {@code text}. */
  public ArticleBuilder text(String text) {
    return body(new Body("<p>" + text + "</p>", text));
  }

  public ArticleBuilder body(Body body) {
    this.body = body;
    return this;
  }

  public ArticleBuilder extras(Extras extras) {
    this.extras = extras;
    return this;
  }

  public ArticleBuilder image(Optional<ArticleImage> image) {
    this.image = image;
    return this;
  }
}
