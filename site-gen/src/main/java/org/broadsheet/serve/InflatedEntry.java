package org.broadsheet.serve;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A zip entry's content as it is served: streamed, never held whole, and cut off at the size its
 * directory entry declares. The zip file system inflates as long as the compressed bytes last,
 * whatever the header says; this stream counts the bytes that really come out, and fails when there
 * are more than declared (a lying header) or fewer (a truncated entry).
 */
final class InflatedEntry extends FilterInputStream {
  private final String name;
  private final long declared;
  private long read;

  private InflatedEntry(InputStream in, String name, long declared) {
    super(in);
    this.name = name;
    this.declared = declared;
  }

  /** Opens an entry of a mounted zip, after checking its declared sizes against the limits. */
  static InputStream open(Path entry, ServeLimits limits) throws IOException {
    Map<String, Object> attributes = Files.readAttributes(entry, "zip:size,compressedSize");
    long size = ((Number) attributes.get("size")).longValue();
    long compressed = ((Number) attributes.get("compressedSize")).longValue();
    Optional<String> refusal = limits.refusal(size, compressed);
    if (refusal.isPresent()) {
      throw new IOException("zip entry " + entry + " " + refusal.get());
    }
    return new InflatedEntry(Files.newInputStream(entry), entry.toString(), size);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (read == declared) {
      if (in.read() >= 0) {
        throw new IOException(
            "zip entry " + name + " inflates past its declared " + declared + " bytes");
      }
      return -1;
    }
    int n = in.read(buffer, offset, (int) Math.min(length, declared - read));
    if (n < 0) {
      throw new IOException(
          "zip entry " + name + " ends after " + read + " of its declared " + declared + " bytes");
    }
    read += n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(Math.min(n, declared - read));
    read += skipped;
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(in.available(), declared - read);
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
