package org.broadsheet.web;

import org.broadsheet.search.IndexInfo;
import org.broadsheet.search.SearchParameters;
import org.broadsheet.web.index.PageStore;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The functions the compiled runtime exports to {@code search.js}. TeaVM exports static methods
 * only, so the one {@link BrowserSession} of the page lives here.
 *
 * <pre>
 *   open(files, pageSize)            files: "name\tlength\n" per index file (the analyzer comes from the index)
 *   addBundle(bytes)                 the open bundle, later the query bundle (OpenBundle format)
 *   addPage(file, page, bytes)       one page of one file
 *   search(q, limit, offset, tag, section, from, to, sort, facets) -> JSON string (core's SearchJson)
 *                                    every parameter as text, "" for not given, read by core's SearchParameters
 * </pre>
 */
public final class BrowserSearch {
  private static BrowserSession session;

  private BrowserSearch() {}

  public static void main(String[] args) {}

  @JSExport
  public static void open(String files, int pageSize) {
    PageStore store = new PageStore(pageSize);
    for (String line : IndexInfo.lines(files)) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        store.addFile(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
      }
    }
    session = new BrowserSession(store);
  }

  @JSExport
  public static void addBundle(Int8Array bytes) {
    session.addBundle(bytes.copyToJavaArray());
  }

  @JSExport
  public static void addPage(String file, int page, Int8Array bytes) {
    session.store().addPage(file, page, bytes.copyToJavaArray());
  }

  @JSExport
  public static String search(
      String q,
      String limit,
      String offset,
      String tag,
      String section,
      String from,
      String to,
      String sort,
      String facets) {
    return session.search(
        SearchParameters.inOrder(q, limit, offset, tag, section, from, to, sort, facets));
  }
}
