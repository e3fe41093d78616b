package org.broadsheet.search.pages;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

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

  /**
   * The hash of a file of the index: of its Lucene header, footer and length when it has them
   * (every file Lucene 9 writes does), else of all its bytes. The header holds the random id of its
   * segment (of its commit, for {@code segments_N}) and the footer the CRC-32 of every byte before
   * it, so two files with the same name, header and footer are the same file; reading 100 bytes
   * instead of the whole file saved a full pass over the index (635 MB at 100,000 stories) per
   * build.
   */
  static String hashFile(Directory dir, String name) throws IOException {
    try (IndexInput in = dir.openInput(name, IOContext.READONCE)) {
      MessageDigest sha = sha256();
      try {
        sha.update(CodecUtil.readIndexHeader(in));
        sha.update(CodecUtil.readFooter(in));
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(in.length()).flip());
      } catch (CorruptIndexException | EOFException e) {
        sha.reset(); // not a file Lucene wrote with a header and footer: hash all of it
        in.seek(0);
        byte[] buffer = new byte[1 << 16];
        for (long left = in.length(); left > 0; ) {
          int n = (int) Math.min(buffer.length, left);
          in.readBytes(buffer, 0, n);
          sha.update(buffer, 0, n);
          left -= n;
        }
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
