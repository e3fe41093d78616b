package org.broadsheet.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.broadsheet.diag.Diagnostics;

/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org), read item by item with Jackson's streaming parser, so each
 * item has a position and a feed cut short still gives the items before the break.
 */
final class JsonFeedReader implements StoryReader {
  /** Item fields mapped to Broadsheet's; others are kept and noted. */
  private static final Set<String> MAPPED =
      Set.of(
          "id",
          "title",
          "content_html",
          "content_text",
          "summary",
          "date_published",
          "date_modified",
          "authors",
          "author",
          "tags",
          "language");

  @Override
  public String name() {
    return "jsonfeed";
  }

  private record Item(Map<String, Object> fields, Origin at) {}

  @Override
  public void read(Input input, Consumer<Story> out, Diagnostics diagnostics) throws IOException {
    Path file = input.file();
    String path = input.path();
    Origin origin = Origin.of(path);
    Map<String, Object> top = new LinkedHashMap<>();
    List<Item> items = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = new JsonFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        diagnostics.add(at(origin, p.currentTokenLocation()).error("a JSON Feed is a JSON object"));
        return;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("items") && value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            Origin itemAt = at(origin, p.currentTokenLocation());
            items.add(new Item(JSON.std.mapFrom(p), itemAt));
          }
        } else {
          top.put(name, JSON.std.anyFrom(p));
        }
      }
    } catch (JsonProcessingException e) {
      diagnostics.add(
          at(origin, e.getLocation())
              .error(
                  "broken JSON: "
                      + e.getOriginalMessage().replaceAll("\\s+", " ")
                      + (items.isEmpty()
                          ? "; nothing imported from this file"
                          : "; " + Importer.before(items.size(), "item"))));
    }
    Object version = top.get("version");
    if (version != null && !String.valueOf(version).contains("jsonfeed.org")) {
      diagnostics.add(
          origin.warning("'version' is " + version + ", not a jsonfeed.org version; read anyway"));
    }
    Unmapped unmapped = new Unmapped();
    for (Item item : items) {
      map(top, item, unmapped, diagnostics).ifPresent(out);
    }
    unmapped.report(diagnostics);
  }

  private Optional<Story> map(
      Map<String, Object> feed, Item item, Unmapped unmapped, Diagnostics diagnostics) {
    Map<String, Object> f = item.fields();
    Origin at = item.at();
    Story.Builder b = new Story.Builder(at, name());
    String id = text(f.get("id"));
    if (id.isEmpty()) {
      id = text(f.get("url"));
      if (id.isEmpty()) {
        diagnostics.add(
            at.error("item has no 'id' (required by JSON Feed) and no 'url'; left out"));
        return Optional.empty();
      }
      diagnostics.add(at.warning("item has no 'id' (required by JSON Feed); keyed by its url"));
    }
    b.id = id;
    b.title = text(f.get("title"));
    b.date = date(f, "date_published", at, diagnostics);
    b.updated = date(f, "date_modified", at, diagnostics);
    if (b.date.isEmpty()) {
      b.date = b.updated;
      b.updated = Optional.empty();
    }
    b.authors.addAll(names(f.containsKey("authors") || f.containsKey("author") ? f : feed));
    if (f.get("tags") instanceof List<?> tags) {
      tags.forEach(t -> b.tags.add(text(t)));
    }
    String base = text(f.get("url"));
    String html = text(f.get("content_html"));
    b.markdown =
        !html.isEmpty()
            ? HtmlToMarkdown.fragment(html, base)
            : HtmlToMarkdown.plainText(text(f.get("content_text")));
    if (b.markdown.isBlank()) {
      diagnostics.add(at.warning("item has neither content_html nor content_text"));
    }
    b.summary = text(f.get("summary"));
    b.lang = text(f.getOrDefault("language", feed.get("language")));
    b.source = text(feed.get("title"));
    for (Map.Entry<String, Object> e : f.entrySet()) {
      if (!MAPPED.contains(e.getKey())) {
        b.keep(e.getKey(), e.getValue());
        unmapped.add("'" + e.getKey() + "'", at);
      }
    }
    b.keep("feedTitle", feed.get("title"));
    b.keep("feedUrl", feed.get("feed_url"));
    b.keep("homePageUrl", feed.get("home_page_url"));
    return Optional.of(b.build());
  }

  private static Optional<String> date(
      Map<String, Object> f, String key, Origin at, Diagnostics diagnostics) {
    String raw = text(f.get(key));
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> d = ImportDates.parse(raw);
    if (d.isEmpty()) {
      diagnostics.add(at.warning("'" + key + "' is not an RFC 3339 date: '" + raw + "'; left out"));
    }
    return d;
  }

  /** JSON Feed 1.1 {@code authors: [{name}]}, or 1.0 {@code author: {name}}. */
  private static List<String> names(Map<String, Object> m) {
    List<String> out = new ArrayList<>();
    if (m.get("authors") instanceof List<?> list) {
      for (Object a : list) {
        if (a instanceof Map<?, ?> person) {
          out.add(text(person.get("name")));
        }
      }
    } else if (m.get("author") instanceof Map<?, ?> person) {
      out.add(text(person.get("name")));
    }
    return out;
  }

  private static Origin at(Origin origin, JsonLocation location) {
    return location == null
        ? origin
        : origin.at(location.getLineNr(), Math.max(0, location.getColumnNr()));
  }

  private static String text(Object o) {
    return o == null || o instanceof Map || o instanceof List ? "" : String.valueOf(o).strip();
  }
}
