package org.broadsheet.web;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.broadsheet.search.ArchiveSearch;
import org.broadsheet.search.SearchHit;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResults;
import org.broadsheet.search.SortOrder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs one query through window.broadsheet.search and through the JVM's ArchiveSearch, and
 * compares.
 */
final class Parity {
  record Query(String text, String tag, String section, String from, String to, String sort) {
    static Query of(String text) {
      return new Query(text, null, null, null, null, "relevance");
    }

    SearchRequest request() {
      return new SearchRequest(
          text,
          10,
          0,
          tag,
          section,
          from,
          to,
          "date".equals(sort) ? SortOrder.DATE : SortOrder.RELEVANCE,
          false);
    }
  }

  private Parity() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> browser(WebDriver driver, Query q) throws IOException {
    Object out =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "window.broadsheet.search(arguments[0], {limit: 10, tag: arguments[1], section: arguments[2],"
                    + " from: arguments[3], to: arguments[4], sort: arguments[5]})"
                    + ".then(function (r) { done(JSON.stringify(r)); }, function (e) { done('ERROR ' + e); });",
                q.text(),
                q.tag(),
                q.section(),
                q.from(),
                q.to(),
                q.sort());
    String json = String.valueOf(out);
    if (json.startsWith("ERROR")) {
      throw new AssertionError(q + ": " + json);
    }
    return JSON.std.mapFrom(json);
  }

  static SearchResults jvm(ArchiveSearch search, Query q) throws IOException {
    return search.search(q.request());
  }

  /**
   * Differences between the JVM's and the browser's answer: total, ids in order, snippets, and the
   * scores' float bits ({@code exactScores}) or within 1e-5 relative (the JS target computes in
   * doubles).
   */
  @SuppressWarnings("unchecked")
  static List<String> differences(
      Query q, SearchResults jvm, Map<String, Object> browser, boolean exactScores) {
    List<String> out = new ArrayList<>();
    long total = ((Number) browser.get("total")).longValue();
    if (total != jvm.total()) {
      out.add(q + ": total " + total + " in the browser, " + jvm.total() + " on the JVM");
    }
    List<Map<String, Object>> hits = (List<Map<String, Object>>) browser.get("hits");
    if (hits.size() != jvm.hits().size()) {
      out.add(
          q + ": " + hits.size() + " hits in the browser, " + jvm.hits().size() + " on the JVM");
      return out;
    }
    for (int i = 0; i < hits.size(); i++) {
      Map<String, Object> b = hits.get(i);
      SearchHit j = jvm.hits().get(i);
      if (!j.id().equals(b.get("id"))) {
        out.add(
            q + ": hit " + i + " is " + b.get("id") + " in the browser, " + j.id() + " on the JVM");
        continue;
      }
      float score = Float.parseFloat(String.valueOf(b.get("score")));
      boolean same =
          exactScores
              ? Float.floatToIntBits(score) == Float.floatToIntBits(j.score())
              : Math.abs(score - j.score()) <= 1e-5 * Math.max(1, Math.abs(j.score()));
      if (!same) {
        out.add(
            q
                + ": hit "
                + i
                + " scores "
                + score
                + " in the browser, "
                + j.score()
                + " on the JVM");
      }
      if (!j.snippet().equals(b.get("snippet"))
          || !j.title().equals(b.get("title"))
          || !j.url().equals(b.get("url"))
          || !j.date().equals(b.get("date"))) {
        out.add(q + ": hit " + i + " text differs: " + b + " vs " + j);
      }
    }
    return out;
  }
}
