package org.broadsheet.search.pages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * A read-only view of an index directory that records every byte read, per file, as the browser's
 * unbuffered paged reader would read them. Used to find what opening the index touches.
 */
final class ReadTracer extends FilterDirectory {
  /** A piece of a file: its offset and bytes. */
  record Piece(long offset, byte[] bytes) {}

  private final Map<String, BitSet> read = new TreeMap<>();

  ReadTracer(Directory in) {
    super(in);
  }

  @Override
  public IndexInput openInput(String name, IOContext context) throws IOException {
    return new Traced(
        name, in.openInput(name, context), read.computeIfAbsent(name, n -> new BitSet()), 0);
  }

  /** The bytes read so far, as merged pieces per file. */
  Map<String, List<Piece>> pieces() throws IOException {
    Map<String, List<Piece>> out = new TreeMap<>();
    for (Map.Entry<String, BitSet> e : read.entrySet()) {
      BitSet bits = e.getValue();
      List<Piece> pieces = new ArrayList<>();
      try (IndexInput file = in.openInput(e.getKey(), IOContext.READONCE)) {
        for (int start = bits.nextSetBit(0); start >= 0; start = bits.nextSetBit(start)) {
          int end = bits.nextClearBit(start);
          byte[] bytes = new byte[end - start];
          file.seek(start);
          file.readBytes(bytes, 0, bytes.length);
          pieces.add(new Piece(start, bytes));
          start = end;
        }
      }
      if (!pieces.isEmpty()) {
        out.put(e.getKey(), pieces);
      }
    }
    return out;
  }

  private static final class Traced extends IndexInput {
    private final IndexInput in;
    private final BitSet read;
    private final long base;

    Traced(String name, IndexInput in, BitSet read, long base) {
      super(name);
      this.in = in;
      this.read = read;
      this.base = base;
    }

    @Override
    public byte readByte() throws IOException {
      long at = base + in.getFilePointer();
      byte b = in.readByte();
      read.set((int) at);
      return b;
    }

    @Override
    public void readBytes(byte[] b, int offset, int len) throws IOException {
      long at = base + in.getFilePointer();
      in.readBytes(b, offset, len);
      read.set((int) at, (int) (at + len));
    }

    @Override
    public long getFilePointer() {
      return in.getFilePointer();
    }

    @Override
    public void seek(long pos) throws IOException {
      in.seek(pos);
    }

    @Override
    public long length() {
      return in.length();
    }

    @Override
    public IndexInput slice(String description, long offset, long length) throws IOException {
      return new Traced(description, in.slice(description, offset, length), read, base + offset);
    }

    @Override
    public IndexInput clone() {
      return new Traced(toString(), in.clone(), read, base);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
