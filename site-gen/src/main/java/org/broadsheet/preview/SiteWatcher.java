package org.broadsheet.preview;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a site's sources: {@code content/}, {@code templates/} and {@code static/} recursively
 * (folders created later are watched too) and {@code site.yaml}. Changes are collected until the
 * files have been quiet for a moment, then handed over as one {@link Change}, so a burst of saves
 * (an editor's temp file, write and rename; a {@code git checkout}) makes one rebuild. The listener
 * runs on the watcher's thread; changes made meanwhile make the next batch.
 */
public final class SiteWatcher implements Closeable {
  /** The folders and files of a site that the preview rebuilds from. */
  public static final List<String> WATCHED_FOLDERS = List.of("content", "templates", "static");

  public static final String CONFIG = "site.yaml";
  private static final Duration MAX_DELAY = Duration.ofSeconds(2);

  /**
   * One batch of changes.
   *
   * @param paths changed, created or deleted files and folders, relative to the site folder
   * @param overflow events were lost: treat everything as changed
   */
  public record Change(Set<Path> paths, boolean overflow) {
    public Change {
      paths = Set.copyOf(paths);
    }
  }

  private final Path site;
  private final Duration quiet;
  private final Consumer<Change> listener;
  private final WatchService watch;
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private final Thread thread;

  public SiteWatcher(Path site, Duration quiet, Consumer<Change> listener) throws IOException {
    this.site = site.toAbsolutePath().normalize();
    this.quiet = quiet;
    this.listener = listener;
    this.watch = this.site.getFileSystem().newWatchService();
    register(this.site);
    for (String folder : WATCHED_FOLDERS) {
      registerTree(this.site.resolve(folder), null);
    }
    this.thread = new Thread(this::run, "broadsheet-watch");
    this.thread.setDaemon(true);
  }

  public SiteWatcher start() {
    thread.start();
    return this;
  }

  private void run() {
    Set<Path> pending = new LinkedHashSet<>();
    boolean overflow = false;
    long firstAt = 0;
    try {
      while (true) {
        WatchKey key =
            pending.isEmpty() && !overflow
                ? watch.take()
                : watch.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        if (key != null) {
          if (pending.isEmpty() && !overflow) {
            firstAt = System.nanoTime();
          }
          overflow |= collect(key, pending);
        }
        boolean settled = key == null || System.nanoTime() - firstAt > MAX_DELAY.toNanos();
        if (settled && (overflow || !pending.isEmpty())) {
          Change change = new Change(pending, overflow);
          pending.clear();
          overflow = false;
          listener.accept(change);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException stopped) {
      // closed
    }
  }

  /** Adds the key's events to {@code pending}; true when events were lost. */
  private boolean collect(WatchKey key, Set<Path> pending) {
    Path folder = folders.get(key);
    boolean overflow = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        overflow = true;
        continue;
      }
      Path path = folder.resolve((Path) event.context());
      if (ignored(path)) {
        continue;
      }
      Path relative = site.relativize(path);
      if (folder.equals(site) && !watchedAtTop(relative)) {
        continue;
      }
      pending.add(relative);
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
        registerTree(path, pending);
      }
    }
    if (!key.reset()) {
      folders.remove(key);
    }
    return overflow;
  }

  private static boolean watchedAtTop(Path relative) {
    String name = relative.toString();
    return name.equals(CONFIG) || WATCHED_FOLDERS.contains(name);
  }

  /** Editors' swap, backup and lock files. */
  private static boolean ignored(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith(".")
        || name.endsWith("~")
        || name.endsWith(".swp")
        || name.endsWith(".swx")
        || name.equals("4913");
  }

  /** Watches a folder and every folder below it; files already there count as created. */
  private void registerTree(Path root, Set<Path> created) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (Files.isDirectory(p)) {
          register(p);
        } else if (created != null && !ignored(p)) {
          created.add(site.relativize(p));
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // a folder removed while we walked it: its deletion is reported on its own
    }
  }

  private void register(Path folder) {
    try {
      folders.put(folder.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), folder);
    } catch (IOException e) {
      // removed before we could watch it
    }
  }

  @Override
  public void close() throws IOException {
    thread.interrupt();
    watch.close();
  }
}
