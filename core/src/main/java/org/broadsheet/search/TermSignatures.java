package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

/**
 * Every document's signature in one language's text field, from one walk over the field's postings:
 * its {@code size} most distinctive terms, by tf times idf, as MoreLikeThis picks them (measured on
 * 10,000 Reuters stories: a sublinear {@code 1 + ln tf} picked worse). Only terms in at least 2
 * documents and at most a fifth of them (at least 5) take part, as in the MoreLikeThis queries this
 * replaces: a word of one article relates it to nothing, and a word in every fifth article says
 * little about any. Nor do the words long queries leave out ({@link
 * SearchSchema#longQueryStopwords}: "he", "should", ...), which a small archive would otherwise
 * count as distinctive.
 *
 * <p>Every figure is counted over live documents, from the postings, never from Lucene's index
 * statistics (which count deleted documents until a merge): so signatures depend on the set of
 * documents only, not on how they are split into segments or in what order they were added. Terms
 * are numbered ("ordinals") in byte order among the terms that take part, which the set of
 * documents fixes too, and ties between equal weights go to the smaller ordinal.
 *
 * <p>Holds, per document, {@code size} ordinals and frequencies and its length (8 bytes a term slot
 * plus 5; while walking, {@link SignatureHeaps}' 8 a slot plus 5 more); per term that takes part,
 * its bytes and idf.
 */
final class TermSignatures {
  static final int MIN_DOCS = 2;
  final int size;

  /** Documents of this language (live, with the field). */
  final int docs;

  /**
   * Tokens of the field per document, as the norm keeps them (0: not in this language, or deleted).
   */
  final int[] lengths;

  /**
   * Signature of document d: ordinals at d*size .. d*size+counts[d]-1, after the walk in descending
   * idf (rarest first), equal idf by ordinal.
   */
  final int[] terms;

  /** How often each signature term occurs in its document. */
  final int[] freqs;

  final byte[] counts;
  final TermList eligible = new TermList();

  private TermSignatures(int[] lengths, int size, int docs) {
    this.size = size;
    this.docs = docs;
    this.lengths = lengths;
    this.terms = new int[lengths.length * size];
    this.freqs = new int[lengths.length * size];
    this.counts = new byte[lengths.length];
  }

