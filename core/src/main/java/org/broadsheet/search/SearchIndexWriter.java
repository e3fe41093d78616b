package org.broadsheet.search;

import java.io.Closeable;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.broadsheet.content.Article;

/**
 * Writes the search index: one document per article (fields in {@link SearchSchema}), sorted by
 * date, newest first, so that date order is doc-id order. Every commit records the index's
 * {@link IndexInfo} (format, language, stop words) in its user data, which readers go by.
 * Thread-safe: parsers add documents from many threads into the one {@link IndexWriter}.
 */
public final class SearchIndexWriter implements Closeable {
  private final IndexWriter writer;
  private final ZoneId zone;

  private SearchIndexWriter(IndexWriter writer, ZoneId zone) {
    this.writer = writer;
    this.zone = zone;
  }

  /**
   * Opens (creating or appending to) the index in {@code directory} for a site in {@code language}
   * (ISO 639-1; null: English), analysed as {@link IndexInfo#analyzer()} of it.
   */
  public static SearchIndexWriter open(Directory directory, String language, ZoneId zone, boolean create)
      throws IOException {
    IndexInfo info = IndexInfo.of(language);
    IndexWriterConfig config = new IndexWriterConfig(info.analyzer())
        .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setIndexSort(new Sort(new SortField(SearchSchema.DATE_SORT, SortField.Type.LONG, true)))
        .setRAMBufferSizeMB(128)
        .setSimilarity(SearchSchema.similarity())
        .setCodec(new BroadsheetCodec())
        .setUseCompoundFile(false)
        .setCommitOnClose(false);
    IndexWriter writer = new IndexWriter(directory, config);
    writer.setLiveCommitData(info.userData().entrySet()); // written with every commit
    return new SearchIndexWriter(writer, zone);
  }

  /** Adds the article, replacing any earlier document with its id. */
  public void put(Article article, String url) throws IOException {
    writer.updateDocument(new Term(SearchSchema.ID, article.id()), document(article, url));
  }

  public void delete(String id) throws IOException {
    writer.deleteDocuments(new Term(SearchSchema.ID, id));
  }

  /** Makes everything written so far durable and visible to new readers. */
  public void commit() throws IOException {
    writer.commit();
  }

  /** Merges into one segment (as shipped to browsers) and commits. */
  public void optimizeAndCommit() throws IOException {
    writer.forceMerge(1);
    writer.commit();
  }

  public IndexWriter writer() {
    return writer;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  Document document(Article a, String url) {
    Document doc = new Document();
    doc.add(new StringField(SearchSchema.ID, a.id(), Field.Store.YES));
    doc.add(new TextField(SearchSchema.TEXT, a.title() + "\n" + a.body().text(), Field.Store.NO));
    doc.add(new TextField(SearchSchema.TITLE, a.title(), Field.Store.YES));
    doc.add(new TextField(SearchSchema.BYLINE, byline(a), Field.Store.NO));
    doc.add(new StoredField(SearchSchema.BODY, a.body().text()));
    doc.add(new StoredField(SearchSchema.LEAD, a.summary()));
    doc.add(new StoredField(SearchSchema.URL, url));
    doc.add(new StoredField(SearchSchema.DATE,
        a.date().map(d -> d.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).orElse("")));
    long sort = a.date().map(d -> d.toEpochSecond()).orElse(SearchSchema.UNDATED);
    doc.add(new NumericDocValuesField(SearchSchema.DATE_SORT, sort));
    a.date().ifPresent(d -> doc.add(new NumericDocValuesField(SearchSchema.DAY, d.withZoneSameInstant(zone).toLocalDate().toEpochDay())));
    keywords(doc, SearchSchema.TAGS, a.tags());
    keywords(doc, SearchSchema.SECTION, a.section().isEmpty() ? Set.of() : Set.of(a.section()));
    keywords(doc, SearchSchema.AUTHORS, a.authors());
    keywords(doc, SearchSchema.SOURCE, a.source().isEmpty() ? Set.of() : Set.of(a.source()));
    a.date().ifPresent(d -> keywords(doc, SearchSchema.YEAR, Set.of(String.valueOf(d.withZoneSameInstant(zone).getYear()))));
    return doc;
  }

  /** Dateline place, source and authors, one per line. */
  private static String byline(Article a) {
    StringBuilder sb = new StringBuilder(a.dateline()).append('\n').append(a.source());
    for (String author : a.authors()) {
      sb.append('\n').append(author);
    }
    return sb.toString();
  }

  private static void keywords(Document doc, String field, java.util.Collection<String> values) {
    Set<String> unique = new LinkedHashSet<>();
    for (String v : values) {
      unique.add(ArchiveSearch.keyword(v));
    }
    for (String v : unique) {
      doc.add(new StringField(field, v, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(field, new BytesRef(v)));
    }
  }
}
