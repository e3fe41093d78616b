package org.broadsheet.serve;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Reads a zip's central directory, the list of entries at its end, as the JDK's zip file system
 * finds it (the last end record; the directory right before it). Only the fields the archive check
 * needs; entry data is never read here. All numbers are little-endian.
 *
 * <pre>
 * end of central directory (in the last 22 + 65,535 bytes)   ZIP64 end record (when a field is full)
 *   0 u32 0x06054b50                                          0 u32 0x06064b50
 *  10 u16 entries                                            32 u64 entries
 *  12 u32 directory size                                     40 u64 directory size
 *  16 u32 directory offset                                   48 u64 directory offset
 *  20 u16 comment length                                   ZIP64 locator: the 20 bytes before the end record
 *                                                             0 u32 0x07064b50, 8 u64 offset of the end record
 * central directory header, one per entry
 *   0 u32 0x02014b50       4 u16 made by (high byte: host, 3 = Unix)   10 u16 method (0 stored, 8 deflated)
 *  20 u32 compressed size 24 u32 inflated size   28 u16 name length n   30 u16 extra length e
 *  32 u16 comment length c                       38 u32 external attributes (high 16 bits: Unix mode)
 *  46 name[n] extra[e] comment[c]                extra 0x0001 (ZIP64): u64 inflated, u64 compressed,
 *                                                each present only when its 32-bit field is 0xFFFFFFFF
 * </pre>
 */
final class CentralDirectory {
  private static final int END = 0x06054b50;
  private static final int END64 = 0x06064b50;
  private static final int LOCATOR64 = 0x07064b50;
  private static final int HEADER = 0x02014b50;
  private static final int END_SIZE = 22;
  private static final int HEADER_SIZE = 46;
  private static final long FULL32 = 0xFFFFFFFFL;

  /** One entry as the directory declares it; {@code name} as stored, never normalised. */
  record Entry(String name, int method, long compressedSize, long size, long externalAttributes) {
    boolean isSymlink() {
      return ((externalAttributes >>> 16) & 0xF000) == 0xA000; // S_IFLNK, whichever host wrote it
    }
  }

  private CentralDirectory() {}

  /** Calls {@code each} for every entry, in directory order. */
  static void read(Path zip, Consumer<Entry> each) throws IOException {
    try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
      long[] directory = locate(channel);
      InputStream in =
          new BufferedInputStream(Channels.newInputStream(channel.position(directory[0])), 1 << 16);
      long remaining = directory[1];
      for (long i = 0; i < directory[2]; i++) {
        ByteBuffer header = le(readFully(in, HEADER_SIZE));
        if (header.getInt(0) != HEADER) {
          throw new IOException("corrupt central directory: entry " + (i + 1) + " has no header");
        }
        int nameLength = header.getShort(28) & 0xFFFF;
        int extraLength = header.getShort(30) & 0xFFFF;
        int commentLength = header.getShort(32) & 0xFFFF;
        remaining -= HEADER_SIZE + nameLength + extraLength + commentLength;
        if (remaining < 0) {
          throw new IOException(
              "corrupt central directory: entry " + (i + 1) + " runs past its end");
        }
        String name = new String(readFully(in, nameLength), StandardCharsets.UTF_8);
        ByteBuffer extra = le(readFully(in, extraLength));
        in.skipNBytes(commentLength);
        long compressed = header.getInt(20) & FULL32;
        long size = header.getInt(24) & FULL32;
        long[] sizes = zip64Sizes(extra, size, compressed);
        each.accept(
            new Entry(
                name,
                header.getShort(10) & 0xFFFF,
                sizes[1],
                sizes[0],
                header.getInt(38) & FULL32));
      }
    }
  }

  /** {position, size, entries} of the directory. */
  private static long[] locate(FileChannel channel) throws IOException {
    long length = channel.size();
    int tail = (int) Math.min(length, END_SIZE + 0xFFFF);
    ByteBuffer buffer = le(readAt(channel, length - tail, tail));
    for (int at = tail - END_SIZE; at >= 0; at--) {
      if (buffer.getInt(at) != END) {
        continue;
      }
      long endPosition = length - tail + at;
      long size = buffer.getInt(at + 12) & FULL32;
      long entries = buffer.getShort(at + 10) & 0xFFFF;
      if (endPosition >= 20
          && (size == FULL32 || entries == 0xFFFF || (buffer.getInt(at + 16) & FULL32) == FULL32)) {
        ByteBuffer locator = le(readAt(channel, endPosition - 20, 20));
        if (locator.getInt(0) == LOCATOR64) {
          long end64 = locator.getLong(8);
          ByteBuffer record = le(readAt(channel, end64, 56));
          if (record.getInt(0) != END64) {
            throw new IOException("corrupt ZIP64 end record");
          }
          return bounded(end64 - record.getLong(40), record.getLong(40), record.getLong(32), end64);
        }
      }
      return bounded(endPosition - size, size, entries, endPosition);
    }
    throw new IOException("not a zip archive (no end of central directory)");
  }

  private static long[] bounded(long position, long size, long entries, long end)
      throws IOException {
    if (position < 0 || size < 0 || entries < 0 || position + size > end) {
      throw new IOException(
          "corrupt central directory (size " + size + " before offset " + end + ")");
    }
    return new long[] {position, size, entries};
  }

  /** {inflated, compressed}: the 32-bit values, or their ZIP64 extra field where they are full. */
  private static long[] zip64Sizes(ByteBuffer extra, long size, long compressed) {
    long[] sizes = {size, compressed};
    for (int at = 0; at + 4 <= extra.limit(); ) {
      int id = extra.getShort(at) & 0xFFFF;
      int length = extra.getShort(at + 2) & 0xFFFF;
      int field = at + 4;
      if (id == 0x0001) {
        for (int i = 0; i < 2 && field + 8 <= Math.min(extra.limit(), at + 4 + length); i++) {
          if (sizes[i] == FULL32) {
            sizes[i] = extra.getLong(field);
            field += 8;
          }
        }
      }
      at += 4 + length;
    }
    return sizes;
  }

  private static byte[] readFully(InputStream in, int n) throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length != n) {
      throw new EOFException("corrupt central directory: the file ends inside it");
    }
    return bytes;
  }

  private static byte[] readAt(FileChannel channel, long position, int n) throws IOException {
    if (position < 0 || position + n > channel.size()) {
      throw new IOException("corrupt zip: offset " + position + " lies outside the file");
    }
    ByteBuffer buffer = ByteBuffer.allocate(n);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("corrupt zip: the file ends at " + (position + buffer.position()));
      }
    }
    return buffer.array();
  }

  private static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }
}
