package org.broadsheet.serve;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.broadsheet.search.ArchiveSearch;
import org.broadsheet.search.IndexFormatException;
import org.broadsheet.search.IndexInfo;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResults;

/**
 * The site's Lucene index ({@code search/lucene/}) as the server reads it, searched with the
 * analyzer the index records ({@link IndexInfo}). On disk it is opened in place and {@link #reload
 * reloaded} after each rebuild; inside a zip its files (a few megabytes even for large archives)
 * are copied into memory once. Searches in flight keep the reader they started with. An index of
 * another format is not searched: every search throws its {@link IndexFormatException} (the site is
 * still served).
 */
public final class SearchIndex implements Closeable {
  private final Path dir;
  private final AtomicReference<Snapshot> current = new AtomicReference<>();

  /** An open index and its search, or (reader null) why the index there cannot be searched. */
  private record Snapshot(
      Directory directory, DirectoryReader reader, ArchiveSearch search, String refused) {}

  private SearchIndex(Path dir) {
    this.dir = dir;
  }

  /**
   * Opens the index in {@code dir}; with no index there yet, searches find nothing until a reload.
   */
  public static SearchIndex open(Path dir) throws IOException {
    SearchIndex index = new SearchIndex(dir);
    index.reload();
    return index;
  }

  /** Switches to the index as it is now on disk. */
  public void reload() throws IOException {
    Snapshot next = null;
    if (Files.isDirectory(dir)) {
      Directory directory =
          dir.getFileSystem() == FileSystems.getDefault()
              ? FSDirectory.open(dir)
              : copyToMemory(dir);
      if (DirectoryReader.indexExists(directory)) {
        next = snapshot(directory, DirectoryReader.open(directory));
      } else {
        directory.close();
      }
    }
    release(current.getAndSet(next));
  }

  /**
   * Switches to {@code reader} (a near-real-time reader of the live index), which this index now
   * owns.
   */
  public void use(DirectoryReader reader) throws IOException {
    release(current.getAndSet(snapshot(null, reader)));
  }

  /**
   * The reader and its search, or the reason it is refused (then the reader and directory are
   * closed).
   */
  private static Snapshot snapshot(Directory directory, DirectoryReader reader) throws IOException {
    try {
      return new Snapshot(
          directory, reader, new ArchiveSearch(reader, IndexInfo.read(reader)), null);
    } catch (IndexFormatException e) {
      reader.decRef();
      if (directory != null && reader.getRefCount() == 0) {
        directory.close();
      }
      return new Snapshot(null, null, null, e.getMessage());
    }
  }

  /**
   * @throws IndexFormatException when the index is of another format
   */
  public SearchResults search(SearchRequest request) throws IOException {
    while (true) {
      Snapshot snapshot = current.get();
      if (snapshot == null) {
        return new SearchResults(0, List.of(), List.of());
      }
      if (snapshot.refused() != null) {
        throw new IndexFormatException(snapshot.refused());
      }
      if (snapshot.reader().tryIncRef()) {
        try {
          return snapshot.search().search(request);
        } finally {
          snapshot.reader().decRef();
        }
      }
    }
  }

  /**
   * Copies an index inside a zip into memory, each file cut off at its declared size and all of
   * them at {@link ServeLimits#maxEntryBytes()} together: a zip's index cannot make the server hold
   * more than that.
   */
  private static Directory copyToMemory(Path dir) throws IOException {
    ServeLimits limits = ServeLimits.DEFAULTS;
    ByteBuffersDirectory memory = new ByteBuffersDirectory();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (!Files.isRegularFile(file)) {
          continue;
        }
        String name = file.getFileName().toString().replace("/", "");
        try (InputStream in = InflatedEntry.open(file, limits);
            IndexOutput out = memory.createOutput(name, IOContext.DEFAULT)) {
          for (int n; (n = in.read(buffer)) > 0; total += n) {
            if (total + n > limits.maxEntryBytes()) {
              throw new IOException(
                  "the search index in the zip is larger than "
                      + limits.maxEntryBytes()
                      + " bytes");
            }
            out.writeBytes(buffer, 0, n);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      memory.close();
      throw e;
    }
    return memory;
  }

  private static void release(Snapshot snapshot) throws IOException {
    if (snapshot != null && snapshot.reader() != null) {
      snapshot.reader().decRef();
      if (snapshot.reader().getRefCount() == 0 && snapshot.directory() != null) {
        snapshot.directory().close();
      }
    }
  }

  @Override
  public void close() throws IOException {
    release(current.getAndSet(null));
  }
}
