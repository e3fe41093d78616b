package org.broadsheet.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.broadsheet.content.Body;
import org.broadsheet.route.PageBody;

/**
 * Article bodies between the parse and the article pages, on disk: the parse appends each body's
 * HTML to one spill file and keeps only its place and word count, so the heap holds summaries, not
 * texts, however large the archive, and no file is parsed twice. Safe for many threads.
 */
final class BodyStore implements AutoCloseable {
  /** Where a body is in the file, and its word count (the page shows the reading time). */
  private record Place(long offset, int length, int words) {}

  private final Path file;
  private final FileChannel channel;
  private final Map<String, Place> places = new ConcurrentHashMap<>();
  private long end;

  /**
   * A spill file in {@code dir} (beside the staging folder, never inside the site), deleted on
   * close.
   */
  BodyStore(Path dir) throws IOException {
    this.file = Files.createTempFile(dir, ".broadsheet-bodies-", ".tmp");
    this.channel =
        FileChannel.open(
            file,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE,
            StandardOpenOption.DELETE_ON_CLOSE);
  }

  /** Keeps the body of the article parsed from {@code sourcePath}. */
  void put(String sourcePath, Body body) {
    byte[] html = body.html().getBytes(StandardCharsets.UTF_8);
    long offset;
    synchronized (this) {
      offset = end;
      end += html.length;
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(html);
      for (long at = offset; buffer.hasRemaining(); ) {
        at += channel.write(buffer, at);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the body of " + sourcePath + " in " + file, e);
    }
    places.put(sourcePath, new Place(offset, html.length, body.wordCount()));
  }

  /** The body kept for {@code sourcePath} (its HTML and word count), if the parse kept one. */
  Optional<PageBody> get(String sourcePath) {
    Place place = places.get(sourcePath);
    if (place == null) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.allocate(place.length());
    try {
      for (long at = place.offset(); buffer.hasRemaining(); ) {
        int read = channel.read(buffer, at);
        if (read < 0) {
          throw new IOException("the spill file ends early");
        }
        at += read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the body of " + sourcePath + " from " + file, e);
    }
    return Optional.of(
        new PageBody(new String(buffer.array(), StandardCharsets.UTF_8), place.words()));
  }

  @Override
  public void close() throws IOException {
    channel.close();
    Files.deleteIfExists(file);
  }
}
