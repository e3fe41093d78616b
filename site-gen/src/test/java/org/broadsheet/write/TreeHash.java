package org.broadsheet.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every entry of a tree, by relative path: a file's SHA-256, a link's target, "dir" for folders.
 * Links are recorded, never followed. Equal maps mean the tree survived byte for byte.
 */
public final class TreeHash {
  private TreeHash() {}

  public static Map<String, String> of(Path root) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String name = root.relativize(p).toString().replace('\\', '/');
        if (Files.isSymbolicLink(p)) {
          entries.put(name, "link -> " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          entries.put(name, "dir");
        } else {
          entries.put(name, sha256(Files.readAllBytes(p)));
        }
      }
    }
    return entries;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
