package org.broadsheet.search.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.broadsheet.search.IndexInfo;
import org.broadsheet.search.SearchSchema;

/**
 * Writes what the browser needs besides the shipped Lucene index itself, which it reads in byte
 * ranges from {@code search/lucene/} (one copy of the index serves the command line, {@code serve}
 * and the browser):
 *
 * <pre>
 * search/manifest.json      every index file with its length and hash (PageManifest)
 * search/&lt;hash&gt;.open        what opening the index reads, in one request, and the postings map (OpenBundleFile)
 * search/&lt;hash&gt;.query       whole files nearly every query reads (the same format), with the first query
 * search/offline/           only for --offline and pack: the index as scripts, for file:// (OfflineChunks)
 * </pre>
 *
 * So a site's {@code search/} holds {@code segments_N}, the files of its segments (16 each with
 * {@link org.broadsheet.search.BroadsheetCodec}, plus a {@code .liv} where articles were replaced),
 * these two files and the runtime, however many articles it has. Call after the index is committed
 * and its writer closed: {@code BrowserIndexPages.write(site.resolve("search"), offline)}. The lock
 * file the closed writer left is removed (no reader needs it); the manifest's languages are the
 * ones the index records ({@link IndexInfo}).
 */
public final class BrowserIndexPages {
  /**
   * Bytes per logical page. Measured on 10,000 Reuters stories (bench/browser-bytes.sh, 60 queries,
   * gzip): 4 KB pages: first query 30 KB, later median 38 KB, worst 100 KB; 2 KB: 17 / 29 / 81 KB;
   * 1 KB: 12 / 23 / 58 KB. With Range reads a run of adjacent pages costs one request, so small
   * pages no longer cost requests, only the bookkeeping of a few more page numbers.
   */
  public static final int DEFAULT_PAGE_SIZE = 1024;

  /**
   * Whole files the bundles carry, in this order, while their sum stays within {@link
   * #WHOLE_FILE_BUDGET}: the terms index (its FST is walked a byte at a time, so each page it needs
   * would cost a round trip of its own) goes in the open bundle; the norms (read for every matching
   * document) and the stored-fields index (read for every hit, and to find a hit's whole chunk) in
   * the query bundle, which the browser fetches with its first query, beside that query's first
   * round: a reader who never searches does not download them (23 KB gzip at 10,000 Reuters
   * stories). Small archives get all three; large ones get what fits and page the rest.
   */
  static final List<String> WHOLE_FILES = List.of("tip", "nvd", "fdx");

  /** Of {@link #WHOLE_FILES}, those the open bundle carries. */
  static final Set<String> OPEN_WHOLE_FILES = Set.of("tip");

  /** Bytes of whole files the bundles may carry (before gzip). */
  static final long WHOLE_FILE_BUDGET = 48 * 1024;

  static final String LOCK = "write.lock";

  private final int pageSize;

  public BrowserIndexPages(int pageSize) {
    if (pageSize <= 0 || OfflineChunks.CHUNK_SIZE % pageSize != 0) {
      throw new IllegalArgumentException("page size must divide " + OfflineChunks.CHUNK_SIZE);
    }
    this.pageSize = pageSize;
  }

  public int pageSize() {
    return pageSize;
  }

  /** Writes the browser's files for the index in {@code search/lucene/}; returns them. */
  public static List<Path> write(Path search, boolean offline) throws IOException {
    return new BrowserIndexPages(DEFAULT_PAGE_SIZE).writeFiles(search, offline);
  }

