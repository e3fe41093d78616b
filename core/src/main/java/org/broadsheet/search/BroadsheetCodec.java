package org.broadsheet.search;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;

/**
 * The shipped index's codec: Lucene 9.12's default, except that stored fields are compressed in
 * small chunks (2 KB, at most 4 documents) instead of 80 KB ones. A browser showing ten hits then
 * downloads about a page per hit (it loads a hit's chunk up to the hit, see search-web's
 * PrefetchingReader). Measured with bench/browser-bytes.sh (10,000 Reuters stories, 60 queries,
 * later-query bytes median / worst, total index): 4 KB / 8 docs 25.0 / 59.2 KB, 9.46 MB; 2 KB / 4
 * docs 22.4 / 49.0 KB, 9.87 MB; 1 KB / 2 docs 18.6 / 50.2 KB, 10.5 MB (and its stored-fields index
 * no longer fits the open bundle). Registered under {@link #NAME} through {@code
 * META-INF/services/org.apache.lucene.codecs.Codec}, so every reader (JVM and browser) finds it.
 */
public final class BroadsheetCodec extends FilterCodec {
  public static final String NAME = "Broadsheet912";
  static final int CHUNK_BYTES = 2048;
  static final int CHUNK_DOCS = 4;

  private final StoredFieldsFormat storedFields =
      new Lucene90CompressingStoredFieldsFormat(
          "BroadsheetStoredFields", CompressionMode.FAST, CHUNK_BYTES, CHUNK_DOCS, 10);

  public BroadsheetCodec() {
    super(NAME, new Lucene912Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
