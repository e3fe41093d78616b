package org.broadsheet.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;

/**
 * The visitor behind {@link ContentSource}: collects regular files, skips hidden entries, and turns
 * every entry it cannot use into a diagnostic instead of stopping the walk. Walked with {@code
 * FOLLOW_LINKS}, so a link to a file or folder arrives as what it points to; a broken link arrives
 * as a link, and a loop as a {@link FileSystemLoopException}.
 *
 * <p>Content is untrusted (a downloaded or scraped archive), so a link inside it is followed only
 * when its target lies in the site folder or in the content folder the site names (which may itself
 * be a link the user made): a link to {@code ~/.ssh/id_rsa} named {@code story.txt} must not
 * publish it.
 */
final class ContentWalker extends SimpleFileVisitor<Path> {
  private final Path siteDir;
  private final Path contentDir;
  private final Diagnostics diagnostics;
  private final List<SourceFile> files = new ArrayList<>();
  private final List<Path> allowedRoots;

  ContentWalker(Path siteDir, Path contentDir, Diagnostics diagnostics) {
    this.siteDir = siteDir;
    this.contentDir = contentDir;
    this.diagnostics = diagnostics;
    this.allowedRoots = List.of(realPath(siteDir), realPath(contentDir));
  }

  List<SourceFile> files() {
    return files;
  }

  @Override
  public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
    if (dir.equals(contentDir)) {
      return FileVisitResult.CONTINUE;
    }
    return isHidden(dir) || leavesTheSite(dir)
        ? FileVisitResult.SKIP_SUBTREE
        : FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
    if (isHidden(file)) {
      return FileVisitResult.CONTINUE;
    }
    if (attrs.isRegularFile()) {
      if (!leavesTheSite(file)) {
        files.add(new SourceFile(path(file), file));
      }
    } else if (attrs.isSymbolicLink()) {
      // with FOLLOW_LINKS, a link only arrives as a link when its target cannot be reached
      diagnostics.add(
          Diagnostic.warning(
              path(file),
              "broken symbolic link (its target " + target(file) + " does not exist); skipped"));
    } else if (!attrs.isDirectory()) {
      diagnostics.add(
          Diagnostic.warning(path(file), "not a regular file (a device, pipe or socket); skipped"));
    }
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFileFailed(Path file, IOException e) {
    if (isHidden(file)) {
      return FileVisitResult.CONTINUE;
    }
    if (e instanceof FileSystemLoopException) {
      diagnostics.add(
          Diagnostic.warning(
              path(file),
              "symbolic link loop: this link leads back to a folder"
                  + " above it ("
                  + target(file)
                  + "); skipped"));
    } else {
      boolean folder = Files.isDirectory(file);
      diagnostics.add(
          Diagnostic.error(
              path(file),
              "cannot read "
                  + (folder ? "folder" : "file")
                  + " ("
                  + reason(e)
                  + "); "
                  + (folder ? "the files in it are" : "it is")
                  + " left out"));
    }
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult postVisitDirectory(Path dir, IOException e) {
    if (e != null) {
      diagnostics.add(
          Diagnostic.error(
              path(dir),
              "listing this folder failed part-way ("
                  + reason(e)
                  + "); some of its files may be left out"));
    }
    return FileVisitResult.CONTINUE;
  }

  /** A link whose target lies outside the site and content folders; reported and not followed. */
  private boolean leavesTheSite(Path entry) {
    if (!Files.isSymbolicLink(entry)) {
      return false;
    }
    Path real = realPath(entry);
    if (allowedRoots.stream().anyMatch(real::startsWith)) {
      return false;
    }
    diagnostics.add(
        Diagnostic.warning(
            path(entry),
            "symbolic link to "
                + real
                + ", outside the site folder; not followed (content may come from anywhere, so links may not"
                + " publish files from elsewhere: copy the file into the site, or link content/ itself)"));
    return true;
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private String path(Path file) {
    return ContentSource.relative(siteDir, file);
  }

  static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "?";
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "it vanished during the walk";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.toString();
  }

  private static boolean isHidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}
