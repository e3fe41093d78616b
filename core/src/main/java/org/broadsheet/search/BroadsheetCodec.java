package org.broadsheet.search;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;

/**
 * The shipped index's codec: Lucene 9.12's default, except that stored fields are compressed in
 * small chunks (4 KB, at most 8 documents) instead of 80 KB ones. A browser reading the titles and
 * snippets of ten hits then downloads and decompresses ~10 small chunks, not ten 80 KB ones
 * (measured: bench/browser-bytes.sh). Registered under {@link #NAME} through
 * {@code META-INF/services/org.apache.lucene.codecs.Codec}, so every reader (JVM and browser) finds it.
 */
public final class BroadsheetCodec extends FilterCodec {
  public static final String NAME = "Broadsheet912";
  static final int CHUNK_BYTES = 4096;
  static final int CHUNK_DOCS = 8;

  private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
      "BroadsheetStoredFields", CompressionMode.FAST, CHUNK_BYTES, CHUNK_DOCS, 10);

  public BroadsheetCodec() {
    super(NAME, new Lucene912Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
