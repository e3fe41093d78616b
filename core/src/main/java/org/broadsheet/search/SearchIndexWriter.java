package org.broadsheet.search;

import java.io.Closeable;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.broadsheet.content.Article;
import org.broadsheet.content.IsoDates;

/**
 * Writes the search index: one document per article (fields in {@link SearchSchema}), sorted by
 * date, newest first, so that date order is doc-id order. Every commit records the index's {@link
 * IndexInfo} (format, languages, stop words) in its user data, which readers go by; an article in
 * another language than the site's goes into that language's fields.
 *
 * <p>Thread-safe: parsers put documents from many threads, and they are added in runs, each sorted
 * into the index's order ({@link #RUN_DOCUMENTS}). For a small archive ({@link #expect}) one thread
 * at a time adds them, and the writer keeps one segment. For a larger one, each run of a fresh
 * index is a segment of its own, added by the thread that filled it while the others go on; the
 * segments are then merged into one.
 */
public final class SearchIndexWriter implements Closeable {
  private final IndexWriter writer;
  private final ZoneId zone;
  private final LanguageFieldsAnalyzer analyzer;
  private volatile IndexInfo info; // grows, under this lock, as articles in other languages arrive

  /**
   * Newest first, and articles of the same second by id: a total order, so the same articles give
   * the same document order (and score ties the same ranking) however they were added: by parallel
   * workers, or one by one into an earlier build's index.
   */
  private static final Sort ORDER =
      new Sort(
          new SortField(SearchSchema.DATE_SORT, SortField.Type.LONG, true),
          new SortField(SearchSchema.ID, SortField.Type.STRING));

  private final boolean fresh;

  /** Whether one thread at a time adds what is put ({@link #expect}); else each putting thread. */
  private volatile boolean oneAtATime;

  /**
   * Whether each run is a segment of its own ({@link #expect}: many documents, a fresh index).
   * Lucene sorts each segment it writes into the index's order: each term's postings, one by one. A
   * run already in that order is written as it is (at 100,000 synthetic stories, alternating: 58.6
   * and 59.5 s, 115 and 117 CPU-s, against 61.4 and 61.1 s, 119 CPU-s). With a segment per thread,
   * each held runs of both threads in turn, which Lucene sorted.
   */
  private volatile boolean segmentPerRun;

  /** Documents put and not added yet, oldest first, and their characters; see {@link #put}. */
  private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();

  private final AtomicLong waitingChars = new AtomicLong();
  private final ReentrantLock adding = new ReentrantLock();

  /**
   * Up to this many documents expected, one thread at a time adds them, and Lucene's buffer holds
   * them as one segment, flushed with no merge (10,000 Reuters stories fill 7 MB of its 128 MB).
   * Beyond, each thread adds the runs it fills: that is where indexing can be most of a build's
   * work (at 100,000 synthetic stories, with a vocabulary of millions of invented words, Lucene's
   * share of the CPU is over half), which one thread at a time would make the pace of the whole
   * parse, and the merge of the segments is a small part of a long build.
   */
  static final int ONE_SEGMENT_DOCUMENTS = 20_000;

  /**
   * Past this many characters waiting, a put adds its own at once whatever {@link #expect} said:
   * what waits is held in memory.
   */
  private static final long MOST_WAITING_CHARS = 32_000_000;

  /**
   * A document to add, or (with an id) to put in place of the one with that id; its sort values
   * ({@link #ORDER}).
   */
  private record Pending(
      Term replaces, Document doc, String source, int chars, long order, BytesRef id) {}

  /** {@link #ORDER} of pending documents. */
  private static final Comparator<Pending> IN_ORDER =
      Comparator.comparingLong(Pending::order).reversed().thenComparing(Pending::id);

  /**
   * Documents are added in runs of up to this many, each sorted into the index's order first.
   * Lucene sorts a segment into that order as it writes it (each term's postings, every stored
   * field copied once more), which was most of a flush; runs already in order make that sort
   * cheaper.
   */
  static final int RUN_DOCUMENTS = 2_000;

