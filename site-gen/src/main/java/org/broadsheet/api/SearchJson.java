package org.broadsheet.api;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.search.FacetCount;
import org.broadsheet.search.SearchHit;
import org.broadsheet.search.SearchResults;

/**
 * The JSON shape of search results, shared by {@code broadsheet search --json}, the server's
 * {@code /api/search} and (by contract) the browser's {@code window.broadsheet.search}:
 * {@code {"total": N, "hits": [{"id", "title", "url", "date", "score", "snippet"}]}}, plus
 * {@code "facets"} when they were asked for.
 */
public final class SearchJson {
  private SearchJson() {}

  public static Map<String, Object> toMap(SearchResults results) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("total", results.total());
    List<Map<String, Object>> hits = new ArrayList<>(results.hits().size());
    for (SearchHit h : results.hits()) {
      Map<String, Object> hit = new LinkedHashMap<>();
      hit.put("id", h.id());
      hit.put("title", h.title());
      hit.put("url", h.url());
      hit.put("date", h.date());
      hit.put("score", h.score());
      hit.put("snippet", h.snippet());
      hits.add(hit);
    }
    root.put("hits", hits);
    if (!results.facets().isEmpty()) {
      Map<String, List<Map<String, Object>>> facets = new LinkedHashMap<>();
      for (FacetCount f : results.facets()) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("value", f.value());
        value.put("count", f.count());
        facets.computeIfAbsent(f.field(), k -> new ArrayList<>()).add(value);
      }
      root.put("facets", facets);
    }
    return root;
  }

  public static String write(SearchResults results) throws IOException {
    return JSON.std.asString(toMap(results));
  }

  /** {@code {"error": message}}: a request that cannot be answered (a bad parameter). */
  public static String error(String message) throws IOException {
    return JSON.std.asString(Map.of("error", message));
  }
}
