package org.broadsheet.search.pages;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code search/pages/manifest.json}, and the same object as {@code manifest.js} for file://
 * ({@code self.broadsheetManifest = {...};}). The browser reads it first:
 *
 * <pre>
 * {
 *   "format": 4,                 this layout's version; bumped on any change to the files here
 *   "pageSize": 1024,            bytes per page (the last page of a file may be shorter)
 *   "language": "en",            the index's (site's) language (IndexInfo)
 *   "languages": ["en", "fa"],   the analysis (SearchSchema.analysis) of every language the index
 *                                holds, the site's first, which picks the runtime to load: search.wasm
 *                                if any is one of fa, ar, de, fr, es, else search-en.wasm; the
 *                                analyzers themselves, stop words included, come from the index's
 *                                own commit data (format 4: "languages" added)
 *   "open": "&lt;hash&gt;",            the open bundle, &lt;hash&gt;.open (OpenBundleFile)
 *   "files": [                   every file of the Lucene index
 *     {"name": "_0.tim", "length": 123456, "hash": "&lt;hash&gt;"}   page i = &lt;hash&gt;-&lt;i&gt;.bin (PageFile)
 *   ]
 * }
 * </pre>
 */
record PageManifest(
    int pageSize, String language, List<String> languages, String open, List<Entry> files) {
  static final int FORMAT = 4;

  record Entry(String name, long length, String hash) {}

  String json() throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("pageSize", pageSize);
    m.put("language", language);
    m.put("languages", languages);
    m.put("open", open);
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