  /**
   * The signatures of {@code size} (at most 127) terms of every live document with {@code field}.
   */
  static TermSignatures read(IndexReader reader, String field, Collection<String> common, int size)
      throws IOException {
    Bits live = MultiBits.getLiveDocs(reader);
    int[] lengths = new int[reader.maxDoc()];
    TermSignatures s = new TermSignatures(lengths, size, lengths(reader, field, live, lengths));
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms != null) {
      Set<BytesRef> skip = new HashSet<>();
      common.forEach(word -> skip.add(new BytesRef(word)));
      s.walk(reader, field, terms, live, skip);
    }
    return s;
  }

  /**
   * Counts the live documents with the field, those with a norm (not an index statistic, which
   * counts deleted ones), and puts their lengths in {@code lengths}: as BM25 wrote them into the
   * norm, one byte that keeps small lengths exact and large ones to about 1 in 16, the same for the
   * same text whatever segment it is in.
   */
  private static int lengths(IndexReader reader, String field, Bits live, int[] lengths)
      throws IOException {
    NumericDocValues norms = MultiDocValues.getNormValues(reader, field);
    int n = 0;
    for (int d = norms == null ? DocIdSetIterator.NO_MORE_DOCS : norms.nextDoc();
        d != DocIdSetIterator.NO_MORE_DOCS;
        d = norms.nextDoc()) {
      if (live == null || live.get(d)) {
        lengths[d] = SmallFloat.byte4ToInt((byte) norms.longValue());
        n++;
      }
    }
    return n;
  }

  /** The average length of the documents. */
  float averageLength() {
    long tokens = 0;
    for (int length : lengths) {
      tokens += length;
    }
    return docs == 0 ? 1 : (float) ((double) tokens / docs);
  }

  /** Largest document frequency of a term that takes part. */
  int maxDocs() {
    return Math.max(5, docs / 5);
  }

  /**
   * Chooses the terms that take part, then walks their postings in blocks of documents, in
   * parallel: each block's heaps get their terms in ordinal order, as in one walk, and stay in
   * cache. A block lies in one segment, whose terms it reads in order beside the chosen ones: a
   * build writes many segments before it merges them, and seeking every chosen term in each of 50
   * segments (through Lucene's view of them all) took twice the time of the rest of the walk.
   */
  private void walk(IndexReader reader, String field, Terms terms, Bits live, Set<BytesRef> common)
      throws IOException {
    choose(terms.iterator(), live, common);
    SignatureHeaps heaps = new SignatureHeaps(counts.length, size);
    int maxDoc = counts.length;
    int most = Math.max(1, Math.min(2 * Runtime.getRuntime().availableProcessors(), maxDoc / 4096));
    int perBlock = (maxDoc + most - 1) / most;
    List<int[]> blocks = new ArrayList<>(); // a segment's number, and its documents from..to-1
    for (LeafReaderContext leaf : reader.leaves()) {
      int end = leaf.docBase + leaf.reader().maxDoc();
      for (int from = leaf.docBase; from < end; from += perBlock) {
        blocks.add(new int[] {leaf.ord, from, Math.min(end, from + perBlock)});
      }
    }
    IntStream.range(0, blocks.size())
        .parallel()
        .forEach(
            i -> {
              int[] block = blocks.get(i);
              LeafReaderContext leaf = reader.leaves().get(block[0]);
              try {
                Terms leafTerms = leaf.reader().terms(field);
                if (leafTerms != null) {
                  offerAll(leafTerms.iterator(), leaf.docBase, live, heaps, block[1], block[2]);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              for (int d = block[1]; d < block[2]; d++) {
                keep(d, heaps);
              }
            });
  }

  /**
   * Numbers the terms that take part: in enough and not too many live documents, not common words.
   */
  private void choose(TermsEnum te, Bits live, Set<BytesRef> common) throws IOException {
    PostingsEnum pe = null;
    for (BytesRef term = te.next(); term != null; term = te.next()) {
      int df = te.docFreq(); // with deleted documents: exact only when there are none
      if (df < MIN_DOCS || (live == null && df > maxDocs()) || common.contains(term)) {
        continue; // most postings are of such terms, and are never read
      }
      if (live != null) {
        pe = te.postings(pe, PostingsEnum.NONE);
        df = 0;
        for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
          df += live.get(d) ? 1 : 0;
        }
      }
      if (df >= MIN_DOCS && df <= maxDocs()) {
        eligible.add(term, idf(df, docs));
      }
    }
  }

  /**
   * Offers every term that takes part to the documents from..to-1 (of the whole index) that hold
   * it, from the terms of their segment, whose first document is {@code docBase}.
   */
  private void offerAll(
      TermsEnum te, int docBase, Bits live, SignatureHeaps heaps, int from, int to)
      throws IOException {
    PostingsEnum pe = null;
    int ordinal = 0;
    for (BytesRef term = te.next(); term != null; term = te.next()) {
      ordinal = eligible.ceiling(term, ordinal);
      if (ordinal == eligible.size()) {
        break;
      }
      if (eligible.compare(ordinal, term) != 0) {
        continue; // not one that takes part
      }
      pe = te.postings(pe, PostingsEnum.FREQS);
      float idf = eligible.idf(ordinal);
      for (int d = pe.advance(from - docBase); d < to - docBase; d = pe.nextDoc()) {
        if (live == null || live.get(docBase + d)) {
          heaps.offer(docBase + d, ordinal, pe.freq() * idf);
        }
      }
      ordinal++;
    }
  }

  /**
   * BM25's idf, as Lucene computes it, from live counts (StrictMath: the same bits on every JVM).
   */
  static float idf(int df, int docs) {
    return (float) StrictMath.log(1 + (docs - df + 0.5) / (df + 0.5));
  }

  /** Takes a document's terms from its heap, rarest first (insertion sort: they are few). */
  private void keep(int doc, SignatureHeaps heaps) {
    int base = doc * size;
    counts[doc] = (byte) heaps.count(doc);
    for (int i = 0; i < counts[doc]; i++) {
      int ordinal = heaps.ordinal(doc, i);
      int j = base + i;
      for (; j > base && rarer(ordinal, terms[j - 1]); j--) {
        terms[j] = terms[j - 1];
        freqs[j] = freqs[j - 1];
      }
      terms[j] = ordinal;
      freqs[j] = Math.round(heaps.weight(doc, i) / eligible.idf(ordinal)); // the weight is tf * idf
    }
  }

  private boolean rarer(int ordinal, int than) {
    float a = eligible.idf(ordinal);
    float b = eligible.idf(than);
    return a > b || (a == b && ordinal < than);
  }
}
