package org.broadsheet.search.pages;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code search/<hash>.open} (and for file:// {@code offline/<hash>.open.js}, see {@link
 * OfflineChunks}): the exact byte ranges that opening the index reads ({@code segments_N}, {@code
 * .si}, {@code .fnm}, the codec's metadata files, and the header and footer of every data file), so
 * that a browser opens the index with one small request instead of two pages per file; then the
 * postings map. The query bundle, {@code search/<hash>.query}, has the same format with whole files
 * and no postings map.
 *
 * <pre>
 * "BSOB" u8 version=2
 * repeat: u16 nameLength | name (UTF-8) | u32 fileOffset | u32 length | length bytes
 * u16 0 | the postings map (PostingsMapFile), to the end; nothing in a query bundle
 * </pre>
 *
 * All integers big-endian. Read by {@code org.broadsheet.web.index.OpenBundle} in the browser.
 */
final class OpenBundleFile {
  static final int VERSION = 2;

  private OpenBundleFile() {}

  /**
   * {@code ranges}: per file, the [offset, bytes] pieces to ship; {@code postingsMap}: its bytes
   * (none for a query bundle).
   */
  static byte[] encode(Map<String, List<ReadTracer.Piece>> ranges, byte[] postingsMap)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeBytes("BSOB");
    out.writeByte(VERSION);
    for (Map.Entry<String, List<ReadTracer.Piece>> file : ranges.entrySet()) {
      byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
      for (ReadTracer.Piece piece : file.getValue()) {
        out.writeShort(name.length);
        out.write(name);
        out.writeInt((int) piece.offset());
        out.writeInt(piece.bytes().length);
        out.write(piece.bytes());
      }
    }
    out.writeShort(0);
    out.write(postingsMap);
    out.flush();
    return bytes.toByteArray();
  }
}
