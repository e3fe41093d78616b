package org.broadsheet.preview;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.broadsheet.api.SearchJson;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SortOrder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code GET /api/search?q=...}: the parameters and JSON of {@code broadsheet search --json}.
 * Parameters: {@code q}, {@code limit} (1..1000, default 10), {@code offset}, {@code tag},
 * {@code section}, {@code from}, {@code to} ({@code YYYY-MM-DD}), {@code sort}
 * ({@code relevance} or {@code date}). A bad parameter gets a 400 with {@code {"error": ...}};
 * any method but GET and HEAD a 405.
 */
final class SearchApi extends Handler.Abstract {
  static final String PATH = "/api/search";

  private final SearchIndex index;

  SearchApi(SearchIndex index) {
    this.index = index;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!PATH.equals(Request.getPathInContext(request))) {
      return false;
    }
    if (SiteHandler.refuseMethod(request, response, callback)) {
      return true;
    }
    SearchRequest search;
    try {
      search = parse(Request.extractQueryParameters(request, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      send(response, callback, HttpStatus.BAD_REQUEST_400, SearchJson.error(e.getMessage()));
      return true;
    }
    send(response, callback, HttpStatus.OK_200, SearchJson.write(index.search(search)));
    return true;
  }

  /** {@link SearchRequest} checks the rest: offset + limit at most 10,000, dates YYYY-MM-DD, YYYY-MM or YYYY. */
  static SearchRequest parse(Fields params) {
    return new SearchRequest(
        params.getValue("q"),
        integer(params, "limit", 10),
        integer(params, "offset", 0),
        params.getValue("tag"),
        params.getValue("section"),
        params.getValue("from"),
        params.getValue("to"),
        sort(params.getValue("sort")),
        false);
  }

  private static int integer(Fields params, String name, int fallback) {
    String value = params.getValue(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was \"" + value + "\"");
    }
  }

  private static SortOrder sort(String value) {
    if (value == null || value.isBlank()) {
      return SortOrder.RELEVANCE;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "relevance" -> SortOrder.RELEVANCE;
      case "date" -> SortOrder.DATE;
      default -> throw new IllegalArgumentException("sort must be relevance or date, was \"" + value + "\"");
    };
  }

  private static void send(Response response, Callback callback, int status, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    Content.Sink.write(response, true, body, callback);
  }
}
