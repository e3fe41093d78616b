package org.broadsheet.web;

import java.util.List;
import org.broadsheet.search.FacetCount;
import org.broadsheet.search.SearchHit;
import org.broadsheet.search.SearchResults;

/**
 * The JSON the runtime hands to search.js: {@code broadsheet search --json}'s shape
 * ({@code {"total", "hits": [{"id", "title", "url", "date", "score", "snippet"}]}}) plus
 * {@code "facets"}, or {@code {"missing": ["file#page", ...]}} while pages are still loading.
 * Scores are written with {@link Float#toString}, which reads back to the same float.
 */
final class Json {
  private Json() {}

  static String missing(List<String> pages) {
    StringBuilder sb = new StringBuilder("{\"missing\":[");
    for (int i = 0; i < pages.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      string(sb, pages.get(i));
    }
    return sb.append("]}").toString();
  }

  static String error(String message) {
    StringBuilder sb = new StringBuilder("{\"error\":");
    string(sb, message);
    return sb.append('}').toString();
  }

  static String results(SearchResults r) {
    StringBuilder sb = new StringBuilder("{\"total\":").append(r.total()).append(",\"hits\":[");
    List<SearchHit> hits = r.hits();
    for (int i = 0; i < hits.size(); i++) {
      SearchHit h = hits.get(i);
      sb.append(i > 0 ? ",{" : "{");
      field(sb, "id", h.id()).append(',');
      field(sb, "title", h.title()).append(',');
      field(sb, "url", h.url()).append(',');
      field(sb, "date", h.date()).append(',');
      sb.append("\"score\":").append(Float.toString(h.score())).append(',');
      field(sb, "snippet", h.snippet()).append('}');
    }
    sb.append("],\"facets\":[");
    List<FacetCount> facets = r.facets() == null ? List.of() : r.facets();
    for (int i = 0; i < facets.size(); i++) {
      FacetCount f = facets.get(i);
      sb.append(i > 0 ? ",{" : "{");
      field(sb, "field", f.field()).append(',');
      field(sb, "value", f.value()).append(',');
      sb.append("\"count\":").append(f.count()).append('}');
    }
    return sb.append("]}").toString();
  }

  private static StringBuilder field(StringBuilder sb, String name, String value) {
    sb.append('"').append(name).append("\":");
    string(sb, value);
    return sb;
  }

  private static void string(StringBuilder sb, String s) {
    if (s == null) {
      sb.append("null");
      return;
    }
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            String hex = Integer.toHexString(c);
            sb.append("\\u").append("0000", hex.length(), 4).append(hex);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
