package org.broadsheet.preview;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.StringWriter;
import org.broadsheet.search.SearchHit;
import org.broadsheet.search.SearchResults;

/**
 * Search results as JSON, the one shape shared by {@code broadsheet search --json}, the server's
 * {@code /api/search} and the browser:
 *
 * <pre>
 * {"total": 12, "hits": [{"id": "...", "title": "...", "url": "articles/x/", "date": "2024-01-31T09:00:00Z",
 *                         "score": 3.14, "snippet": "... &lt;mark&gt;word&lt;/mark&gt; ..."}]}
 * </pre>
 *
 * {@code url} is relative to the site root; {@code date} is ISO 8601 or {@code ""} when undated;
 * {@code snippet} is HTML with the matched terms in {@code <mark>}.
 */
public final class SearchJson {
  private final JsonFactory factory = JSON.std.getStreamingFactory();

  public String write(SearchResults results) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("total", results.total());
      g.writeArrayFieldStart("hits");
      for (SearchHit hit : results.hits()) {
        g.writeStartObject();
        g.writeStringField("id", hit.id());
        g.writeStringField("title", hit.title());
        g.writeStringField("url", hit.url());
        g.writeStringField("date", hit.date());
        g.writeNumberField("score", hit.score());
        g.writeStringField("snippet", hit.snippet());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toString();
  }

  /** {@code {"error": message}}, for requests that cannot be answered. */
  public String error(String message) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("error", message);
      g.writeEndObject();
    }
    return out.toString();
  }
}
