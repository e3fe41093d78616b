package org.broadsheet.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.broadsheet.parse.ArchiveMetadata;
import org.broadsheet.source.SourceFile;

/**
 * The content hash of an article file with everything its parse reads: the file, its sidecar
 * ({@code <name>.yaml}, {@code .yml} or {@code .json}), every {@code _metadata.csv} from its folder
 * up to {@code content/}, and the settings and code the parsers run with. Equal keys, equal parses.
 */
final class SourceKeys {
  private static final List<String> SIDECARS = List.of("yaml", "yml", "json");
  private final Path site;
  private final String context;
  private final Map<Path, String> metadata = new ConcurrentHashMap<>();

  /**
   * @param context what else the parse depends on (time zone, language, the code's version)
   */
  SourceKeys(Path site, String context) {
    this.site = site;
    this.context = context;
  }

  String of(SourceFile file) {
    try {
      Object[] sidecars = new Object[SIDECARS.size()];
      for (int i = 0; i < sidecars.length; i++) {
        sidecars[i] =
            bytesIfAny(file.file().resolveSibling(file.baseName() + "." + SIDECARS.get(i)));
      }
      return Fingerprint.of(
          context,
          file.relativePath(),
          Files.readAllBytes(file.file()),
          java.util.Arrays.asList(sidecars),
          metadataAbove(file.file().getParent()));
    } catch (IOException e) {
      return "unreadable"; // the parse reports it; a file that cannot be read is never taken from
      // the cache
    }
  }

  /**
   * The hashes of the {@code _metadata.csv} files in {@code folder} and its parents up to {@code
   * content/}.
   */
  private String metadataAbove(Path folder) {
    String known = metadata.get(folder);
    if (known != null) {
      return known;
    }
    Path content = site.resolve("content");
    String above =
        folder.equals(content) || !folder.startsWith(content)
            ? ""
            : metadataAbove(folder.getParent());
    String here;
    try {
      here = Fingerprint.of(above, bytesIfAny(folder.resolve(ArchiveMetadata.FILE_NAME)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    metadata.put(folder, here);
    return here;
  }

  private static Object bytesIfAny(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
  }
}
