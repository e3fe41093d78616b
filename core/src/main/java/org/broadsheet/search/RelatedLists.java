package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Every article's related articles, computed at once from a committed index ({@link #compute}), no
 * article text needed: per language (so among the articles of one language), each article's
 * signature ({@link TermSignatures}: its 15 most distinctive terms) runs as a small query against
 * the other signatures ({@link SignaturePostings}), on all cores. Scores, cuts and ties (by id)
 * depend on the set of articles alone, not on segments, deleted documents or the order articles
 * were added in, so an incremental build lists what a clean build lists.
 *
 * <p>No related article rather than an irrelevant one: B is related to A only if B's signature
 * holds at least 3 of A's 15 terms, and B scores at least 12% of the most any article could score
 * against A's signature (every term at full strength); using each term once, in a story of average
 * length, that is a little more than a quarter of the signature's weight. Measured on 10,000
 * Reuters stories (bench/related.sh): 9% of the articles get no related article and 62% get four;
 * 89.8% of related pairs share a Reuters topic, against 88.2% for the MoreLikeThis queries this
 * replaces, which listed four for every article. On the bundled sample only pairs on one subject
 * remain (rates, elections, football), where MoreLikeThis put the Iran nuclear talks beside a chip
 * shortage and a harbour strike.
 *
 * <p>Holds each article's id and the positions of its related ones (4 bytes each); while computing,
 * about 30 bytes a signature term (15 a document) and 12 bytes a document per thread.
 */
public final class RelatedLists {
  /** Documents a thread takes at a time. */
  private static final int BLOCK = 64;

  /** Ids of every article, sorted. */
  private final String[] ids;

  /**
   * The related articles of ids[i], as positions in ids, at i*count .., best first; -1 after the
   * last.
   */
  private final int[] related;

  private final int count;

  private RelatedLists(String[] ids, int[] related, int count) {
    this.ids = ids;
    this.related = related;
    this.count = count;
  }

  /**
   * How related articles are found: signatures of {@code terms} terms; B is related to A only if
   * B's signature holds at least {@code minShared} of A's terms and B scores at least {@code floor}
   * of the whole weight of A's signature (what a document using every term at full strength would
   * score); a term in more signatures than {@code strongest} counts only for those that use it
   * most.
   */
  record Tuning(int terms, int minShared, float floor, int strongest) {
    static final Tuning DEFAULT = new Tuning(15, 3, 0.12f, 1000);
  }

  /**
   * The ids of up to {@code count} articles related to {@code id}, best first (none for an unknown
   * id).
   */
  public List<String> of(String id) {
    int i = Arrays.binarySearch(ids, id);
    List<String> out = new ArrayList<>(count);
    for (int j = 0; i >= 0 && j < count && related[i * count + j] >= 0; j++) {
      out.add(ids[related[i * count + j]]);
    }
    return List.copyOf(out);
  }

  /** Articles the lists are of. */
  public int size() {
    return ids.length;
  }

  /**
   * The articles whose list differs from their list in {@code before} (lists of an earlier index):
   * with those whose own text changed, the pages an incremental build must render again. An article
   * in one of the two only counts if it has related articles there.
   */
  public Set<String> changedSince(RelatedLists before) {
    Set<String> changed = new TreeSet<>();
    for (RelatedLists lists : List.of(this, before)) {
      for (String id : lists.ids) {
        if (!of(id).equals(before.of(id))) {
          changed.add(id);
        }
      }
    }
    return changed;
  }

  /**
   * Up to {@code count} related articles of every live article of {@code reader}, which records
   * {@code info}.
   */
  public static RelatedLists compute(IndexReader reader, IndexInfo info, int count)
      throws IOException {
    return compute(reader, info, count, Tuning.DEFAULT);
  }

  static RelatedLists compute(IndexReader reader, IndexInfo info, int count, Tuning tuning)
      throws IOException {
    String[] idOf = ids(reader);
    int[] rank = ranks(idOf);
    int[] best = new int[reader.maxDoc() * count];
    Arrays.fill(best, -1);
    for (IndexLanguage language : info.languages()) {
      String field = language.field(SearchSchema.TEXT);
      TermSignatures signatures =
          TermSignatures.read(reader, field, language.longQueryStopwords(), tuning.terms());
      SignaturePostings postings = SignaturePostings.invert(signatures, rank, tuning.strongest());
      match(signatures, postings, tuning, new Selection(rank, count, tuning, best));
    }
    return of(idOf, rank, best, count);
  }

  /**
   * Every document's query, in blocks that the threads take in turn, each thread with its own
   * scores.
   */
  private static void match(
      TermSignatures signatures, SignaturePostings postings, Tuning tuning, Selection selection) {
    int maxDoc = signatures.counts.length;
    AtomicInteger next = new AtomicInteger();
    IntStream.range(0, Runtime.getRuntime().availableProcessors())
        .parallel()
        .forEach(
            worker -> {
              QueryScores matches = null;
              for (int start = next.getAndAdd(BLOCK);
                  start < maxDoc;
                  start = next.getAndAdd(BLOCK)) {
                for (int doc = start; doc < Math.min(maxDoc, start + BLOCK); doc++) {
                  if (signatures.counts[doc] > 0) {
                    matches = matches == null ? new QueryScores(maxDoc, signatures.size) : matches;
                    postings.match(signatures, doc, tuning, matches);
                    selection.select(doc, matches);
                  }
                }
              }
            });
  }

  /**
   * The id of every live document, by doc id (null for deleted ones), from the postings of {@code
   * id}.
   */
  static String[] ids(IndexReader reader) throws IOException {
    String[] idOf = new String[reader.maxDoc()];
    Terms terms = MultiTerms.getTerms(reader, SearchSchema.ID);
    if (terms == null) {
      return idOf;
    }
    Bits live = MultiBits.getLiveDocs(reader);
    TermsEnum te = terms.iterator();
    PostingsEnum pe = null;
    for (BytesRef term = te.next(); term != null; term = te.next()) {
      pe = te.postings(pe, PostingsEnum.NONE);
      for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
        if (live == null || live.get(d)) {
          idOf[d] = term.utf8ToString();
        }
      }
    }
    return idOf;
  }

  /** Each live document's position among the ids in order (-1 for deleted ones). */
  static int[] ranks(String[] idOf) {
    Integer[] docs =
        IntStream.range(0, idOf.length)
            .filter(d -> idOf[d] != null)
            .boxed()
            .toArray(Integer[]::new);
    Arrays.sort(docs, (a, b) -> idOf[a].compareTo(idOf[b]));
    int[] rank = new int[idOf.length];
    Arrays.fill(rank, -1);
    for (int i = 0; i < docs.length; i++) {
      rank[docs[i]] = i;
    }
    return rank;
  }

  /** The lists by doc id turned into lists by id. */
  private static RelatedLists of(String[] idOf, int[] rank, int[] best, int count) {
    String[] ids = new String[(int) Arrays.stream(rank).filter(r -> r >= 0).count()];
    int[] related = new int[ids.length * count];
    for (int d = 0; d < idOf.length; d++) {
      if (rank[d] >= 0) {
        ids[rank[d]] = idOf[d];
        for (int j = 0; j < count; j++) {
          int other = best[d * count + j];
          related[rank[d] * count + j] = other < 0 ? -1 : rank[other];
        }
      }
    }
    return new RelatedLists(ids, related, count);
  }
}
