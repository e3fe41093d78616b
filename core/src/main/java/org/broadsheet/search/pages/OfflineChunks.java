package org.broadsheet.search.pages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code search/offline/}: the index as scripts, written only for {@code --offline} builds and
 * {@code pack}, whose sites are opened from {@code file://}, where {@code fetch} is blocked and
 * only script tags load data. Local disk makes large chunks cheap, so files are cut in {@link
 * #CHUNK_SIZE} chunks, not pages:
 *
 * <pre>
 * manifest.js             self.broadsheetManifest = {...};   (the object of ../manifest.json)
 * &lt;open&gt;.open.js          (self.broadsheetChunks = self.broadsheetChunks || {})["&lt;open&gt;.open"] = "&lt;base64&gt;";
 * &lt;query&gt;.query.js        the same for the query bundle
 * &lt;file hash&gt;-&lt;i&gt;.js      the same, key "&lt;file hash&gt;-&lt;i&gt;": bytes [i * chunkSize, (i + 1) * chunkSize) of the file
 * </pre>
 */
final class OfflineChunks {
  /** Bytes per chunk: a whole number of pages (the browser adds a chunk as pages). */
  static final int CHUNK_SIZE = 1 << 20;

  private OfflineChunks() {}

  /** Writes the chunk scripts of one index file; returns them. */
  static List<Path> writeFile(Path offline, Path file, String hash) throws IOException {
    byte[] buffer = new byte[CHUNK_SIZE];
    List<Path> written = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.readNBytes(buffer, 0, CHUNK_SIZE)) > 0) {
        written.add(write(offline, hash + "-" + written.size(), buffer, n));
      }
    }
    return written;
  }

  /** Writes {@code <key>.js} holding {@code length} bytes under {@code key}; returns it. */
  static Path write(Path offline, String key, byte[] bytes, int length) throws IOException {
    return Files.writeString(
        offline.resolve(key + ".js"), script(key, bytes, length), StandardCharsets.UTF_8);
  }

  static String script(String key, byte[] bytes, int length) {
    byte[] exact = length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
    return "(self.broadsheetChunks=self.broadsheetChunks||{})[\""
        + key
        + "\"]=\""
        + Base64.getEncoder().encodeToString(exact)
        + "\";\n";
  }
}