  /**
   * The length of a run when one thread at a time adds them ({@link #expect}): they all go into one
   * in-memory segment, so a longer run only keeps documents waiting longer, and the last one is
   * added while the other threads have nothing left to parse. 10,000 Reuters stories, alternating:
   * 3.84 against 3.94 s, and 3.82 against 3.96 s, with runs of 2,000.
   */
  static final int ONE_AT_A_TIME_RUN_DOCUMENTS = 500;

  /**
   * Up to this many documents expected, each run of a fresh index is a segment of its own ({@link
   * #segmentPerRun}); beyond, each thread's in-memory segment holds the runs it adds, as for an
   * index that is not fresh. A segment a run makes the merge into one segment, one thread's work at
   * the end of a build, go through more of them: 300,000 synthetic stories (64 segments) took 204
   * and 205 s, against 194 and 197 s with a segment a thread (alternating, one run each pair). At
   * 100,000 (50 segments) the runs' own segments were faster (see {@link #segmentPerRun}); between
   * the two, the bound is a guess.
   */
  static final int SEGMENT_PER_RUN_DOCUMENTS = 150_000;

  private final AtomicInteger waitingDocs = new AtomicInteger();

  /** Documents {@link #expect}ed and not put yet (none expected: it does not reach zero). */
  private final AtomicInteger toPut = new AtomicInteger(Integer.MAX_VALUE);

  private SearchIndexWriter(
      IndexWriter writer,
      ZoneId zone,
      LanguageFieldsAnalyzer analyzer,
      IndexInfo info,
      boolean fresh) {
    this.fresh = fresh;
    this.writer = writer;
    this.zone = zone;
    this.analyzer = analyzer;
    this.info = info;
  }

  /**
   * Opens (creating or appending to) the index in {@code directory} for a site in {@code language}
   * (ISO 639-1; null: English), analysed as {@link IndexInfo#analyzer()} of it. Appending keeps the
   * other languages the index already holds.
   */
  public static SearchIndexWriter open(
      Directory directory, String language, ZoneId zone, boolean create) throws IOException {
    IndexInfo info = create ? IndexInfo.of(language) : recorded(directory, language);
    LanguageFieldsAnalyzer analyzer = new LanguageFieldsAnalyzer(info);
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer)
            .setOpenMode(
                create
                    ? IndexWriterConfig.OpenMode.CREATE
                    : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
            .setIndexSort(ORDER)
            .setRAMBufferSizeMB(128)
            .setSimilarity(SearchSchema.similarity())
            .setCodec(new BroadsheetCodec())
            .setUseCompoundFile(false)
            .setMergePolicy(new AppendTiers())
            .setCommitOnClose(false);
    IndexWriter writer = new IndexWriter(directory, config);
    writer.setLiveCommitData(info.userData().entrySet()); // written with every commit
    return new SearchIndexWriter(writer, zone, analyzer, info, create);
  }

  /**
   * What the index in {@code directory} records, for a site in {@code language}: its other
   * languages.
   */
  private static IndexInfo recorded(Directory directory, String language) throws IOException {
    IndexInfo info = IndexInfo.of(language);
    if (!DirectoryReader.indexExists(directory)) {
      return info;
    }
    try {
      IndexInfo before = IndexInfo.read(SegmentInfos.readLatestCommit(directory).getUserData());
      if (before.language().equals(info.language())) {
        for (IndexLanguage other : before.others()) {
          info = info.with(other.code());
        }
      }
    } catch (IndexFormatException e) {
      // an index of another format: what this writer adds describes it from now on
    }
    return info;
  }

  /**
   * Says how many documents are about to be put, from as many threads as the caller likes: up to
   * {@link #ONE_SEGMENT_DOCUMENTS}, one thread at a time adds them, and the others go on.
   */
  public void expect(int documents) {
    toPut.set(documents);
    oneAtATime = documents <= ONE_SEGMENT_DOCUMENTS;
    segmentPerRun = fresh && !oneAtATime && documents <= SEGMENT_PER_RUN_DOCUMENTS;
    // a run is added as one block of documents: Lucene writes a segment when the block has made
    // its in-memory segment at least this many documents long
    writer.getConfig().setMaxBufferedDocs(segmentPerRun ? 2 : IndexWriterConfig.DISABLE_AUTO_FLUSH);
  }

