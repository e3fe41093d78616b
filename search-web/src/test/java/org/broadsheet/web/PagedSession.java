package org.broadsheet.web;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.web.index.PageStore;

/**
 * search.js's loop on the JVM: the browser's {@link BrowserSession} over a built site's {@code
 * search/lucene/}, loading each round's missing pages from disk as search.js loads them over http:
 * one read (one Range request) per run of adjacent pages of a file. Lets tests run the paged,
 * speculative reading that the browser runs, without a browser, and count its rounds and requests.
 */
final class PagedSession {
  private final Path lucene;
  private final int pageSize;
  private final BrowserSession session;
  int rounds;
  int pagesLoaded;

  /** Each round's missing pages ("file#page"), in order. */
  final List<List<String>> missingLog = new java.util.ArrayList<>();

  int requests;

  @SuppressWarnings("unchecked")
  PagedSession(Path site) throws IOException {
    Path search = site.resolve("search");
    lucene = search.resolve("lucene");
    Map<String, Object> manifest =
        JSON.std.mapFrom(Files.readString(search.resolve("manifest.json")));
    pageSize = ((Number) manifest.get("pageSize")).intValue();
    PageStore store = new PageStore(pageSize);
    for (Map<String, Object> f : (List<Map<String, Object>>) manifest.get("files")) {
      store.addFile((String) f.get("name"), ((Number) f.get("length")).longValue());
    }
    session = new BrowserSession(store);
    session.addBundle(Files.readAllBytes(search.resolve(manifest.get("open") + ".open")));
    Map<String, Object> query = (Map<String, Object>) manifest.get("query");
    queryBundle = query == null ? null : search.resolve(query.get("bundle") + ".query");
    queryFiles = query == null ? List.of() : (List<String>) query.get("files");
  }

  /** The query bundle, until it is loaded (search.js asks for it when the first search starts). */
  private Path queryBundle;

  private final List<String> queryFiles;

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
      missingLog.add((List<String>) out.get("missing"));
      Map<String, TreeSet<Integer>> pages = new TreeMap<>();
      for (String key : (List<String>) out.get("missing")) {
        int hash = key.lastIndexOf('#');
        pages
            .computeIfAbsent(key.substring(0, hash), f -> new TreeSet<>())
            .add(Integer.parseInt(key.substring(hash + 1)));
      }
      if (queryBundle != null) { // search.js has it in after the first round
        session.addBundle(Files.readAllBytes(queryBundle));
        queryBundle = null;
        requests++;
      }
      pages.keySet().removeAll(queryFiles);
      pages.forEach(this::loadRuns);
    }
    throw new AssertionError("did not converge: " + what);
  }

  /** One read per run of adjacent pages, added page by page, as search.js does. */
  private void loadRuns(String file, TreeSet<Integer> pages) {
    try (RandomAccessFile in = new RandomAccessFile(lucene.resolve(file).toFile(), "r")) {
      Integer first = pages.first();
      while (first != null) {
        int last = first;
        while (pages.contains(last + 1)) {
          last++;
        }
        requests++;
        for (int page = first; page <= last; page++) {
          long start = (long) page * pageSize;
          byte[] bytes = new byte[(int) Math.min(pageSize, in.length() - start)];
          in.seek(start);
          in.readFully(bytes);
          session.store().addPage(file, page, bytes);
          pagesLoaded++;
        }
        first = pages.higher(last);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
