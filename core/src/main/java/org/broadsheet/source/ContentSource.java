package org.broadsheet.source;

import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;

/**
 * Walks a site's {@code content/} folder. Hidden files and folders are skipped. Symbolic links to
 * files and folders are followed (a content folder assembled from links is common); broken links,
 * link loops and folders that cannot be read are reported, and the rest is still loaded.
 */
public final class ContentSource {
  private ContentSource() {}

  /**
   * Every regular file below {@code contentDir}, in path order, named relative to {@code siteDir}.
   * What cannot be walked goes to {@code diagnostics} with its path; a missing folder gives no
   * files.
   */
  public static List<SourceFile> load(Path siteDir, Path contentDir, Diagnostics diagnostics) {
    if (!Files.isDirectory(contentDir)) {
      if (Files.isSymbolicLink(contentDir)) {
        diagnostics.add(
            Diagnostic.warning(
                relative(siteDir, contentDir),
                "broken symbolic link (its target "
                    + ContentWalker.target(contentDir)
                    + " does not exist); no files loaded"));
      } else if (Files.exists(contentDir, LinkOption.NOFOLLOW_LINKS)) {
        diagnostics.add(
            Diagnostic.error(relative(siteDir, contentDir), "not a folder; no files loaded"));
      }
      return new ArrayList<>();
    }
    ContentWalker walker = new ContentWalker(siteDir, contentDir, diagnostics);
    walk(contentDir, walker);
    List<SourceFile> files = new ArrayList<>(walker.files());
    files.sort(Comparator.comparing(SourceFile::relativePath));
    return files;
  }

  /**
   * Runs {@code walker} over {@code contentDir}, following links; the walker reports every failure.
   */
  static void walk(Path contentDir, java.nio.file.FileVisitor<Path> walker) {
    try {
      Files.walkFileTree(
          contentDir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, walker);
    } catch (java.io.IOException e) {
      // ContentWalker never throws: each failure is a diagnostic and the walk goes on
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String relative(Path base, Path file) {
    Path abs = base.toAbsolutePath().normalize();
    Path f = file.toAbsolutePath().normalize();
    Path rel = f.startsWith(abs) ? abs.relativize(f) : f;
    return rel.toString().replace('\\', '/');
  }
}
