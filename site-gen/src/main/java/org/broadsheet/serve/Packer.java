package org.broadsheet.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a built site into one zip, files at the top: {@code index.html}, {@code articles/...},
 * {@code search/lucene/...}. Unzipped it opens from {@code file://}; {@code broadsheet serve}
 * serves it as it is. Entries are in path order, so the same site packs to the same entries.
 */
public final class Packer {
  private Packer() {}

  /** Zips {@code site} into {@code zipFile} (written beside it first, then moved into place). */
  public static long pack(Path site, Path zipFile) throws IOException {
    Path target = zipFile.toAbsolutePath().normalize();
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
    long entries = 0;
    try {
      try (OutputStream os = Files.newOutputStream(temp);
          ZipOutputStream zip = new ZipOutputStream(os)) {
        for (Path file : files(site)) {
          String name = site.relativize(file).toString().replace('\\', '/');
          ZipEntry entry = new ZipEntry(Files.isDirectory(file) ? name + "/" : name);
          FileTime modified = Files.getLastModifiedTime(file);
          entry.setLastModifiedTime(modified);
          zip.putNextEntry(entry);
          if (!Files.isDirectory(file)) {
            Files.copy(file, zip);
          }
          zip.closeEntry();
          entries++;
        }
      }
      org.broadsheet.write.Publisher.readableByAll(temp);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return entries;
  }

  private static List<Path> files(Path site) throws IOException {
    try (Stream<Path> all = Files.walk(site)) {
      return all.filter(p -> !p.equals(site)).sorted().toList();
    }
  }
}
