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
 * &lt;file hash&gt;-&lt;i&gt;.bin   bytes [i * pageSize, (i + 1) * pageSize) of the Lucene file (fetched over http(s))
 * &lt;file hash&gt;-&lt;i&gt;.bin.js  (self.broadsheetPages = self.broadsheetPages || {})["&lt;name&gt;.bin"] = "&lt;base64&gt;";
 *                      (loaded by a script tag from file://, where fetch is blocked)
 * </pre>
 *
 * {@code file hash} is the first 16 hex digits of the SHA-256 of the whole index file, so page
 * names change exactly when their file does (Lucene files are write-once): browsers and CDNs may
 * cache pages forever, a re-deploy uploads only the pages of new files, and the manifest lists one
 * hash per file rather than one per page (which kept it at ~1 KB instead of ~30 KB for 10,000
 * stories). The open bundle is named by its own hash the same way ({@code <hash>.open}).
 */
final class PageFile {
  private PageFile() {}

  static String hash(byte[] bytes, int length) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(bytes, 0, length);
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code <name>} and {@code <name>.js} unless they exist. */
  static void write(Path dir, String name, byte[] bytes, int length) throws IOException {
    Path bin = dir.resolve(name);
    if (!Files.exists(bin)) {
      byte[] exact = length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
      Files.write(bin, exact);
      Files.writeString(dir.resolve(name + ".js"), script(name, exact), StandardCharsets.UTF_8);
    }
  }

  /** The first 16 hex digits of the SHA-256 of a whole file. */
  static String hashFile(Path file) throws IOException {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String script(String key, byte[] bytes) {
    return "(self.broadsheetPages=self.broadsheetPages||{})[\""
        + key
        + "\"]=\""
        + Base64.getEncoder().encodeToString(bytes)
        + "\";\n";
  }
}
