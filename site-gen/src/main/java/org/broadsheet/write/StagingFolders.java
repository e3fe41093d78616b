package org.broadsheet.write;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folders a build keeps beside its output {@code OUT}: {@code .OUT.building-PID-N} (the staging
 * folder being written) and {@code .OUT.old-PID-N} (the previous output, moved aside at commit and
 * then deleted). PID is the building process, so a later build can tell a folder left by a killed
 * build (its process is gone) from one a running build still writes. Older versions named them
 * {@code .OUT.building-N} and {@code .OUT.old-N}; those are always stale.
 */
final class StagingFolders {
  private StagingFolders() {}

  static String buildingPrefix(Path out) {
    return "." + out.getFileName() + ".building-" + ProcessHandle.current().pid() + "-";
  }

  static Path oldName(Path out) {
    return out.resolveSibling(
        "."
            + out.getFileName()
            + ".old-"
            + ProcessHandle.current().pid()
            + "-"
            + System.nanoTime());
  }

  /**
   * Removes what killed builds of {@code out} left beside it: only real folders (never a symbolic
   * link) whose name is exactly one of the two patterns and whose process is gone. When the output
   * itself is missing (killed between the two moves of a commit), the newest previous output is
   * moved back first.
   */
  static void removeStale(Path out) throws IOException {
    List<Path> stale = stale(out);
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      Optional<Path> previous =
          stale.stream()
              .filter(p -> p.getFileName().toString().contains(".old-"))
              .max(Comparator.comparing(StagingFolders::modified));
      if (previous.isPresent()) {
        Files.move(previous.get(), out, StandardCopyOption.ATOMIC_MOVE);
        stale.remove(previous.get());
      }
    }
    for (Path p : stale) {
      deleteTree(p);
    }
  }

  private static List<Path> stale(Path out) throws IOException {
    Pattern pattern =
        Pattern.compile(
            "\\."
                + Pattern.quote(out.getFileName().toString())
                + "\\.(?:building|old)-(-?\\d+)(?:-(-?\\d+))?");
    List<Path> found = new ArrayList<>();
    Path parent = out.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return found;
    }
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path p : (Iterable<Path>) siblings::iterator) {
        Matcher m = pattern.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !ownerAlive(m)) {
          found.add(p);
        }
      }
    }
    return found;
  }

  /** With two numbers the first is the building process; a folder of a live one is still in use. */
  private static boolean ownerAlive(Matcher m) {
    if (m.group(2) == null) {
      return false;
    }
    try {
      return ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /**
   * Deletes a tree without ever following a symbolic link: a link is removed, never what it points
   * at, so nothing outside the tree is touched. A link given as the root is removed itself. Entries
   * that vanish meanwhile are fine.
   */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
