package org.broadsheet.web;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.broadsheet.search.ArchiveSearch;
import org.broadsheet.search.IndexFormatException;
import org.broadsheet.search.IndexInfo;
import org.broadsheet.search.SearchJson;
import org.broadsheet.search.SearchParameters;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.web.index.OpenBundle;
import org.broadsheet.web.index.PageStore;
import org.broadsheet.web.index.PagedDirectory;
import org.broadsheet.web.index.PrefetchingReader;

/**
 * One browser tab's search: the pages loaded so far, and once the index could be opened, the reader
 * and core's {@link ArchiveSearch} over it, with the analyzer the index records ({@link
 * IndexInfo}). Every call answers in core's {@link SearchJson} shape: results, an {@code {"error"}}
 * (a bad parameter, as the command line and /api/search word it, or an index of another format), or
 * the pages it still needs ({@code {"missing": [...]}}); search.js loads those and calls again.
 */
final class BrowserSession {
  private final PageStore store;
  private DirectoryReader reader;
  private ArchiveSearch search;

  /** The last request whose ranking missed no page, and that ranking. */
  private SearchRequest rankedRequest;

  private ArchiveSearch.Ranking ranked;

  BrowserSession(PageStore store) {
    this.store = store;
  }

  PageStore store() {
    return store;
  }

  void addBundle(byte[] bundle) {
    OpenBundle.load(bundle, store);
  }

  /**
   * A search given as text parameters ({@link SearchParameters}), as window.broadsheet.search
   * passes them.
   */
  String search(Function<String, String> parameters) {
    SearchRequest request;
    try {
      request = SearchParameters.parse(parameters);
    } catch (IllegalArgumentException e) {
      return SearchJson.error(e.getMessage());
    }
    return search(request);
  }

  String search(SearchRequest request) {
    try {
      if (search == null) {
        open();
      }
      store.forgetExpected();
      ArchiveSearch.Ranking ranking = request.equals(rankedRequest) ? ranked : null;
      if (ranking == null) {
        ranking = search.rank(request);
        if (store.hasMissing()) {
          // the hits may be the wrong ones: their stored fields and facets would be wasted work
          return SearchJson.missing(store.takeMissing());
        }
        // every page the ranking read was there: it is the JVM's, and a later round of this
        // request (one that only misses stored fields or facet values) need not rank again
        rankedRequest = request;
        ranked = ranking;
      }
      String json = SearchJson.results(request, search.results(request, ranking));
      List<String> missing = store.takeMissing();
      return missing.isEmpty()
          ? json
          : SearchJson.missing(missing); // hits with unloaded stored fields
    } catch (IndexFormatException e) {
      return SearchJson.error(e.getMessage());
    } catch (Throwable e) {
      List<String> missing = store.takeMissing();
      if (!missing.isEmpty()) {
        return SearchJson.missing(missing);
      }
      return SearchJson.error(String.valueOf(e));
    }
  }

  private void open() throws IOException {
    // the cache would read whole postings lists, i.e. fetch pages no query needs
    IndexSearcher.setDefaultQueryCache(null);
    DirectoryReader plain = DirectoryReader.open(new PagedDirectory(store));
    IndexInfo info;
    try {
      info = IndexInfo.read(plain); // from segments_N, already read: no page of its own
    } catch (RuntimeException e) {
      plain.close();
      throw e;
    }
    reader = new PrefetchingReader(plain, store);
    search = new ArchiveSearch(reader, info);
  }

  void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}
