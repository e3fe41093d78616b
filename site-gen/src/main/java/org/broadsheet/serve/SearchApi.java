package org.broadsheet.serve;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.search.IndexFormatException;
import org.broadsheet.search.SearchJson;
import org.broadsheet.search.SearchParameters;
import org.broadsheet.search.SearchRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code GET /api/search?q=...}: the parameters and JSON of {@code broadsheet search --json}, read
 * and written by core ({@link SearchParameters}, {@link SearchJson}), as the browser runtime does.
 * Parameters: {@code q}, {@code limit} (1..1000, default 10), {@code offset}, {@code tag}, {@code
 * section}, {@code from}, {@code to} ({@code YYYY-MM-DD}, {@code YYYY-MM}, {@code YYYY}), {@code
 * sort} ({@code relevance} or {@code date}), {@code facets} ({@code true} or {@code false}). A bad,
 * unknown or repeated parameter gets a 400 with {@code {"error": ...}}, an index of another format
 * a 503 with the same shape; any method but GET and HEAD a 405.
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
    String json;
    try {
      json = SearchJson.results(search, index.search(search));
    } catch (IndexFormatException e) {
      send(
          response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, SearchJson.error(e.getMessage()));
      return true;
    }
    send(response, callback, HttpStatus.OK_200, json);
    return true;
  }

  /**
   * Every value of every parameter is seen, so an unknown or repeated one is refused, not dropped.
   */
  static SearchRequest parse(Fields params) {
    List<String> given = new ArrayList<>();
    for (Fields.Field field : params) {
      for (int i = 0; i < field.getValues().size(); i++) {
        given.add(field.getName());
      }
    }
    return SearchParameters.parse(given, params::getValue);
  }

  private static void send(Response response, Callback callback, int status, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    Content.Sink.write(response, true, body, callback);
  }
}
