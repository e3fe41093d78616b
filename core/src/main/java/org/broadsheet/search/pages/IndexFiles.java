package org.broadsheet.search.pages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content hashes of the shipped index's files. The browser reads {@code search/lucene/<name>}
 * itself (byte ranges), as {@code lucene/<name>?v=<hash>}: a clean build reuses segment names
 * ({@code _0}) for other bytes, and the hash in the URL keeps a browser or CDN from ever mixing the
 * two. Lucene files are write-once, so across incremental builds an unchanged file keeps its name,
 * hash and URL, and a returning reader's cached ranges of it stay good.
 */
final class IndexFiles {
  private IndexFiles() {}

  /** The first 16 hex digits of the SHA-256 of {@code length} bytes. */
  static String hash(byte[] bytes, int length) {
    MessageDigest sha = sha256();
    sha.update(bytes, 0, length);
    return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
  }

  /** The first 16 hex digits of the SHA-256 of a whole file. */
  static String hashFile(Path file) throws IOException {
    MessageDigest sha = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
