package org.broadsheet.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One input file under the content folder. Holds the path only; bytes are read when parsed, so a
 * million sources cost a million paths, not a million bodies.
 *
 * @param relativePath path below the site folder with forward slashes, e.g. {@code
 *     content/wire/a.txt}; this is what diagnostics print
 * @param file the file on disk
 */
public record SourceFile(String relativePath, Path file) {
  public SourceFile {
    Objects.requireNonNull(relativePath, "relativePath");
    Objects.requireNonNull(file, "file");
  }

  public byte[] readBytes() throws IOException {
    return Files.readAllBytes(file);
  }

  /** File name without folders. */
  public String fileName() {
    int slash = relativePath.lastIndexOf('/');
    return relativePath.substring(slash + 1);
  }

  /** File name without its extension. */
  public String baseName() {
    String name = fileName();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** Lower-case extension without the dot, or an empty string. */
  public String extension() {
    String name = fileName();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
  }
}
