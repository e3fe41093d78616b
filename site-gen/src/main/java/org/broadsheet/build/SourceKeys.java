package org.broadsheet.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final Map<Path, Set<String>> sidecarNames = new ConcurrentHashMap<>();

  /**
   * @param context what else the parse depends on (time zone, language, the code's version)
   */
  SourceKeys(Path site, String context) {
    this.site = site;
    this.context = context;
  }

  /**
   * The key of {@code file}, whose bytes the caller has read ({@code null}: they could not be read,
   * and the key says so).
   */
  String of(SourceFile file, byte[] bytes) {
    if (bytes == null) {
      return "unreadable";
    }
    try {
      Set<String> names = sidecarsIn(file.file().getParent());
      Object[] sidecars = new Object[SIDECARS.size()];
      for (int i = 0; i < sidecars.length; i++) {
        String name = file.baseName() + "." + SIDECARS.get(i);
        sidecars[i] = names.contains(name) ? bytesIfAny(file.file().resolveSibling(name)) : null;
      }
      return Fingerprint.of(
          context,
          file.relativePath(),
          bytes,
          java.util.Arrays.asList(sidecars),
          metadataAbove(file.file().getParent()));
    } catch (IOException e) {
      return "unreadable"; // the parse reports it; a file that cannot be read is never taken from
      // the cache
    }
  }

  /**
   * The names in {@code folder} a sidecar can have, listed once a build (a look for each article's
   * three possible sidecars took three failed file lookups an article). The parse threads start in
   * the same folder: one lists it while the others wait, rather than each listing 10,000 names.
   */
  private Set<String> sidecarsIn(Path folder) throws IOException {
    try {
      return sidecarNames.computeIfAbsent(folder, SourceKeys::listSidecars);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Set<String> listSidecars(Path folder) {
    Set<String> names = new HashSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && SIDECARS.contains(name.substring(dot + 1))) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
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
