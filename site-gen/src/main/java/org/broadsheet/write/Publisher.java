package org.broadsheet.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * The only code that writes into the output folder. A build writes into a fresh staging folder
 * beside the output and {@link #commit() swaps} it in at the end, so a failed build never leaves a
 * half-written site, and files of earlier builds that no longer belong are gone.
 *
 * <p>Every build's site carries {@link OutputGuard#MARKER}, so a later build knows the folder is
 * one it may replace. While a build runs, a JVM shutdown hook deletes its staging folder if the
 * process is stopped (SIGTERM, Ctrl-C); folders left by a killed build are removed by the next
 * build of the same output (see {@link StagingFolders}). Once closed, the publisher refuses writes,
 * so a straggling worker cannot recreate a staging folder that was deleted.
 *
 * <p>The preview's incremental rebuilds use {@link #inPlace}: they write a few files straight into
 * the served folder, each replaced atomically, so a reader sees the old file or the new one, never
 * half of one.
 */
public final class Publisher implements AutoCloseable {
  /** How long a stop waits for the build to give up before deleting its staging folder anyway. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final Path out;
  private final Path staging;
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final boolean inPlace;

  /** Writes hold the read lock; commit, close and the shutdown hook hold the write lock. */
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  private final Thread shutdownHook;

  /**
   * The thread that began the build; a stop interrupts it and waits for it to close this publisher
   * (so the index writer and its merges have let go of the staging folder before it is deleted).
   */
  private final Thread owner = Thread.currentThread();

  private final CountDownLatch finished = new CountDownLatch(1);
  private boolean committed;
  private boolean closed;

  /** The previous output's removal, begun by {@link #commit()} and awaited by {@link #close()}. */
  private TreeRemoval removal;

  /**
   * Names this build in the output's marker, so that the next build knows its cache describes it.
   */
  private final String buildId = java.util.UUID.randomUUID().toString();

  private Publisher(Path out, Path staging, boolean inPlace) {
    this.out = out;
    this.staging = staging;
    this.inPlace = inPlace;
    this.shutdownHook = inPlace ? null : new Thread(this::abandon, "broadsheet-staging-cleanup");
  }

  /**
   * Starts a build into {@code out}: stale staging folders of earlier, killed builds are removed,
   * and a staging folder holding the marker is created beside the output. Check {@code out} with
   * {@link OutputGuard} first.
   */
  public static Publisher begin(Path out) throws IOException {
    Path abs = out.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    StagingFolders.removeStale(abs);
    Path staging = Files.createTempDirectory(abs.getParent(), StagingFolders.buildingPrefix(abs));
    Publisher publisher = new Publisher(abs, staging, false);
    try {
      readableByAll(staging);
      Files.writeString(
          staging.resolve(OutputGuard.MARKER), publisher.marker(), StandardCharsets.UTF_8);
      readableByAll(staging.resolve(OutputGuard.MARKER));
      publisher.files.incrementAndGet(); // the summary counts every file on disk, this one too
      publisher.bytes.addAndGet(Files.size(staging.resolve(OutputGuard.MARKER)));
      Runtime.getRuntime().addShutdownHook(publisher.shutdownHook);
    } catch (IOException | RuntimeException e) {
      StagingFolders.deleteTree(staging);
      throw e;
    }
    return publisher;
  }

  private String marker() {
    String version =
        Optional.ofNullable(Publisher.class.getPackage().getImplementationVersion()).orElse("dev");
    return "Broadsheet "
        + version
        + " built this site.\n"
        + "The next 'broadsheet build' into this folder replaces it as a whole: keep no other files here.\n"
        + BUILD
        + buildId
        + "\n";
  }

  private static final String BUILD = "build ";

  /** This build's id, written into the output's marker. */
  public String buildId() {
    return buildId;
  }

  /** The id of the build that wrote the site in {@code out}, from its marker, if any. */
  public static Optional<String> buildOf(Path out) {
    try {
      return Files.readAllLines(out.resolve(OutputGuard.MARKER), StandardCharsets.UTF_8).stream()
          .filter(line -> line.startsWith(BUILD))
          .map(line -> line.substring(BUILD.length()))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Updates the built site in {@code out} file by file; {@link #commit()} has nothing left to do.
   */
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
    lock.readLock().lock();
    try {
      put(path, file -> Files.write(file, content));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    } finally {
      lock.readLock().unlock();
    }
    files.incrementAndGet();
    bytes.addAndGet(content.length);
  }

  /** Copies one file to a site-relative path. */
  public void copy(Path source, String path) {
    lock.readLock().lock();
    try {
      Path target =
          put(path, file -> Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING));
      bytes.addAndGet(Files.size(target));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + path, e);
    } finally {
      lock.readLock().unlock();
    }
    files.incrementAndGet();
  }

  /** Fills a file with what is published: writes or copies into the path it is given. */
  @FunctionalInterface
  private interface Fill {
    void into(Path file) throws IOException;
  }

  /**
   * Puts one file at a site-relative path and returns where: into the staging folder, or, in place,
   * into a temporary file renamed over the old one, so that the preview never serves half a file.
   * The caller holds the read lock.
   */
  private Path put(String path, Fill fill) throws IOException {
    Path target = open(path);
    Files.createDirectories(target.getParent());
    if (inPlace) {
      Path temp = Files.createTempFile(target.getParent(), ".publish-", ".tmp");
      fill.into(temp);
      readableByAll(temp); // created private, as a temporary file is
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } else {
      fill.into(target);
    }
    return target;
  }

  /**
   * Publishes a file of the previous build unchanged: a hard link to it (a copy where links are not
   * possible). Returns false, writing nothing, when that file is gone.
   */
  public boolean keep(Path previous, String path) {
    lock.readLock().lock();
    try {
      if (!Files.isRegularFile(previous, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      Path target = open(path);
      Files.createDirectories(target.getParent());
      try {
        Files.createLink(target, previous);
      } catch (UnsupportedOperationException | IOException e) {
        Files.copy(previous, target, StandardCopyOption.REPLACE_EXISTING);
      }
      bytes.addAndGet(Files.size(target));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep " + path + " of the previous build", e);
    } finally {
      lock.readLock().unlock();
    }
    files.incrementAndGet();
    return true;
  }

  /**
   * Counts the files under {@code dir} (site-relative) that a writer needing a folder of its own
   * wrote into {@link #staging()} (the Lucene index, its browser pages, the search runtime), so the
   * build's summary tells every file it published.
   */
  public void adopt(String dir) {
    Path root = resolve(dir);
    try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .forEach(
              p -> {
                files.incrementAndGet();
                try {
                  bytes.addAndGet(Files.size(p));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot count the files in " + dir, e);
    }
  }

  /**
   * Removes a file (in-place updates only: a fresh build simply never writes it), and its folder if
   * left empty.
   */
  public void delete(String path) {
    lock.readLock().lock();
    try {
      Path target = open(path);
      Files.deleteIfExists(target);
      Path folder = target.getParent();
      while (folder != null && !folder.equals(staging) && isEmptyFolder(folder)) {
        Files.delete(folder);
        folder = folder.getParent();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    } finally {
      lock.readLock().unlock();
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

  /**
   * Swaps the staging folder in as the output. The previous output is removed in the background
   * meanwhile; {@link #close()} waits until it is gone.
   */
  public void commit() throws IOException {
    if (inPlace) {
      committed = true;
      return;
    }
    Path old = null;
    lock.writeLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the build was stopped; nothing to commit");
      }
      // Both moves under the lock, so the shutdown hook never sees the output moved aside.
      if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
        old = StagingFolders.oldName(out);
        Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
      committed = true;
    } finally {
      lock.writeLock().unlock();
    }
    if (old != null) {
      removal = TreeRemoval.start(old);
    }
  }

  /**
   * Without a commit, the staging folder is deleted and the previous output stays as it was. From
   * now on writes are refused. Callers stop their workers first (see {@code Progress}).
   */
  @Override
  public void close() throws IOException {
    lock.writeLock().lock();
    try {
      closed = true;
      if (!committed && !inPlace) {
        StagingFolders.deleteTree(staging);
      }
    } finally {
      lock.writeLock().unlock();
    }
    try {
      if (removal != null) {
        removal.finish();
      }
    } finally {
      finished.countDown();
      if (shutdownHook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or has run; it deletes only this build's staging folder
        }
      }
    }
  }

  /**
   * The shutdown hook: the process is being stopped mid-build. Worker threads still run while hooks
   * do, and the Lucene index is written outside the publisher, so the folder is deleted again until
   * it has stayed gone for a few checks (at most about two seconds).
   */
  private void abandon() {
    if (owner != Thread.currentThread() && owner.isAlive()) {
      owner.interrupt();
      try {
        if (finished.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          return; // the build stopped and deleted its staging folder itself
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lock.writeLock().lock();
    try {
      closed = true;
      for (int attempt = 0, gone = 0; !committed && attempt < 100 && gone < 3; attempt++) {
        if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
          gone = 0;
          try {
            StagingFolders.deleteTree(staging);
          } catch (IOException | RuntimeException e) {
            // something was still writing into it; the next round deletes that too
          }
        } else {
          gone++;
        }
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The target of a write; refused once the publisher is closed. Called under the read lock. */
  private Path open(String path) {
    if (closed) {
      throw new IllegalStateException("the build was stopped; " + path + " not written");
    }
    return resolve(path);
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
   * servers running as other users, so it gets the usual 0755/0644 where the file system has POSIX
   * modes.
   */
  public static void readableByAll(Path path) throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(
          path,
          java.nio.file.attribute.PosixFilePermissions.fromString(
              Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
    }
  }

  /** Deletes a folder and everything in it; symbolic links are removed, never followed. */
  public static void deleteTree(Path dir) throws IOException {
    StagingFolders.deleteTree(dir);
  }
}
