package org.broadsheet.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Walks a site's {@code content/} folder. Hidden files and folders are skipped. */
public final class ContentSource {
  private ContentSource() {}

  /** Every regular file below {@code contentDir}, in path order, named relative to {@code siteDir}. */
  public static List<SourceFile> load(Path siteDir, Path contentDir) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    if (!Files.isDirectory(contentDir)) {
      return files;
    }
    Files.walkFileTree(
        contentDir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(contentDir) && isHidden(dir)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !isHidden(file)) {
              files.add(new SourceFile(relative(siteDir, file), file));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(Comparator.comparing(SourceFile::relativePath));
    return files;
  }

  static String relative(Path base, Path file) {
    Path abs = base.toAbsolutePath().normalize();
    Path f = file.toAbsolutePath().normalize();
    Path rel = f.startsWith(abs) ? abs.relativize(f) : f;
    return rel.toString().replace('\\', '/');
  }

  private static boolean isHidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}