  /**
   * Adds the article, replacing any earlier document with its id. An index created by this writer
   * starts empty, so there its documents are simply added (a delete per document is a term lookup
   * in every segment); the caller adds each id once, or deletes it first.
   */
  public void put(Article article, String url) throws IOException {
    Document doc = document(article, url, language(article.lang()));
    Pending p =
        new Pending(
            fresh ? null : new Term(SearchSchema.ID, article.id()),
            doc,
            article.sourcePath(),
            article.title().length() + article.body().text().length(),
            order(article),
            new BytesRef(article.id()));
    // documents wait for a run to fill (or for the drain before any other change), and the others
    // go on parsing meanwhile
    pending.add(p);
    toPut.decrementAndGet();
    long chars = waitingChars.addAndGet(p.chars());
    if (waitingDocs.incrementAndGet() < runDocuments() && chars < MOST_WAITING_CHARS) {
      return;
    }
    if (!oneAtATime) {
      addRun(); // Lucene gives this thread an in-memory segment of its own while others add
    } else if (adding.tryLock()) {
      try {
        // once all are put, what waits is left to the flush, which runs beside the next steps:
        // the parse ends, rather than this thread adding alone while the others have nothing left
        while (waitingDocs.get() >= runDocuments() && toPut.get() > 0) {
          addRun();
        }
      } finally {
        adding.unlock();
      }
    } else if (chars >= MOST_WAITING_CHARS) {
      addRun(); // what waits is held in memory: a second segment, rather than more waiting
    }
  }

  /** Documents put and not added to Lucene yet. */
  int waiting() {
    return waitingDocs.get();
  }

  /** The length of a run: {@link #RUN_DOCUMENTS}, or {@link #ONE_AT_A_TIME_RUN_DOCUMENTS}. */
  private int runDocuments() {
    return oneAtATime ? ONE_AT_A_TIME_RUN_DOCUMENTS : RUN_DOCUMENTS;
  }

  /**
   * Adds the next run of documents waiting, at most {@link #RUN_DOCUMENTS}, in the index's order
   * when they are all new: replacements keep the order they were put in, as a later put of an id
   * replaces an earlier one. A document Lucene refuses is reported once the others are added.
   */
  private void addRun() throws IOException {
    int most = runDocuments();
    List<Pending> run = new ArrayList<>(most);
    for (Pending p; run.size() < most && (p = pending.poll()) != null; ) {
      waitingChars.addAndGet(-p.chars());
      waitingDocs.decrementAndGet();
      run.add(p);
    }
    if (fresh) {
      run.sort(IN_ORDER);
    }
    if (segmentPerRun) {
      addAsSegment(run);
      return;
    }
    IllegalArgumentException refused = null;
    for (Pending p : run) {
      try {
        add(p);
      } catch (IllegalArgumentException e) { // this document alone; an IOException ends the run
        refused = also(refused, e);
      }
    }
    if (refused != null) {
      throw refused;
    }
  }

  /**
   * Adds a run as one block of documents, which Lucene keeps together in one in-memory segment and
   * (by {@link #expect}'s setting) writes as a segment of its own. Lucene refuses a block when it
   * refuses one of its documents (an immense term), and keeps what it had added of it as deleted
   * documents; the run is then added again without that document, and the refusal reported once the
   * others are in.
   */
  private void addAsSegment(List<Pending> run) throws IOException {
    List<Pending> left = run;
    IllegalArgumentException refused = null;
    while (!left.isEmpty()) {
      int[] reached = {-1};
      List<Pending> block = left;
      Iterable<Document> docs =
          () ->
              new Iterator<>() {
                @Override
                public boolean hasNext() {
                  return reached[0] + 1 < block.size();
                }

                @Override
                public Document next() {
                  return block.get(++reached[0]).doc();
                }
              };
      try {
        writer.addDocuments(docs);
        break;
      } catch (IOException e) {
        throw failed(block.get(Math.max(0, reached[0])), e);
      } catch (IllegalArgumentException e) { // the document Lucene was adding, alone
        if (reached[0] < 0) {
          throw e;
        }
        refused = also(refused, refusal(block.get(reached[0]), e));
        left = new ArrayList<>(block);
        left.remove(reached[0]);
      }
    }
    if (refused != null) {
      throw refused;
    }
  }