  /**
   * Writes the manifest and open bundle into {@code search}, and with {@code offline} the scripts
   * under {@code search/offline/}; returns the files written.
   */
  public List<Path> writeFiles(Path search, boolean offline) throws IOException {
    Path lucene = search.resolve("lucene");
    removeLock(lucene);
    Path scripts = search.resolve("offline");
    if (offline) {
      Files.createDirectories(scripts);
    }
    List<Path> written = new ArrayList<>();
    String[] names;
    List<PageManifest.Entry> entries = new ArrayList<>();
    try (FSDirectory dir = FSDirectory.open(lucene)) {
      names =
          Arrays.stream(dir.listAll()).filter(n -> !n.equals(LOCK)).sorted().toArray(String[]::new);
      for (String name : names) {
        Path file = lucene.resolve(name);
        String hash = IndexFiles.hashFile(dir, name);
        entries.add(new PageManifest.Entry(name, dir.fileLength(name), hash));
        if (offline) {
          written.addAll(OfflineChunks.writeFile(scripts, file, hash));
        }
      }
    }
    Map<String, List<ReadTracer.Piece>> openPieces = openReads(lucene);
    Map<String, List<ReadTracer.Piece>> queryPieces = new TreeMap<>();
    wholeFiles(lucene, names, openPieces, queryPieces);
    byte[] bundle = OpenBundleFile.encode(openPieces, postingsMap(lucene));
    String open = IndexFiles.hash(bundle, bundle.length);
    written.add(Files.write(search.resolve(open + ".open"), bundle));
    PageManifest.Bundle query = null;
    byte[] queryBundle = null;
    if (!queryPieces.isEmpty()) {
      queryBundle = OpenBundleFile.encode(queryPieces, new byte[0]);
      query =
          new PageManifest.Bundle(
              IndexFiles.hash(queryBundle, queryBundle.length), List.copyOf(queryPieces.keySet()));
      written.add(Files.write(search.resolve(query.hash() + ".query"), queryBundle));
    }
    IndexInfo info = info(lucene);
    PageManifest manifest =
        new PageManifest(
            pageSize,
            OfflineChunks.CHUNK_SIZE,
            info.language(),
            analyses(info),
            open,
            query,
            entries);
    written.add(
        Files.writeString(
            search.resolve("manifest.json"), manifest.json(), StandardCharsets.UTF_8));
    if (offline) {
      written.add(OfflineChunks.write(scripts, open + ".open", bundle, bundle.length));
      if (query != null) {
        written.add(
            OfflineChunks.write(scripts, query.hash() + ".query", queryBundle, queryBundle.length));
      }
      written.add(
          Files.writeString(
              scripts.resolve("manifest.js"), manifest.script(), StandardCharsets.UTF_8));
    }
    return written;
  }

  /**
   * Deletes the lock file a closed writer leaves behind: it is no part of the index, and a static
   * host would ship it. Only when the lock can be taken, i.e. no writer holds it.
   */
  private static void removeLock(Path lucene) throws IOException {
    Path lock = lucene.resolve(LOCK);
    if (!Files.isRegularFile(lock)) {
      return;
    }
    try (FSDirectory dir = FSDirectory.open(lucene)) {
      Lock held = dir.obtainLock(LOCK);
      held.close();
    } catch (LockObtainFailedException busy) {
      return; // a writer is still open: leave its lock alone
    }
    Files.deleteIfExists(lock);
  }

  private static IndexInfo info(Path lucene) throws IOException {
    try (FSDirectory fs = FSDirectory.open(lucene);
        DirectoryReader reader = DirectoryReader.open(fs)) {
      return IndexInfo.read(reader);
    }
  }

  private static byte[] postingsMap(Path lucene) throws IOException {
    try (FSDirectory fs = FSDirectory.open(lucene);
        DirectoryReader reader = DirectoryReader.open(fs)) {
      return PostingsMapFile.encode(reader);
    }
  }

  /**
   * The analysis of every language the index holds, the site's first: what the runtime must carry.
   */
  private static List<String> analyses(IndexInfo info) {
    List<String> analyses = new ArrayList<>();
    info.languages().forEach(l -> analyses.add(SearchSchema.analysis(l.code())));
    return analyses;
  }

  /** What the browser reads to open the index and create its searcher. */
  private static Map<String, List<ReadTracer.Piece>> openReads(Path lucene) throws IOException {
    try (FSDirectory fs = FSDirectory.open(lucene);
        ReadTracer tracer = new ReadTracer(fs);
        DirectoryReader reader = DirectoryReader.open(tracer)) {
      new IndexSearcher(reader);
      return new TreeMap<>(tracer.pieces());
    }
  }

  /**
   * Puts the {@link #WHOLE_FILES} that fit the budget into the open bundle's pieces (a whole file
   * there replaces what opening reads of it) or the query bundle's.
   */
  private static void wholeFiles(
      Path lucene,
      String[] names,
      Map<String, List<ReadTracer.Piece>> open,
      Map<String, List<ReadTracer.Piece>> query)
      throws IOException {
    long budget = WHOLE_FILE_BUDGET;
    for (String extension : WHOLE_FILES) {
      for (String name : names) {
        Path file = lucene.resolve(name);
        if (name.endsWith("." + extension) && Files.size(file) <= budget) {
          budget -= Files.size(file);
          List<ReadTracer.Piece> whole = List.of(new ReadTracer.Piece(0, Files.readAllBytes(file)));
          (OPEN_WHOLE_FILES.contains(extension) ? open : query).put(name, whole);
        }
      }
    }
  }
}
