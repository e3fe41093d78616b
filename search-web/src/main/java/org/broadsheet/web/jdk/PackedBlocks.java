package org.broadsheet.web.jdk;

import java.io.IOException;
import org.apache.lucene.codecs.lucene912.ForDeltaUtil;
import org.apache.lucene.codecs.lucene912.ForUtil;
import org.apache.lucene.internal.vectorization.PostingDecodingUtil;
import org.apache.lucene.store.IndexInput;

/**
 * Lucene 9.12's blocks of 128 postings values, decoded by one loop for every bit width: the browser
 * bodies of {@code ForUtil.decode} and {@code ForDeltaUtil.decodeAndPrefixSum(int, ...)}. Lucene
 * decodes each width with a function of its own, unrolled (about 17 KB of the English runtime's
 * code); the values are the same.
 *
 * <p>The format, as Lucene's writer lays it out: a block's 128 values go into lanes of {@code lane}
 * bits (8, 16 or 32; the smallest that holds the width, and for deltas the one their prefix sums
 * fit in), value {@code q * 2 * lane + i} in lane {@code q} (from the top) of long {@code i}, so
 * there are {@code 2 * lane} such longs. These are packed into {@code 2 * bits} longs: each lane
 * holds as many whole values as fit, highest first (a shift for each), and the low bits left over
 * in every lane hold the remaining values' bits one after the other, highest bit first, long after
 * long. Every step works on all lanes of a long at once: each mask repeats in every lane.
 */
public final class PackedBlocks {
  /** The packed longs of one block (the runtime has one thread). */
  private static final long[] PACKED = new long[64];

  private PackedBlocks() {}

  /** {@code ForUtil.decode}: the 128 values of {@code bitsPerValue} bits each. */
  public static void decode(
      ForUtil forUtil, int bitsPerValue, PostingDecodingUtil pdu, long[] longs) throws IOException {
    unpack(pdu.in, bitsPerValue, bitsPerValue <= 8 ? 8 : bitsPerValue <= 16 ? 16 : 32, longs);
  }

  /**
   * {@code ForDeltaUtil.decodeAndPrefixSum(int, ...)}: 128 deltas of {@code bitsPerValue} bits,
   * summed from {@code base}.
   */
  public static void decodeAndPrefixSum(
      ForDeltaUtil forDeltaUtil, int bitsPerValue, PostingDecodingUtil pdu, long base, long[] longs)
      throws IOException {
    unpack(pdu.in, bitsPerValue, bitsPerValue <= 4 ? 8 : bitsPerValue <= 11 ? 16 : 32, longs);
    long sum = base;
    for (int i = 0; i < ForUtil.BLOCK_SIZE; i++) {
      sum += longs[i];
      longs[i] = sum;
    }
  }

  /**
   * Reads one block of {@code bits}-bit values packed in {@code lane}-bit lanes into {@code out}.
   */
  static void unpack(IndexInput in, int bits, int lane, long[] out) throws IOException {
    int rows = 2 * lane; // longs of lanes, before they are spread out
    if (bits == lane) {
      in.readLongs(out, 0, rows);
    } else {
      long[] packed = PACKED;
      int count = 2 * bits;
      in.readLongs(packed, 0, count);
      long mask = mask(lane, bits);
      int row = 0;
      for (int shift = lane - bits; shift >= 0; shift -= bits) {
        for (int i = 0; i < count; i++) {
          out[row++] = (packed[i] >>> shift) & mask;
        }
      }
      int spare = lane % bits; // low bits of each lane that hold the rest, as one stream
      int at = 0;
      int left = spare; // bits of packed[at] not read yet
      while (row < rows) {
        long value = 0;
        for (int need = bits; need > 0; ) {
          int take = Math.min(need, left);
          value = (value << take) | ((packed[at] >>> (left - take)) & mask(lane, take));
          need -= take;
          left -= take;
          if (left == 0) {
            at++;
            left = spare;
          }
        }
        out[row++] = value;
      }
    }
    spread(out, lane);
  }

  /** {@code (1 << bits) - 1} in every {@code lane}-bit lane of a long. */
  private static long mask(int lane, int bits) {
    long m = (1L << bits) - 1;
    for (int width = lane; width < Long.SIZE; width <<= 1) {
      m |= m << width;
    }
    return m;
  }

  /** Lane {@code q} (from the top) of long {@code i} becomes value {@code q * 2 * lane + i}. */
  private static void spread(long[] longs, int lane) {
    int rows = 2 * lane;
    long laneMask = lane == 32 ? 0xFFFFFFFFL : (1L << lane) - 1;
    for (int i = 0; i < rows; i++) {
      long l = longs[i];
      for (int q = Long.SIZE / lane - 1; q >= 0; q--) {
        longs[q * rows + i] = (l >>> (Long.SIZE - lane * (q + 1))) & laneMask;
      }
    }
  }
}
