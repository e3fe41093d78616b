package org.broadsheet.web;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.broadsheet.search.ArchiveSearch;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchSchema;
import org.broadsheet.search.SortOrder;
import org.broadsheet.web.index.OpenBundle;
import org.broadsheet.web.index.PageStore;
import org.broadsheet.web.index.PagedDirectory;
import org.broadsheet.web.index.PrefetchingReader;

/**
 * One browser tab's search: the pages loaded so far, and once the index could be opened, the
 * reader and core's {@link ArchiveSearch} over it. Every call either answers or names the pages it
 * still needs (JSON {@code {"missing": [...]}}); search.js loads those and calls again.
 */
final class BrowserSession {
  private final PageStore store;
  private final String language;
  private final List<String> stopwords;
  private DirectoryReader reader;
  private ArchiveSearch search;

  BrowserSession(PageStore store, String language, List<String> stopwords) {
    this.store = store;
    this.language = language;
    this.stopwords = stopwords;
  }

  PageStore store() {
    return store;
  }

  void addBundle(byte[] bundle) {
    OpenBundle.load(bundle, store);
  }

  String search(SearchRequest request) {
    try {
      if (search == null) {
        // the cache would read whole postings lists, i.e. fetch pages no query needs
        IndexSearcher.setDefaultQueryCache(null);
        reader = new PrefetchingReader(DirectoryReader.open(new PagedDirectory(store)), store);
        search = new ArchiveSearch(reader, SearchSchema.analyzer(language, stopwords));
      }
      store.forgetExpected();
      String json = Json.results(search.search(request));
      List<String> missing = store.takeMissing();
      return missing.isEmpty() ? json : Json.missing(missing); // hits with unloaded stored fields
    } catch (Throwable e) {
      List<String> missing = store.takeMissing();
      if (!missing.isEmpty()) {
        return Json.missing(missing);
      }
      return Json.error(String.valueOf(e));
    }
  }

  static SearchRequest request(String query, int limit, int offset, String tag, String section, String from,
      String to, String sort, boolean facets) {
    SortOrder order = "date".equalsIgnoreCase(sort) ? SortOrder.DATE : SortOrder.RELEVANCE;
    return new SearchRequest(query == null ? "" : query, limit <= 0 ? 10 : limit, Math.max(0, offset),
        blank(tag), blank(section), blank(from), blank(to), order, facets);
  }

  private static String blank(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}
