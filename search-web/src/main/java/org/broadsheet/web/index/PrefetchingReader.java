package org.broadsheet.web.index;

import java.io.IOException;
import org.apache.lucene.index.IndexReader.CacheHelper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;

/**
 * Lets one round of a search name the missing pages of all its hits' stored fields at once: when a
 * hit's document needs a page that is not loaded yet, the document is left empty and the search goes
 * on to the next hit, whose pages get recorded too. The round's answer is then thrown away (the store
 * has missing pages), so an empty document never reaches the page. Without this, the ten hits of a
 * result list cost ten sequential rounds of page loads; with it, about two.
 */
public final class PrefetchingReader extends FilterDirectoryReader {
  private final PageStore store;

  public PrefetchingReader(DirectoryReader in, PageStore store) throws IOException {
    super(in, new SubReaderWrapper() {
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

    Leaf(LeafReader in, PageStore store) {
      super(in);
      this.store = store;
    }

    @Override
    public StoredFields storedFields() throws IOException {
      LeafReader leaf = in;
      return new StoredFields() {
        private StoredFields current = leaf.storedFields();

        @Override
        public void document(int docID, StoredFieldVisitor visitor) throws IOException {
          try {
            current.document(docID, visitor);
          } catch (PageMissingException e) {
            current = leaf.storedFields(); // a fresh reader: the failed one may be half-way through a chunk
          }
        }
      };
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
}
