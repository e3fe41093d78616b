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
 */
public final class Publisher implements AutoCloseable {
  private final Path out;
  private final Path staging;
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private boolean committed;

  private Publisher(Path out, Path staging) {
    this.out = out;
    this.staging = staging;
  }

  /** Starts a build into {@code out}: a staging folder is created beside it. */
  public static Publisher begin(Path out) throws IOException {
    Path abs = out.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    Path staging = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".building-");
    return new Publisher(abs, staging);
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
      Files.write(target, content);
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
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      bytes.addAndGet(Files.size(target));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + path, e);
    }
    files.incrementAndGet();
  }

  public long filesWritten() {
    return files.get();
  }

  public long bytesWritten() {
    return bytes.get();
  }

  /** Swaps the staging folder in as the output; the previous output is removed. */
  public void commit() throws IOException {
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
    if (!committed) {
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
