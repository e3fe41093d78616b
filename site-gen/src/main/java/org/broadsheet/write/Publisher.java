package org.broadsheet.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The only code that writes into the output folder. A build writes into a fresh staging folder
 * beside the output and {@link #commit() swaps} it in at the end, so a failed build never leaves a
 * half-written site, and files of earlier builds that no longer belong are gone.
 *
 * <p>The preview's incremental rebuilds use {@link #inPlace}: they write a few files straight into
 * the served folder, each replaced atomically, so a reader sees the old file or the new one, never
 * half of one.
 */
public final class Publisher implements AutoCloseable {
  private final Path out;
  private final Path staging;
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final boolean inPlace;
  private boolean committed;

  private Publisher(Path out, Path staging, boolean inPlace) {
    this.out = out;
    this.staging = staging;
    this.inPlace = inPlace;
  }

  /** Starts a build into {@code out}: a staging folder is created beside it. */
  public static Publisher begin(Path out) throws IOException {
    Path abs = out.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    Path staging = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".building-");
    readableByAll(staging);
    return new Publisher(abs, staging, false);
  }

  /** Updates the built site in {@code out} file by file; {@link #commit()} has nothing left to do. */
  public static Publisher inPlace(Path out) {
    Path abs = out.toAbsolutePath().normalize();
    return new Publisher(abs, abs, true);
  }

  /** Where the build writes; only for writers that need a folder (the Lucene index). */
  public Path staging() {
    return staging;
  }

  /** Writes one file at a site-relative path. Safe to call from many threads. */
  public void write(String path, byte[] content) {
    Path target = resolve(path);
    try {
      Files.createDirectories(target.getParent());
      if (inPlace) {
        Path temp = Files.createTempFile(target.getParent(), ".publish-", ".tmp");
        Files.write(temp, content);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.write(target, content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
    files.incrementAndGet();
    bytes.addAndGet(content.length);
  }

  /** Copies one file to a site-relative path. */
  public void copy(Path source, String path) {
    Path target = resolve(path);
    try {
      Files.createDirectories(target.getParent());
      if (inPlace) {
        Path temp = Files.createTempFile(target.getParent(), ".publish-", ".tmp");
        Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      }
      bytes.addAndGet(Files.size(target));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + path, e);
    }
    files.incrementAndGet();
  }

  /** Removes a file (in-place updates only: a fresh build simply never writes it), and its folder if left empty. */
  public void delete(String path) {
    Path target = resolve(path);
    try {
      Files.deleteIfExists(target);
      Path folder = target.getParent();
      while (folder != null && !folder.equals(staging) && isEmptyFolder(folder)) {
        Files.delete(folder);
        folder = folder.getParent();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }

  private static boolean isEmptyFolder(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  public long filesWritten() {
    return files.get();
  }

  public long bytesWritten() {
    return bytes.get();
  }

  /** Swaps the staging folder in as the output; the previous output is removed. */
  public void commit() throws IOException {
    if (inPlace) {
      committed = true;
      return;
    }
    Path old = null;
    if (Files.exists(out)) {
      old = out.resolveSibling("." + out.getFileName() + ".old-" + System.nanoTime());
      Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
    if (old != null) {
      deleteTree(old);
    }
  }

  /** Without a commit, the staging folder is deleted and the previous output stays as it was. */
  @Override
  public void close() throws IOException {
    if (!committed && !inPlace) {
      deleteTree(staging);
    }
  }

  private Path resolve(String path) {
    Path target = staging.resolve(path).normalize();
    if (!target.startsWith(staging) || path.startsWith("/")) {
      throw new IllegalArgumentException("output path escapes the site: " + path);
    }
    return target;
  }

  /**
   * Temporary folders and files are created private (0700/0600); a published site is read by web
   * servers running as other users, so it gets the usual 0755/0644 where the file system has POSIX modes.
   */
  public static void readableByAll(Path path) throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(
          Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
    }
  }

  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
