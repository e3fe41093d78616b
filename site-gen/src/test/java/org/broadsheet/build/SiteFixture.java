package org.broadsheet.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A site for a test: written inline, Hugo-style ({@code -- path --} lines start files), or a copy
 * of the repository's bundled sample.
 *
 * <pre>
 * -- site.yaml --
 * title: Test
 * -- content/a.md --
 * ---
 * title: A
 * ---
 * </pre>
 */
public final class SiteFixture {
  private SiteFixture() {}

  public static Path write(Path dir, String spec) throws IOException {
    String path = null;
    StringBuilder body = new StringBuilder();
    String[] lines = spec.split("\n", -1);
    int count = spec.endsWith("\n") ? lines.length - 1 : lines.length;
    for (int i = 0; i < count; i++) {
      String line = lines[i];
      if (line.startsWith("-- ") && line.endsWith(" --")) {
        flush(dir, path, body);
        path = line.substring(3, line.length() - 3).strip();
        body.setLength(0);
      } else if (path != null) {
        body.append(line).append('\n');
      }
    }
    flush(dir, path, body);
    return dir;
  }

  private static void flush(Path dir, String path, StringBuilder body) throws IOException {
    if (path != null) {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, body.toString(), StandardCharsets.UTF_8);
    }
  }

  public static String read(Path site, String path) throws IOException {
    return Files.readString(site.resolve(path), StandardCharsets.UTF_8);
  }

  /**
   * The repository's bundled sample ({@code content/} and {@code site.yaml}; the theme is the
   * templates module) copied into {@code dir/site}, so that a test may edit it.
   */
  public static Path copyOfBundledSite(Path dir) throws IOException {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    Path site = dir.resolve("site");
    for (String top : List.of("content", "site.yaml")) {
      try (Stream<Path> walk = Files.walk(repo.resolve(top))) {
        for (Path p : (Iterable<Path>) walk::iterator) {
          Path target = site.resolve(repo.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(p, target);
          }
        }
      }
    }
    return site;
  }
}
