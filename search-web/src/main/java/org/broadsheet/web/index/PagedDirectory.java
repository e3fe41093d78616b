package org.broadsheet.web.index;

import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import org.apache.lucene.store.BaseDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.NoLockFactory;

/** A read-only Lucene {@code Directory} over the pages in a {@link PageStore}. */
public final class PagedDirectory extends BaseDirectory {
  private final PageStore store;

  public PagedDirectory(PageStore store) {
    super(NoLockFactory.INSTANCE);
    this.store = store;
  }

  @Override
  public String[] listAll() {
    return store.names().toArray(new String[0]);
  }

  @Override
  public long fileLength(String name) {
    return store.file(name).length;
  }

  @Override
  public IndexInput openInput(String name, IOContext context) {
    PageStore.IndexFile file = store.file(name);
    return new PagedIndexInput(name, store, file, 0, file.length);
  }

  @Override
  public void deleteFile(String name) throws IOException {
    throw readOnly();
  }

  @Override
  public IndexOutput createOutput(String name, IOContext context) throws IOException {
    throw readOnly();
  }

  @Override
  public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
      throws IOException {
    throw readOnly();
  }

  @Override
  public void sync(Collection<String> names) {}

  @Override
  public void syncMetaData() {}

  @Override
  public void rename(String source, String dest) throws IOException {
    throw readOnly();
  }

  @Override
  public void close() {
    isOpen = false;
  }

  @Override
  public Set<String> getPendingDeletions() {
    return Set.of();
  }

  private static IOException readOnly() {
    return new IOException("the browser's index is read-only");
  }
}
