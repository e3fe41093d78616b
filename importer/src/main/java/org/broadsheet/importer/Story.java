package org.broadsheet.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One story read from an outside format, in Broadsheet's terms, before it is written as an article
 * file. Absent text fields are empty.
 *
 * @param id the source's own id (guid, item id, canonical URL, doc-id): the key that makes a second
 *     import update the same file
 * @param slug the source's own URL segment (WordPress post name), else empty: the file name
 * @param markdown the body, converted to Markdown
 * @param imported every source field not in the others, as plain values (kept in front matter)
 * @param origin where the story starts in its source file, for diagnostics
 */
public record Story(
    String id,
    String title,
    String slug,
    Optional<String> date,
    Optional<String> updated,
    List<String> authors,
    String section,
    List<String> tags,
    String summary,
    String dateline,
    String source,
    String license,
    String lang,
    boolean draft,
    String markdown,
    Map<String, Object> imported,
    Origin origin) {

  public Story {
    Objects.requireNonNull(id, "id");
    title = Objects.requireNonNullElse(title, "").strip();
    slug = Objects.requireNonNullElse(slug, "").strip();
    authors = authors.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    section = Objects.requireNonNullElse(section, "").strip();
    tags = tags.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    summary = Objects.requireNonNullElse(summary, "").strip();
    dateline = Objects.requireNonNullElse(dateline, "").strip();
    source = Objects.requireNonNullElse(source, "").strip();
    license = Objects.requireNonNullElse(license, "").strip();
    lang = Objects.requireNonNullElse(lang, "").strip();
    markdown = Objects.requireNonNullElse(markdown, "");
    imported = new LinkedHashMap<>(imported);
  }

  /** This story under another id. */
  Story withId(String other) {
    return new Story(
        other, title, slug, date, updated, authors, section, tags, summary, dateline, source,
        license, lang, draft, markdown, imported, origin);
  }

  /** A story under construction; importers fill what their format gives. */
  static final class Builder {
    String id = "";
    String title = "";
    String slug = "";
    Optional<String> date = Optional.empty();
    Optional<String> updated = Optional.empty();
    List<String> authors = new java.util.ArrayList<>();
    String section = "";
    List<String> tags = new java.util.ArrayList<>();
    String summary = "";
    String dateline = "";
    String source = "";
    String license = "";
    String lang = "";
    boolean draft;
    String markdown = "";
    final Map<String, Object> imported = new LinkedHashMap<>();
    final Origin origin;

    Builder(Origin origin, String format) {
      this.origin = origin;
      imported.put("format", format);
    }

    Builder keep(String key, Object value) {
      if (value != null && !(value instanceof String s && s.isBlank())) {
        imported.put(key, value);
      }
      return this;
    }

    Story build() {
      return new Story(
          id, title, slug, date, updated, authors, section, tags, summary, dateline, source,
          license, lang, draft, markdown, imported, origin);
    }
  }
}
