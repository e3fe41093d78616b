package org.broadsheet.search.pages;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code search/manifest.json}, and for file:// the same object as {@code
 * search/offline/manifest.js} ({@code self.broadsheetManifest = {...};}, {@code --offline} and
 * {@code pack} only). The browser reads it first; it names every file with its length and hash, so
 * the browser never asks a host for a length (no HEAD requests):
 *
 * <pre>
 * {
 *   "format": 6,                 this layout's version; bumped on any change to the files here
 *                                (5: the browser reads ranges of search/lucene/ itself, pages are gone;
 *                                6: the query bundle)
 *   "pageSize": 1024,            bytes per logical page: what the browser's reader tracks and asks for;
 *                                a round loads each run of missing pages with one Range request
 *   "chunkSize": 1048576,        bytes per offline chunk (OfflineChunks), a whole number of pages
 *   "language": "en",            the index's (site's) language (IndexInfo)
 *   "languages": ["en", "fa"],   the analysis (SearchSchema.analysis) of every language the index
 *                                holds, the site's first, by which the build picked the runtime it
 *                                copied (RuntimeFiles.wasmFor); the analyzers themselves, stop words
 *                                included, come from the index's own commit data (format 4:
 *                                "languages" added)
 *   "open": "&lt;hash&gt;",            the open bundle, search/&lt;hash&gt;.open (OpenBundleFile)
 *   "query": {                   absent when empty: the query bundle, search/&lt;hash&gt;.query, which
 *     "bundle": "&lt;hash&gt;",        the browser fetches with its first query (the same format)
 *     "files": ["_0.nvd"]        the index files it carries whole, so never read in ranges
 *   },
 *   "files": [                   every file of the Lucene index, read as lucene/&lt;name&gt;?v=&lt;hash&gt; (IndexFiles)
 *     {"name": "_0.tim", "length": 123456, "hash": "&lt;hash&gt;"}
 *   ]
 * }
 * </pre>
 */
record PageManifest(
    int pageSize,
    int chunkSize,
    String language,
    List<String> languages,
    String open,
    Bundle query,
    List<Entry> files) {
  static final int FORMAT = 6;

  /** A bundle of whole index files: its hash and the files it carries. */
  record Bundle(String hash, List<String> files) {}

  record Entry(String name, long length, String hash) {}

  String json() throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("pageSize", pageSize);
    m.put("chunkSize", chunkSize);
    m.put("language", language);
    m.put("languages", languages);
    m.put("open", open);
    if (query != null) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("bundle", query.hash());
      q.put("files", query.files());
      m.put("query", q);
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (Entry e : files) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("name", e.name());
      f.put("length", e.length());
      f.put("hash", e.hash());
      list.add(f);
    }
    m.put("files", list);
    return JSON.std.asString(m) + "\n";
  }

  String script() throws IOException {
    return "self.broadsheetManifest=" + json().strip() + ";\n";
  }
}
