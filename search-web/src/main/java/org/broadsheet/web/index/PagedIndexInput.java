package org.broadsheet.web.index;

import java.io.EOFException;
import java.io.IOException;
import org.apache.lucene.store.IndexInput;

/**
 * An unbuffered view of [offset, offset + length) of one index file held by a {@link PageStore}.
 */
final class PagedIndexInput extends IndexInput {
  private final PageStore store;
  private final PageStore.IndexFile file;
  private final long offset;
  private final long length;
  private long pos;

  PagedIndexInput(
      String description, PageStore store, PageStore.IndexFile file, long offset, long length) {
    super(description);
    this.store = store;
    this.file = file;
    this.offset = offset;
    this.length = length;
  }

  @Override
  public byte readByte() throws IOException {
    if (pos >= length) {
      throw new EOFException("read past EOF: " + this);
    }
    long at = offset + pos;
    byte[] page = store.pageAt(file, at);
    byte b;
    if (page != null) {
      b = page[(int) (at % store.pageSize())];
    } else {
      byte[] one = new byte[1];
      store.read(file, at, one, 0, 1);
      b = one[0];
    }
    pos++;
    return b;
  }

  @Override
  public void readBytes(byte[] b, int off, int len) throws IOException {
    if (len > length - pos) {
      throw new EOFException("read past EOF: " + this);
    }
    store.read(file, offset + pos, b, off, len);
    pos += len;
  }

  @Override
  public long getFilePointer() {
    return pos;
  }

  @Override
  public void seek(long to) throws IOException {
    if (to < 0 || to > length) {
      throw new EOFException("seek past EOF: " + to + " in " + this);
    }
    pos = to;
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public IndexInput slice(String description, long off, long len) throws IOException {
    if (off < 0 || len < 0 || off + len > length) {
      throw new IllegalArgumentException("slice out of bounds: " + description);
    }
    return new PagedIndexInput(description, store, file, offset + off, len);
  }

  @Override
  public PagedIndexInput clone() {
    PagedIndexInput copy = new PagedIndexInput(toString(), store, file, offset, length);
    copy.pos = pos;
    return copy;
  }

  @Override
  public void close() {}
}
