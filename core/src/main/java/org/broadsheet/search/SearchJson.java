package org.broadsheet.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of search answers, one shape for {@code broadsheet search --json}, the server's
 * {@code /api/search} and the browser's {@code window.broadsheet.search} (the browser runtime
 * writes it with this class too):
 *
 * <pre>
 * {"total": 12,                        matching articles, exactly
 *  "hits": [{"id", "title", "url", "date", "score", "snippet"}],   date "" when undated; snippet HTML
 *  "facets": {"section": [{"value": "world", "count": 7}], "tags": [...], "year": [...]}}
 *                                      only when the request asked for facets; a field without values is left out
 * {"error": "limit must be between 1 and 1000, was -1"}     a refused request or an unreadable index
 * {"missing": ["_0.tim#3", ...]}       browser runtime only: pages to load before it can answer
 * </pre>
 */
public final class SearchJson {
  private SearchJson() {}

  public static String results(SearchRequest request, SearchResults results) {
    JsonWriter json = new JsonWriter().beginObject().field("total", results.total()).name("hits").beginArray();
    for (SearchHit h : results.hits()) {
      json.beginObject().field("id", h.id()).field("title", h.title()).field("url", h.url())
          .field("date", h.date()).field("score", h.score()).field("snippet", h.snippet()).endObject();
    }
    json.endArray();
    if (request.facets()) {
      json.name("facets").beginObject();
      for (Map.Entry<String, List<FacetCount>> field : byField(results.facets()).entrySet()) {
        json.name(field.getKey()).beginArray();
        for (FacetCount f : field.getValue()) {
          json.beginObject().field("value", f.value()).field("count", f.count()).endObject();
        }
        json.endArray();
      }
      json.endObject();
    }
    return json.endObject().json();
  }

  public static String error(String message) {
    return new JsonWriter().beginObject().field("error", message).endObject().json();
  }

  public static String missing(List<String> pages) {
    JsonWriter json = new JsonWriter().beginObject().name("missing").beginArray();
    for (String page : pages) {
      json.value(page);
    }
    return json.endArray().endObject().json();
  }

  /** Facet counts grouped by field, fields in the order they come. */
  private static Map<String, List<FacetCount>> byField(List<FacetCount> facets) {
    Map<String, List<FacetCount>> fields = new LinkedHashMap<>();
    for (FacetCount f : facets) {
      List<FacetCount> values = fields.get(f.field());
      if (values == null) {
        values = new ArrayList<>();
        fields.put(f.field(), values);
      }
      values.add(f);
    }
    return fields;
  }
}
