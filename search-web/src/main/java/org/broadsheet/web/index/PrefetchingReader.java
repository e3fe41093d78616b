package org.broadsheet.web.index;

import java.io.IOException;
import org.apache.lucene.codecs.lucene90.compressing.StoredChunks;
import org.apache.lucene.codecs.lucene912.Lucene912PostingsFormat.IntBlockTermState;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Lets one round of a search name many missing pages at once instead of one. Lucene reads the index
 * synchronously; in the browser a read of a page not loaded yet records the page and throws {@link
 * PageMissingException}, and the round's answer is thrown away once any page is missing. So after
 * the first miss nothing this round computes is used, and a miss can be answered with a harmless
 * stand-in that lets the search go on to find the round's other missing pages:
 *
 * <ul>
 *   <li>a term whose dictionary block is missing is "not found": the other words and fields of the
 *       query still look theirs up; and where the open bundle's postings map places the term's
 *       postings, those pages are named too, so that the dictionary and the postings come in one
 *       round;
 *   <li>postings whose pages are missing end there: the other terms still read theirs;
 *   <li>a norm or doc value (the date filter's day) whose page is missing is absent: every matching
 *       document's page is named;
 *   <li>stored fields are read only while no page is missing (the hits of a round with missing
 *       pages may be the wrong ones); a hit whose fields are missing is left empty and the next
 *       hit's pages are named too.
 * </ul>
 *
 * Every stand-in replaces the failed reader with a fresh one, as a failed read may leave it
 * half-way. Without this, a query's reads would come one page per round; with it, a round per level
 * of dependency (dictionary and postings; norms, doc values and stored fields).
 */
public final class PrefetchingReader extends FilterDirectoryReader {
  /** Bytes expected beyond a hit's estimated end in its chunk (documents differ in length). */
  static final int CHUNK_SLACK = 512;

  private final PageStore store;

  public PrefetchingReader(DirectoryReader in, PageStore store) throws IOException {
    super(
        in,
        new SubReaderWrapper() {
          @Override
          public LeafReader wrap(LeafReader reader) {
            return new Leaf(reader, store);
          }
        });
    this.store = store;
  }

  @Override
  protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
    return new PrefetchingReader(in, store);
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    return in.getReaderCacheHelper();
  }

  private static final class Leaf extends FilterLeafReader {
    private final PageStore store;
    // the files of this leaf's segment whose ranges get expected; null where not known
    private final String postings;
    private final String positions;
    private final String storedFields;

    Leaf(LeafReader in, PageStore store) {
      super(in);
      this.store = store;
      this.postings = fileOf(in, store, "doc");
      this.positions = fileOf(in, store, "pos");
      this.storedFields = fileOf(in, store, "fdt");
    }

    /**
     * The file with this extension of the leaf's own segment (an index built in tiers has several),
     * or of the index's only segment.
     */
    private static String fileOf(LeafReader in, PageStore store, String extension) {
      if (in instanceof SegmentReader segment) {
        String found = null;
        for (String name : segment.getSegmentInfo().info.files()) {
          if (name.endsWith("." + extension) && store.names().contains(name)) {
            if (found != null) {
              return null;
            }
            found = name;
          }
        }
        return found;
      }
      return store.fileWithExtension(extension);
    }

    @Override
    public Terms terms(String field) throws IOException {
      Terms terms = in.terms(field);
      return terms == null
          ? null
          : new FilterTerms(terms) {
            @Override
            public TermsEnum iterator() throws IOException {
              return new GuessingTermsEnum(in, store, field, postings, positions);
            }
          };
    }

    @Override
    public NumericDocValues getNormValues(String field) throws IOException {
      NumericDocValues norms = in.getNormValues(field);
      return norms == null ? null : new GuessingNumbers(() -> in.getNormValues(field), norms);
    }

    @Override
    public NumericDocValues getNumericDocValues(String field) throws IOException {
      NumericDocValues values = in.getNumericDocValues(field);
      return values == null
          ? null
          : new GuessingNumbers(() -> in.getNumericDocValues(field), values);
    }

    @Override
    public StoredFields storedFields() throws IOException {
      LeafReader leaf = in;
      // asked for after the search: if it already missed pages, its hits may be the wrong ones
      boolean wrongHits = store.hasMissing();
      return new StoredFields() {
        private StoredFields current = leaf.storedFields();

        @Override
        public void document(int docID, StoredFieldVisitor visitor) throws IOException {
          if (wrongHits) {
            return;
          }
          expectChunk(leaf, docID);
          try {
            current.document(docID, visitor);
          } catch (PageMissingException e) {
            current = leaf.storedFields();
          }
        }
      };
    }

    /**
     * Tells the store where the hit's compressed chunk lies, so a miss in it names all its pages.
     */
    private void expectChunk(LeafReader leaf, int docID) {
      String fdt = storedFields;
      if (fdt != null && leaf instanceof CodecReader codec) {
        store.probing(true);
        try {
          long[] chunk = StoredChunks.chunkOf(codec.getFieldsReader(), docID, leaf.maxDoc());
          if (chunk != null) {
            // LZ4 stops after the hit's own document: expect the chunk up to about where it ends
            long bytes = chunk[1] - chunk[0];
            long upTo = bytes * (docID - chunk[2] + 1) / (chunk[3] - chunk[2]) + CHUNK_SLACK;
            store.expect(fdt, chunk[0], chunk[0] + Math.min(bytes, upTo));
          }
        } catch (PageMissingException e) {
          // the stored-fields index is not loaded yet (a large archive): the read below names it
        } finally {
          store.probing(false);
        }
      }
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return in.getCoreCacheHelper();
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return in.getReaderCacheHelper();
    }
  }

  /**
   * A terms enum whose missing dictionary pages read as "no such term", whose postings end at a
   * missing page, and which tells the store where a found term's postings end (the next term's
   * start), so that a miss in them names all their pages in one round.
   */
  private static final class GuessingTermsEnum extends FilterLeafReader.FilterTermsEnum {
    private final Terms terms;
    private final PageStore store;
    private final String field;
    private final String postings;
    private final String positions;

    GuessingTermsEnum(Terms terms, PageStore store, String field, String postings, String positions)
        throws IOException {
      super(terms.iterator());
      this.terms = terms;
      this.store = store;
      this.field = field;
      this.postings = postings;
      this.positions = positions;
    }

    @Override
    public boolean seekExact(BytesRef text) throws IOException {
      boolean found;
      try {
        found = in.seekExact(text);
      } catch (PageMissingException e) {
        // the dictionary block comes next round: its term's postings can come with it
        long[] range = mapped(text);
        if (range != null) {
          store.wish(postings, range[0], range[1]);
        }
        return false;
      }
      if (found) {
        expectPostings(text);
      }
      return found;
    }

    /**
     * Looks up the next term on a second enum (this one stays where the caller put it); where that
     * is not possible (the field's last term, or the next term in a block not loaded), the postings
     * end by the end of the term's group in the postings map.
     */
    private void expectPostings(BytesRef text) throws IOException {
      if (!(in.termState() instanceof IntBlockTermState term) || term.singletonDocID != -1) {
        return; // a single document's postings live in the dictionary
      }
      long end = -1;
      store.probing(true);
      try {
        TermsEnum probe = terms.iterator();
        if (probe.seekExact(text)
            && probe.next() != null
            && probe.termState() instanceof IntBlockTermState next) {
          end = next.docStartFP;
          if (positions != null) {
            store.expect(positions, term.posStartFP, next.posStartFP);
          }
        }
      } catch (PageMissingException e) {
        // the next term is in a block not loaded
      } finally {
        store.probing(false);
      }
      if (end < 0) {
        long[] range = mapped(text);
        end = range == null ? -1 : range[1];
      }
      if (postings != null && end > term.docStartFP) {
        store.expect(postings, term.docStartFP, end);
      }
    }

    /** Where the postings map places the term's postings, or null. */
    private long[] mapped(BytesRef text) {
      return store.postingsRange(postings, field, text.bytes, text.offset, text.length);
    }

    @Override
    public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
      PostingsEnum postings;
      try {
        postings = in.postings(reuse instanceof GuessingPostings ? null : reuse, flags);
      } catch (PageMissingException e) {
        return new GuessingPostings(null);
      }
      return new GuessingPostings(postings);
    }
  }

  /** Postings that end where a page is missing (positions and the rest stay exact or fail). */
  private static final class GuessingPostings extends FilterLeafReader.FilterPostingsEnum {
    private boolean ended;

    GuessingPostings(PostingsEnum in) {
      super(in);
      ended = in == null;
    }

    @Override
    public int docID() {
      return ended ? (in == null ? -1 : NO_MORE_DOCS) : in.docID();
    }

    @Override
    public int nextDoc() throws IOException {
      if (ended) {
        return NO_MORE_DOCS;
      }
      try {
        return in.nextDoc();
      } catch (PageMissingException e) {
        ended = true;
        return NO_MORE_DOCS;
      }
    }

    @Override
    public int advance(int target) throws IOException {
      if (ended) {
        return NO_MORE_DOCS;
      }
      try {
        return in.advance(target);
      } catch (PageMissingException e) {
        ended = true;
        return NO_MORE_DOCS;
      }
    }

    @Override
    public int freq() throws IOException {
      return ended ? 1 : in.freq();
    }

    @Override
    public long cost() {
      return in == null ? 0 : in.cost();
    }
  }

  /** Opens a fresh doc-values iterator of the same field. */
  private interface Reopen {
    NumericDocValues open() throws IOException;
  }

  /**
   * Norms or numeric doc values that read as absent where their page is missing (a norm then counts
   * as 1), the failed iterator replaced by a fresh one that the next advanceExact positions.
   */
  private static final class GuessingNumbers extends NumericDocValues {
    private final Reopen reopen;
    private NumericDocValues in;
    private int doc = -1;

    GuessingNumbers(Reopen reopen, NumericDocValues in) {
      this.reopen = reopen;
      this.in = in;
    }

    @Override
    public long longValue() throws IOException {
      try {
        return in.longValue();
      } catch (PageMissingException e) {
        in = reopen.open();
        return 1;
      }
    }

    @Override
    public boolean advanceExact(int target) throws IOException {
      doc = target;
      try {
        return in.advanceExact(target);
      } catch (PageMissingException e) {
        in = reopen.open();
        return false;
      }
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() throws IOException {
      return advance(doc + 1);
    }

    @Override
    public int advance(int target) throws IOException {
      try {
        doc = in.advance(target);
      } catch (PageMissingException e) {
        in = reopen.open(); // sparse values: the documents that have one are missing; end here
        doc = NO_MORE_DOCS;
      }
      return doc;
    }

    @Override
    public long cost() {
      return in.cost();
    }
  }
}
