package org.apache.lucene.codecs.lucene912;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Random;
import org.apache.lucene.internal.vectorization.BrowserVectorization;
import org.apache.lucene.internal.vectorization.PostingDecodingUtil;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.broadsheet.web.jdk.PackedBlocks;
import org.junit.jupiter.api.Test;

/**
 * The runtime's one-loop block decoder ({@link PackedBlocks}) reads every bit width Lucene 9.12's
 * writer produces as Lucene's own unrolled decoders do: blocks written by {@code ForUtil.encode}
 * and {@code ForDeltaUtil.encodeDeltas}, random and extreme values, each read back both ways from
 * the same bytes, ending at the same file position. (In Lucene's package to reach its writers.)
 */
class PackedBlocksTest {
  private static final int BLOCKS = 40;

  @Test
  void everyWidthDecodesAsLuceneDecodesIt() throws IOException {
    Random random = new Random(912);
    for (int bits = 1; bits <= 31; bits++) {
      long[][] blocks = blocks(random, bits, Long.MAX_VALUE);
      try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
        try (IndexOutput out = dir.createOutput("for", IOContext.DEFAULT)) {
          ForUtil forUtil = new ForUtil();
          for (long[] block : blocks) {
            forUtil.encode(block.clone(), bits, out);
          }
        }
        long[] lucene = new long[ForUtil.BLOCK_SIZE];
        long[] ours = new long[ForUtil.BLOCK_SIZE];
        try (IndexInput a = dir.openInput("for", IOContext.DEFAULT);
            IndexInput b = dir.openInput("for", IOContext.DEFAULT)) {
          PostingDecodingUtil pa = pdu(a);
          PostingDecodingUtil pb = pdu(b);
          ForUtil forUtil = new ForUtil();
          for (long[] block : blocks) {
            forUtil.decode(bits, pa, lucene);
            PackedBlocks.decode(forUtil, bits, pb, ours);
            assertArrayEquals(block, lucene, "Lucene's own decoder, " + bits + " bits");
            assertArrayEquals(lucene, ours, bits + " bits");
            assertEquals(a.getFilePointer(), b.getFilePointer());
          }
        }
      }
    }
  }

  @Test
  void everyWidthOfDeltasSumsAsLuceneSumsThem() throws IOException {
    Random random = new Random(1912);
    for (int bits = 1; bits <= 31; bits++) {
      long[][] blocks = blocks(random, bits, Integer.MAX_VALUE);
      try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
        try (IndexOutput out = dir.createOutput("delta", IOContext.DEFAULT)) {
          ForDeltaUtil forDeltaUtil = new ForDeltaUtil();
          for (long[] block : blocks) {
            forDeltaUtil.encodeDeltas(block.clone(), out);
          }
        }
        long[] lucene = new long[ForUtil.BLOCK_SIZE];
        long[] ours = new long[ForUtil.BLOCK_SIZE];
        try (IndexInput a = dir.openInput("delta", IOContext.DEFAULT);
            IndexInput b = dir.openInput("delta", IOContext.DEFAULT)) {
          PostingDecodingUtil pa = pdu(a);
          PostingDecodingUtil pb = pdu(b);
          ForDeltaUtil forDeltaUtil = new ForDeltaUtil();
          for (long[] block : blocks) {
            long sum = 0;
            for (long delta : block) {
              sum += delta;
            }
            long base = random.nextLong(Integer.MAX_VALUE - sum + 1);
            int token = Byte.toUnsignedInt(a.readByte());
            assertEquals(token, Byte.toUnsignedInt(b.readByte()));
            assertEquals(bits, token, "the writer chose the width");
            forDeltaUtil.decodeAndPrefixSum(token, pa, base, lucene);
            PackedBlocks.decodeAndPrefixSum(forDeltaUtil, token, pb, base, ours);
            assertEquals(base + block[0], lucene[0]);
            assertArrayEquals(lucene, ours, bits + " bits");
            assertEquals(base + sum, ours[ForUtil.BLOCK_SIZE - 1]);
            assertEquals(a.getFilePointer(), b.getFilePointer());
          }
        }
      }
    }
  }

  /**
   * Blocks whose widest value has exactly {@code bits} bits: all but one largest, one largest,
   * every other largest, random; with {@code total} set, no block's values add up to more (doc ids
   * are below 2^31, and Lucene sums deltas in lanes that hold no more).
   */
  private static long[][] blocks(Random random, int bits, long total) {
    long max = (1L << bits) - 1;
    long small = Math.min(max, (total - max) / ForUtil.BLOCK_SIZE);
    long[][] blocks = new long[BLOCKS][ForUtil.BLOCK_SIZE];
    for (int n = 0; n < BLOCKS; n++) {
      long[] block = blocks[n];
      for (int i = 0; i < block.length; i++) {
        long most = n < 3 && max * ForUtil.BLOCK_SIZE <= total ? max : small;
        block[i] =
            switch (n) {
              case 0 -> i == 5 ? 0 : most;
              case 1 -> i == 77 ? most : 0;
              case 2 -> i % 2 == 0 ? most : 0;
              default -> random.nextLong(small + 1);
            };
      }
      block[random.nextInt(block.length)] = max; // the width is exactly bits
    }
    return blocks;
  }

  /** The scalar decoding the runtime uses (Lucene refuses its provider to other callers). */
  private static PostingDecodingUtil pdu(IndexInput in) throws IOException {
    return BrowserVectorization.provider().newPostingDecodingUtil(in);
  }
}
