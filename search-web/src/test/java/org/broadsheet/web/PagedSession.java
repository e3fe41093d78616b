package org.broadsheet.web;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.web.index.PageStore;

/**
 * search.js's loop on the JVM: the browser's {@link BrowserSession} over a built site's {@code
 * search/pages/}, loading the pages each round names from disk. Lets tests run the paged,
 * speculative reading that the browser runs, without a browser, and count its rounds.
 */
final class PagedSession {
  private final Path pages;
  private final BrowserSession session;
  private final Map<String, String> hashes = new java.util.HashMap<>();
  int rounds;
  int pagesLoaded;

  @SuppressWarnings("unchecked")
  PagedSession(Path site) throws IOException {
    pages = site.resolve("search/pages");
    Map<String, Object> manifest =
        JSON.std.mapFrom(Files.readString(pages.resolve("manifest.json")));
    PageStore store = new PageStore(((Number) manifest.get("pageSize")).intValue());
    for (Map<String, Object> f : (List<Map<String, Object>>) manifest.get("files")) {
      store.addFile((String) f.get("name"), ((Number) f.get("length")).longValue());
      hashes.put((String) f.get("name"), (String) f.get("hash"));
    }
    session = new BrowserSession(store);
    session.addBundle(Files.readAllBytes(pages.resolve(manifest.get("open") + ".open")));
  }

  /** The JSON the browser would get for {@code request}, after as many rounds as it takes. */
  String search(SearchRequest request) throws IOException {
    return search(() -> session.search(request), request);
  }

  /** The JSON the browser would get for these text parameters (window.broadsheet.search's). */
  String search(Map<String, String> parameters) throws IOException {
    return search(() -> session.search(parameters::get), parameters);
  }

  @SuppressWarnings("unchecked")
  private String search(java.util.function.Supplier<String> round, Object what) throws IOException {
    for (int n = 0; n < 500; n++) {
      String json = round.get();
      Map<String, Object> out = JSON.std.mapFrom(json);
      if (!out.containsKey("missing")) {
        return json;
      }
      rounds++;
      for (String key : (List<String>) out.get("missing")) {
        String file = key.substring(0, key.indexOf('#'));
        int page = Integer.parseInt(key.substring(key.indexOf('#') + 1));
        session
            .store()
            .addPage(
                file,
                page,
                Files.readAllBytes(pages.resolve(hashes.get(file) + "-" + page + ".bin")));
        pagesLoaded++;
      }
    }
    throw new AssertionError("did not converge: " + what);
  }
}
