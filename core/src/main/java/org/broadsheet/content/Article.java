package org.broadsheet.content;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One news article, whatever format it came from. Immutable; absent text fields are empty strings,
 * an undated article has no {@link #date()}.
 *
 * @param id stable identifier (front matter {@code id}, or from the file name)
 * @param slug URL segment, unique in the archive: the page is {@code articles/<slug>/}
 * @param sourcePath the file it came from, relative to the site folder
 * @param license SPDX identifier where known (e.g. {@code CC-BY-4.0}), else the text given
 * @param extras aliases, weight, publish and expiry dates and other front-matter keys
 * @param image the lead image, its {@code src} resolved below the site folder or an http(s) URL
 */
public record Article(
    String id,
    String slug,
    String title,
    String summary,
    Optional<ZonedDateTime> date,
    Optional<ZonedDateTime> updated,
    List<String> authors,
    String dateline,
    String section,
    List<String> tags,
    String source,
    String license,
    String lang,
    boolean draft,
    String sourcePath,
    Body body,
    Extras extras,
    Optional<ArticleImage> image) {

  public Article {
    requireText(id, "id");
    requireText(slug, "slug");
    requireText(title, "title");
    summary = Objects.requireNonNullElse(summary, "");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(updated, "updated");
    authors = List.copyOf(authors);
    dateline = Objects.requireNonNullElse(dateline, "");
    section = Objects.requireNonNullElse(section, "");
    tags = List.copyOf(tags);
    source = Objects.requireNonNullElse(source, "");
    license = Objects.requireNonNullElse(license, "");
    lang = Objects.requireNonNullElse(lang, "");
    Objects.requireNonNull(sourcePath, "sourcePath");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(extras, "extras");
    Objects.requireNonNull(image, "image");
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  public boolean isDated() {
    return date.isPresent();
  }

  /** The same article with another slug (collisions are resolved after parsing). */
  public Article withSlug(String newSlug) {
    return new Article(
        id,
        newSlug,
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

  /**
   * The same article with the text that recurs across an archive (dateline, section, authors, tags,
   * source, licence, language) replaced by {@code share}'s copy, and no extras replaced by {@link
   * Extras#NONE}: the summaries a build holds for every article then keep one copy of each. {@code
   * share} must return an equal string.
   */
  public Article withSharedText(UnaryOperator<String> share) {
    return new Article(
        id,
        slug,
        title,
        summary,
        date,
        updated,
        shared(authors, share),
        share.apply(dateline),
        share.apply(section),
        shared(tags, share),
        share.apply(source),
        share.apply(license),
        share.apply(lang),
        draft,
        sourcePath,
        body,
        extras.equals(Extras.NONE) ? Extras.NONE : extras,
        image);
  }

  private static List<String> shared(List<String> values, UnaryOperator<String> share) {
    return switch (values.size()) {
      case 0 -> values;
      case 1 -> List.of(share.apply(values.get(0)));
      case 2 -> List.of(share.apply(values.get(0)), share.apply(values.get(1)));
      default -> List.of(values.stream().map(share).toArray(String[]::new));
    };
  }

  /** The same article without its body, for the archive-wide model (bodies are streamed). */
  public Article withoutBody() {
    return withBody(Body.EMPTY);
  }

  public Article withBody(Body newBody) {
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
        newBody,
        extras,
        image);
  }
}
