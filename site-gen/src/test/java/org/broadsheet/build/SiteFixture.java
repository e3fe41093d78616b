package org.broadsheet.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A site written inline, Hugo-style: {@code -- path --} lines start files.
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
}
