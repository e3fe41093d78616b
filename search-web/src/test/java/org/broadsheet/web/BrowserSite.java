package org.broadsheet.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.content.Article;
import org.broadsheet.content.Body;
import org.broadsheet.content.Extras;
import org.broadsheet.search.SearchIndexWriter;
import org.broadsheet.search.pages.BrowserIndexPages;
import org.broadsheet.search.pages.RuntimeFiles;

/**
 * The search part of a built site, as the build lays it out: {@code search/lucene/} (core's
 * SearchIndexWriter), its manifest and {@code search/offline/} (BrowserIndexPages), {@code
 * search/runtime/} (RuntimeFiles), the theme's {@code assets/search.js} and a search page with the
 * theme's element ids.
 */
public final class BrowserSite {
  static final Path SEARCH_JS = Path.of("../templates/assets/search.js");

  private BrowserSite() {}

  public static void build(Path site, List<Article> articles, int pageSize) throws IOException {
    build(site, articles, pageSize, "en");
  }

  /**
   * A site in {@code language} (ISO 639-1): the index records it, with its analyzer's stop words.
   */
  static void build(Path site, List<Article> articles, int pageSize, String language)
      throws IOException {
    Path lucene = site.resolve("search/lucene");
    Files.createDirectories(lucene);
    try (FSDirectory dir = FSDirectory.open(lucene);
        SearchIndexWriter writer = SearchIndexWriter.open(dir, language, ZoneId.of("UTC"), true)) {
      for (Article a : articles) {
        writer.put(a, "articles/" + a.slug() + "/");
      }
      writer.optimizeAndCommit();
    }
    // offline scripts too: the tests open these sites over http and from file://
    new BrowserIndexPages(pageSize).writeFiles(site.resolve("search"), true);
    RuntimeFiles.copyTo(site.resolve("search/lucene"), site.resolve("search/runtime"), true);
    Files.createDirectories(site.resolve("assets"));
    Files.copy(SEARCH_JS, site.resolve("assets/search.js"));
    Files.writeString(
        site.resolve("search/index.html"),
        PAGE.replace("{lang}", language),
        StandardCharsets.UTF_8);
  }

  /**
   * Adds articles to the site's index as an incremental build does (a new segment on top of the old
   * ones) and writes its browser files again.
   */
  static void append(Path site, List<Article> articles) throws IOException {
    try (FSDirectory dir = FSDirectory.open(site.resolve("search/lucene"));
        SearchIndexWriter writer = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), false)) {
      for (Article a : articles) {
        writer.put(a, "articles/" + a.slug() + "/");
      }
      writer.optimizeAndCommit();
    }
    Path search = site.resolve("search");
    int pageSize =
        ((Number)
                com.fasterxml
                    .jackson
                    .jr
                    .ob
                    .JSON
                    .std
                    .mapFrom(Files.readString(search.resolve("manifest.json")))
                    .get("pageSize"))
            .intValue();
    new BrowserIndexPages(pageSize).writeFiles(search, true);
  }

  /** A dated article in {@code language} whose lead is the start of its one-paragraph body. */
  public static Article article(
      String language,
      String id,
      String title,
      String body,
      String date,
      String section,
      List<String> tags) {
    return new Article(
        id,
        id,
        title,
        body.substring(0, Math.min(80, body.length())),
        Optional.of(ZonedDateTime.parse(date)),
        Optional.empty(),
        List.of("Staff"),
        "",
        section,
        tags,
        "Wire",
        "",
        language,
        false,
        id + ".md",
        new Body("<p>" + body + "</p>", body),
        Extras.NONE,
        Optional.empty());
  }

  private static final String PAGE =
      """
      <!doctype html>
      <html lang="{lang}"><head><meta charset="utf-8"><title>Search</title>
      <script src="../assets/search.js" defer></script></head>
      <body>
      <div id="search-app" data-index="./">
        <form id="search-form" role="search">
          <input id="search-q" type="search" name="q" data-search-box>
          <select id="search-sort"><option value="relevance">Relevance</option><option value="date">Newest</option></select>
          <input id="search-from" type="date"><input id="search-to" type="date">
        </form>
        <p id="search-status" role="status"></p>
        <aside id="search-facets"></aside>
        <ol id="search-results"></ol>
        <button id="search-more" type="button" hidden>More results</button>
      </div>
      </body></html>
      """;
}