  /** The document's first sort value: its date's second, newest first. */
  private static long order(Article a) {
    return a.date().map(d -> d.toEpochSecond()).orElse(SearchSchema.UNDATED);
  }

  private void add(Pending p) throws IOException {
    try {
      if (p.replaces() == null) {
        writer.addDocument(p.doc());
      } else {
        writer.updateDocument(p.replaces(), p.doc());
      }
    } catch (IOException e) {
      throw failed(p, e);
    } catch (IllegalArgumentException e) { // Lucene's own refusal, e.g. of an immense term
      throw refusal(p, e);
    }
  }

  /** Lucene's failure while it added {@code p}, named by its source. */
  private static IOException failed(Pending p, IOException e) {
    return new IOException("cannot index " + p.source() + ": " + e.getMessage(), e);
  }

  /** Lucene's refusal of {@code p} alone, named by its source. */
  private static IllegalArgumentException refusal(Pending p, IllegalArgumentException e) {
    return new IllegalArgumentException(p.source() + ": " + e.getMessage(), e);
  }

  /** The refusals of a run so far with {@code next}: the first, the others suppressed in it. */
  private static IllegalArgumentException also(
      IllegalArgumentException first, IllegalArgumentException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  /** Adds every document put so far: each other change and read of the index starts with it. */
  private void drain() throws IOException {
    adding.lock();
    try {
      while (!pending.isEmpty()) {
        addRun();
      }
    } finally {
      adding.unlock();
    }
  }

  /**
   * The language an article in {@code lang} is indexed in. The first article of a language the
   * index does not hold yet records it and commits at once: a near-real-time reader (the preview's)
   * shows the last commit's user data, not the writer's live one, and must know the language's
   * fields.
   */
  private IndexLanguage language(String lang) throws IOException {
    Optional<IndexLanguage> known = info.languageOf(lang);
    if (known.isPresent()) {
      return known.get();
    }
    synchronized (this) {
      IndexInfo next = info.with(lang);
      IndexLanguage added = next.languageOf(lang).orElseThrow();
      if (next != info) {
        analyzer.add(added);
        writer.setLiveCommitData(next.userData().entrySet());
        info = next;
        writer.commit();
      }
      return added;
    }
  }

  /**
   * Adds the documents of indexes written apart (a distributed build's parts, each by a writer of
   * this class for the same site), with the other languages they recorded, and commits. The merged
   * segments keep this index's order, so a {@link #optimizeAndCommit()} after it gives the index
   * one writer would have given for the same articles.
   */
  public void addIndexes(Directory... parts) throws IOException {
    for (Directory part : parts) {
      IndexInfo recorded = IndexInfo.read(SegmentInfos.readLatestCommit(part).getUserData());
      for (IndexLanguage other : recorded.others()) {
        language(other.code());
      }
    }
    drain();
    writer.addIndexes(parts);
    writer.commit();
  }

  public void delete(String id) throws IOException {
    drain();
    writer.deleteDocuments(new Term(SearchSchema.ID, id));
  }

  /** Makes everything written so far durable and visible to new readers. */
  public void commit() throws IOException {
    drain();
    writer.commit();
  }

  /**
   * Lays the segments out as shipped ({@link AppendTiers}) and commits: a fresh index as one
   * segment; one this writer appended to keeps its old segments' files, and only small new tiers on
   * top are merged, so browsers that cached the old files keep them.
   */
  public void optimizeAndCommit() throws IOException {
    flush();
    writer.forceMerge(fresh ? 1 : AppendTiers.TIERED);
    writer.commit();
  }

  /**
   * Adds every document put so far and writes them as segments, uncommitted: a near-real-time
   * reader of the writer then reads them all without waiting for a merge.
   */
  public void flush() throws IOException {
    drain();
    flushBuffers();
  }

  /** What the index records (its languages), as the next commit will record it. */
  public IndexInfo info() {
    return info;
  }

  /**
   * Writes the documents still held in memory as segments, each indexing thread's buffer on a core
   * of its own. Left to {@code forceMerge}, they were written one after the other on the calling
   * thread (each sorted into the index order, its stored fields copied once more), which was most
   * of a build's "index" phase while the other cores idled.
   */
  private void flushBuffers() throws IOException {
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), 8);
    if (threads < 2) {
      return; // forceMerge flushes
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads - 1,
            r -> {
              Thread t = new Thread(r, "broadsheet-flush");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Void>> others = new ArrayList<>();
      for (int i = 1; i < threads; i++) {
        others.add(pool.submit(this::flushUntilNone));
      }
      flushUntilNone();
      for (Future<Void> other : others) {
        try {
          other.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IllegalStateException("flushing the index failed", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while flushing the index");
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  private Void flushUntilNone() throws IOException {
    while (writer.flushNextBuffer()) {
      // one buffer flushed; the next, or none left
    }
    return null;
  }

  /** The Lucene writer, holding every document put so far. */
  public IndexWriter writer() throws IOException {
    drain();
    return writer;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  Document document(Article a, String url, IndexLanguage language) {
    Document doc = new Document();
    doc.add(new StringField(SearchSchema.ID, a.id(), Field.Store.YES));
    doc.add(
        new SortedDocValuesField(SearchSchema.ID, new BytesRef(a.id()))); // ties of the index order
    doc.add(
        new TextField(
            language.field(SearchSchema.TEXT), a.title() + "\n" + a.body().text(), Field.Store.NO));
    doc.add(new TextField(language.field(SearchSchema.TITLE), a.title(), Field.Store.YES));
    doc.add(new TextField(language.field(SearchSchema.BYLINE), byline(a), Field.Store.NO));
    if (!language.isSite()) {
      doc.add(new StoredField(SearchSchema.LANG, language.code()));
    }
    doc.add(new StoredField(SearchSchema.BODY, a.body().text()));
    doc.add(new StoredField(SearchSchema.LEAD, a.summary()));
    doc.add(new StoredField(SearchSchema.URL, url));
    doc.add(new StoredField(SearchSchema.DATE, a.date().map(IsoDates::format).orElse("")));
    doc.add(new NumericDocValuesField(SearchSchema.DATE_SORT, order(a)));
    a.date()
        .ifPresent(
            d ->
                doc.add(
                    new NumericDocValuesField(
                        SearchSchema.DAY, d.withZoneSameInstant(zone).toLocalDate().toEpochDay())));
    keywords(doc, SearchSchema.TAGS, a.tags());
    keywords(doc, SearchSchema.SECTION, a.section().isEmpty() ? Set.of() : Set.of(a.section()));
    keywords(doc, SearchSchema.AUTHORS, a.authors());
    keywords(doc, SearchSchema.SOURCE, a.source().isEmpty() ? Set.of() : Set.of(a.source()));
    a.date()
        .ifPresent(
            d ->
                keywords(
                    doc,
                    SearchSchema.YEAR,
                    Set.of(String.valueOf(d.withZoneSameInstant(zone).getYear()))));
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
      String keyword = ArchiveSearch.keyword(v);
      // past Lucene's limit a term refuses the whole document; the parsers refuse such names
      // (Metadata.LONGEST_NAME), so this only keeps one that came another way from stopping a build
      if (keyword.length() * 3 <= IndexWriter.MAX_TERM_LENGTH
          || new BytesRef(keyword).length <= IndexWriter.MAX_TERM_LENGTH) {
        unique.add(keyword);
      }
    }
    for (String v : unique) {
      doc.add(new StringField(field, v, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(field, new BytesRef(v)));
    }
  }
}
