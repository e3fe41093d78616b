package org.broadsheet.search;

import static org.broadsheet.search.SearchRequestBuilder.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one JSON shape of search answers (CLI --json, /api/search, the browser), read back by
 * jackson-jr.
 */
class SearchJsonTest {
  static final SearchResults RESULTS =
      new SearchResults(
          12,
          List.of(
              new SearchHit(
                  "a1",
                  "Oil \"climbs\"\u2028",
                  "articles/a1/",
                  "2024-03-01T10:00:00Z",
                  1.2345678f,
                  "<mark>Oil</mark> rose &amp; fell"),
              new SearchHit("a2", "Undated", "articles/a2/", "", 0.5f, "")),
          List.of(
              new FacetCount("section", "business", 7),
              new FacetCount("section", "world", 5),
              new FacetCount("tags", "energy", 3),
              new FacetCount("year", "2024", 12)));

  @Test
  void resultsCarryTotalHitsAndFacetsGroupedByField() throws Exception {
    SearchRequest withFacets = request("oil").facets().build();
    Map<String, Object> json = JSON.std.mapFrom(SearchJson.results(withFacets, RESULTS));
    assertEquals(List.of("total", "hits", "facets"), List.copyOf(json.keySet()));
    assertEquals(12, json.get("total"));
    assertEquals(
        List.of(
            Map.of(
                "id",
                "a1",
                "title",
                "Oil \"climbs\"\u2028",
                "url",
                "articles/a1/",
                "date",
                "2024-03-01T10:00:00Z",
                "score",
                1.2345678,
                "snippet",
                "<mark>Oil</mark> rose &amp; fell"),
            Map.of(
                "id",
                "a2",
                "title",
                "Undated",
                "url",
                "articles/a2/",
                "date",
                "",
                "score",
                0.5,
                "snippet",
                "")),
        json.get("hits"));
    assertEquals(
        Map.of(
            "section",
                List.of(
                    Map.of("value", "business", "count", 7), Map.of("value", "world", "count", 5)),
            "tags", List.of(Map.of("value", "energy", "count", 3)),
            "year", List.of(Map.of("value", "2024", "count", 12))),
        json.get("facets"));
    String text = SearchJson.results(withFacets, RESULTS);
    assertTrue(
        text.startsWith(
            "{\"total\":12,\"hits\":[{\"id\":\"a1\",\"title\":\"Oil \\\"climbs\\\"\\u2028\","),
        text);
  }

  @Test
  void facetsAppearExactlyWhenAskedFor() throws Exception {
    Map<String, Object> without =
        JSON.std.mapFrom(SearchJson.results(SearchRequest.of("oil"), RESULTS));
    assertFalse(without.containsKey("facets"), without.toString());
    SearchRequest asked = request("zzz").facets().build();
    Map<String, Object> none =
        JSON.std.mapFrom(SearchJson.results(asked, new SearchResults(0, List.of(), List.of())));
    assertEquals(Map.of("total", 0, "hits", List.of(), "facets", Map.of()), none);
  }

  @Test
  void withoutExplainTheHitsAreExactlyTheSixMembers() {
    assertEquals(
        "{\"total\":12,\"hits\":[{\"id\":\"a1\",\"title\":\"Oil \\\"climbs\\\"\\u2028\",\"url\":\"articles/a1/\","
            + "\"date\":\"2024-03-01T10:00:00Z\",\"score\":1.2345678,\"snippet\":\"<mark>Oil</mark> rose &amp; fell\"},"
            + "{\"id\":\"a2\",\"title\":\"Undated\",\"url\":\"articles/a2/\",\"date\":\"\",\"score\":0.5,\"snippet\":\"\"}]}",
        SearchJson.results(SearchRequest.of("oil"), RESULTS));
  }

  @Test
  @SuppressWarnings("unchecked")
  void explainedHitsCarryTheirExplanationAsData() throws Exception {
    ScoreExplanation.Part term =
        new ScoreExplanation.Part(
            "text",
            "oil",
            ScoreExplanation.Kind.TERM,
            1.2f,
            2f,
            Optional.of(new ScoreExplanation.Bm25(3f, 41, 1033, 180f, 240.5f)));
    ScoreExplanation.Part prefix =
        new ScoreExplanation.Part(
            "title", "clim*", ScoreExplanation.Kind.PREFIX, 0.1f, 0.1f, Optional.empty());
    ExplainedResults explained =
        new ExplainedResults(
            RESULTS,
            true,
            List.of(
                new ScoreExplanation(1.2345678f, List.of(term, prefix), List.of("\"oil price\"")),
                new ScoreExplanation(0.5f, List.of(), List.of("oil"))));
    Map<String, Object> json =
        JSON.std.mapFrom(SearchJson.results(SearchRequest.of("oil"), explained));
    List<Map<String, Object>> hits = (List<Map<String, Object>>) json.get("hits");
    assertEquals(
        List.of("id", "title", "url", "date", "score", "snippet", "explain"),
        List.copyOf(hits.get(0).keySet()));
    assertEquals(
        Map.of(
            "total",
            1.2345678,
            "relaxed",
            true,
            "parts",
            List.of(
                Map.of(
                    "field",
                    "text",
                    "match",
                    "oil",
                    "kind",
                    "term",
                    "score",
                    1.2,
                    "weight",
                    2.0,
                    "bm25",
                    Map.of(
                        "freq",
                        3.0,
                        "docFreq",
                        41,
                        "docCount",
                        1033,
                        "length",
                        180.0,
                        "averageLength",
                        240.5)),
                Map.of(
                    "field", "title", "match", "clim*", "kind", "prefix", "score", 0.1, "weight",
                    0.1)),
            "unmatched",
            List.of("\"oil price\"")),
        hits.get(0).get("explain"));
    assertEquals(
        List.of("oil"), ((Map<String, Object>) hits.get(1).get("explain")).get("unmatched"));
  }

  @Test
  void errorsAndMissingPagesAreOneMemberObjects() throws Exception {
    String message = "from must be a date, YYYY-MM-DD (or YYYY-MM, YYYY), was \"2024-13-01\u0000\"";
    assertEquals(Map.of("error", message), JSON.std.mapFrom(SearchJson.error(message)));
    assertEquals(
        "{\"missing\":[\"_0.tim#3\",\"_0.doc#0\"]}",
        SearchJson.missing(List.of("_0.tim#3", "_0.doc#0")));
  }
}
