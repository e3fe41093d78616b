package org.broadsheet.search.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One page of one index file, written twice under {@code search/pages/}:
 *
 * <pre>
 * &lt;hash&gt;.bin   the page's bytes, as they are in the Lucene file (fetched over http(s))
 * &lt;hash&gt;.js    (self.broadsheetPages = self.broadsheetPages || {})["&lt;hash&gt;"] = "&lt;base64 of the bytes&gt;";
 *              (loaded by a script tag from file://, where fetch is blocked)
 * </pre>
 *
 * {@code hash} is the first 20 hex digits of the SHA-256 of the bytes, so a page's name changes
 * exactly when its bytes do: browsers and CDNs may cache pages forever, and a re-deploy uploads only
 * new pages. Pages are {@link BrowserIndexPages#pageSize} bytes except the last of each file.
 */
final class PageFile {
  private PageFile() {}

  static String hash(byte[] bytes, int length) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(bytes, 0, length);
      return HexFormat.of().formatHex(sha.digest()).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code <hash>.bin} and {@code <hash>.js} unless they exist; returns the hash. */
  static String write(Path dir, String suffix, byte[] bytes, int length) throws IOException {
    String hash = hash(bytes, length);
    Path bin = dir.resolve(hash + suffix);
    if (!Files.exists(bin)) {
      byte[] exact = length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
      Files.write(bin, exact);
      Files.writeString(dir.resolve(hash + suffix + ".js"), script(hash + suffix, exact), StandardCharsets.UTF_8);
    }
    return hash;
  }

  static String script(String key, byte[] bytes) {
    return "(self.broadsheetPages=self.broadsheetPages||{})[\"" + key + "\"]=\""
        + Base64.getEncoder().encodeToString(bytes) + "\";\n";
  }
}
