package org.broadsheet.build;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
 *
 * <p>A local build's store is a temporary file, deleted on close. A distributed build parses and
 * renders in different tasks, so each part's store is {@link #keep kept} in a folder of its own
 * ({@code bodies} and the places, {@code places}, written on close) and {@link #open opened} again
 * by the task that renders the part's pages.
 */
final class BodyStore implements AutoCloseable {
  /**
   * Where a body is in the file, and its word count (the page shows the reading time); or the body
   * itself ({@code html}, then nothing is in the file), while the bodies held stay within {@link
   * #HELD_CHARS}.
   */
  private record Place(long offset, int length, int words, String html) {}

  /**
   * Characters of bodies a temporary store holds in memory instead of the file: a fixed amount, so
   * the heap still grows only by summaries however large the archive, while a site of some thousand
   * stories writes and reads no file at all (10,000 Reuters stories: 10 million).
   */
  static final long HELD_CHARS = 32L << 20;

  private static final String BODIES = "bodies";
  private static final String PLACES = "places";

  private final Path file;
  private final FileChannel channel;
  private final Map<String, Place> places;
  private final Path placesFile; // where a kept store's places go on close
  private final boolean temporary;
  private final long heldChars;
  private long end;
  private long held; // characters of bodies held in memory

  /**
   * A spill file in {@code dir} (beside the staging folder, never inside the site), deleted on
   * close.
   */
  BodyStore(Path dir) throws IOException {
    this(dir, HELD_CHARS);
  }

  /** The same, holding at most {@code heldChars} characters of bodies in memory. */
  BodyStore(Path dir, long heldChars) throws IOException {
    this(
        Files.createTempFile(dir, ".broadsheet-bodies-", ".tmp"),
        new ConcurrentHashMap<>(),
        null,
        true,
        heldChars,
        StandardOpenOption.READ,
        StandardOpenOption.WRITE,
        StandardOpenOption.DELETE_ON_CLOSE);
  }

  private BodyStore(
      Path file,
      Map<String, Place> places,
      Path placesFile,
      boolean temporary,
      long heldChars,
      StandardOpenOption... options)
      throws IOException {
    this.file = file;
    this.channel = FileChannel.open(file, options);
    this.places = places;
    this.placesFile = placesFile;
    this.temporary = temporary;
    this.heldChars = heldChars;
    this.end = channel.size();
  }

  /** A new store in the folder {@code dir} (made if missing), kept on close for {@link #open}. */
  static BodyStore keep(Path dir) throws IOException {
    Files.createDirectories(dir);
    return new BodyStore(
        dir.resolve(BODIES),
        new ConcurrentHashMap<>(),
        dir.resolve(PLACES),
        false,
        0, // read by another task: every body goes to the file
        StandardOpenOption.CREATE_NEW,
        StandardOpenOption.READ,
        StandardOpenOption.WRITE);
  }

  /** The store {@link #keep} left in {@code dir}, to read. */
  static BodyStore open(Path dir) throws IOException {
    Map<String, Place> places = new ConcurrentHashMap<>();
    try (DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(Files.newInputStream(dir.resolve(PLACES)), 1 << 16))) {
      for (int n = in.readInt(); n > 0; n--) {
        places.put(in.readUTF(), new Place(in.readLong(), in.readInt(), in.readInt(), null));
      }
    }
    return new BodyStore(dir.resolve(BODIES), places, null, false, 0, StandardOpenOption.READ);
  }

  /** Keeps the body of the article parsed from {@code sourcePath}. */
  void put(String sourcePath, Body body) {
    synchronized (this) {
      if (held + body.html().length() <= heldChars) {
        held += body.html().length();
        places.put(sourcePath, new Place(-1, 0, body.wordCount(), body.html()));
        return;
      }
    }
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
    places.put(sourcePath, new Place(offset, html.length, body.wordCount(), null));
  }

  /** Bytes of bodies in the file. */
  synchronized long bytesInFile() {
    return end;
  }

  /** The body kept for {@code sourcePath} (its HTML and word count), if the parse kept one. */
  Optional<PageBody> get(String sourcePath) {
    Place place = places.get(sourcePath);
    if (place == null) {
      return Optional.empty();
    }
    if (place.html() != null) {
      return Optional.of(new PageBody(place.html(), place.words()));
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

  /** Closes the file; a kept store writes its places, a temporary one is deleted. */
  @Override
  public void close() throws IOException {
    channel.close();
    if (placesFile != null) {
      try (DataOutputStream out =
          new DataOutputStream(
              new BufferedOutputStream(Files.newOutputStream(placesFile), 1 << 16))) {
        out.writeInt(places.size());
        for (Map.Entry<String, Place> e : places.entrySet()) {
          out.writeUTF(e.getKey());
          out.writeLong(e.getValue().offset());
          out.writeInt(e.getValue().length());
          out.writeInt(e.getValue().words());
        }
      }
    } else if (temporary) {
      Files.deleteIfExists(file);
    }
  }
}
