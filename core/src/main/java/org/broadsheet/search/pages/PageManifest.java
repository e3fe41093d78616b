package org.broadsheet.search.pages;

import java.util.List;

/**
 * {@code search/pages/manifest.json}, and the same object as {@code manifest.js} for file://
 * ({@code self.broadsheetManifest = {...};}). The browser reads it first:
 *
 * <pre>
 * {
 *   "format": 1,                 this layout's version; bumped on any change to the files here
 *   "pageSize": 4096,            bytes per page (the last page of a file may be shorter)
 *   "language": "en",            the site language, which picks the analyzer
 *   "open": "&lt;hash&gt;",            the open bundle, &lt;hash&gt;.open (OpenBundleFile)
 *   "files": [                   every file of the Lucene index
 *     {"name": "_0.tim", "length": 123456, "hash": "&lt;hash&gt;"}   page i = &lt;hash&gt;-&lt;i&gt;.bin (PageFile)
 *   ]
 * }
 * </pre>
 */
record PageManifest(int pageSize, String language, String open, List<Entry> files) {
  static final int FORMAT = 1;

  record Entry(String name, long length, String hash) {}

  String json() {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"format\":").append(FORMAT).append(",\"pageSize\":").append(pageSize)
        .append(",\"language\":\"").append(language).append("\",\"open\":\"").append(open).append("\",\"files\":[");
    for (int i = 0; i < files.size(); i++) {
      Entry e = files.get(i);
      sb.append(i == 0 ? "\n" : ",\n").append("{\"name\":\"").append(e.name()).append("\",\"length\":")
          .append(e.length()).append(",\"hash\":\"").append(e.hash()).append("\"}");
    }
    return sb.append("\n]}\n").toString();
  }

  String script() {
    return "self.broadsheetManifest=" + json().strip() + ";\n";
  }
}
