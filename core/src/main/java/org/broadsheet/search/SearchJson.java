package org.broadsheet.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON of search answers, one shape for {@code broadsheet search --json}, the server's {@code
 * /api/search} and the browser's {@code window.broadsheet.search} (the browser runtime writes it
 * with this class too):
 *
 * <pre>
 * {"total": 12,                        matching articles, exactly
 *  "hits": [{"id", "title", "url", "date", "score", "snippet"}],   date "" when undated; snippet HTML
 *                                      (+ "explain" with --explain: see results(SearchRequest, ExplainedResults))
 *  "facets": {"section": [{"value": "world", "count": 7}], "tags": [...], "year": [...]}}
 *                                      only when the request asked for facets; a field without values is left out
 * {"error": "limit must be between 1 and 1000, was -1"}     a refused request or an unreadable index
 * {"missing": ["_0.tim#3", ...]}       browser runtime only: pages to load before it can answer
 * </pre>
 */
public final class SearchJson {
  private SearchJson() {}

  public static String results(SearchRequest request, SearchResults results) {
    return results(request, results, null);
  }

  /**
   * The results with an {@code "explain"} member in every hit ({@code broadsheet search --explain
   * --json}), a {@link ScoreExplanation}:
   *
   * <pre>
   * "explain": {"total": 3.05, "relaxed": false,      total = the hit's score; relaxed: see ExplainedResults
   *   "parts": [{"field": "text", "match": "talk", "kind": "term", "score": 1.88, "weight": 2.0,
   *              "bm25": {"freq": 2.0, "docFreq": 1, "docCount": 6, "length": 13.0, "averageLength": 11.83}}],
   *                                                    kind term, phrase, prefix or other; bm25 absent for a prefix
   *   "unmatched": ["nothing"]}                        the query's words the hit does not hold, as analysed
   * </pre>
   */
  public static String results(SearchRequest request, ExplainedResults explained) {
    return results(
        request,
        explained.results(),
        (json, hit) -> explanation(json, explained.explanations().get(hit), explained.relaxed()));
  }

  /** Writes more members into the object of the {@code hit}th hit. */
  private interface HitMembers {
    void write(JsonWriter json, int hit);
  }

  private static String results(SearchRequest request, SearchResults results, HitMembers more) {
    JsonWriter json =
        new JsonWriter().beginObject().field("total", results.total()).name("hits").beginArray();
    for (int i = 0; i < results.hits().size(); i++) {
      SearchHit h = results.hits().get(i);
      json.beginObject()
          .field("id", h.id())
          .field("title", h.title())
          .field("url", h.url())
          .field("date", h.date())
          .field("score", h.score())
          .field("snippet", h.snippet());
      if (more != null) {
        more.write(json, i);
      }
      json.endObject();
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

  private static void explanation(JsonWriter json, ScoreExplanation e, boolean relaxed) {
    json.name("explain")
        .beginObject()
        .field("total", e.total())
        .name("relaxed")
        .value(relaxed)
        .name("parts")
        .beginArray();
    for (ScoreExplanation.Part p : e.parts()) {
      json.beginObject()
          .field("field", p.field())
          .field("match", p.match())
          .field("kind", p.kind().name().toLowerCase(Locale.ROOT))
          .field("score", p.score())
          .field("weight", p.weight());
      p.bm25()
          .ifPresent(
              b ->
                  json.name("bm25")
                      .beginObject()
                      .field("freq", b.freq())
                      .field("docFreq", b.docFreq())
                      .field("docCount", b.docCount())
                      .field("length", b.length())
                      .field("averageLength", b.averageLength())
                      .endObject());
      json.endObject();
    }
    json.endArray().name("unmatched").beginArray();
    e.unmatched().forEach(json::value);
    json.endArray().endObject();
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
