package org.broadsheet.search.pages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.search.IndexInfo;
import org.broadsheet.search.SearchSchema;

/**
 * Writes the browser's copy of the shipped Lucene index: {@code search/lucene/} cut into
 * fixed-size, content-addressed pages under {@code search/pages/} ({@link PageFile}), the open
 * bundle ({@link OpenBundleFile}) and the manifest that ties them together ({@link PageManifest}).
 *
 * <p>Call after the index is committed: {@code
 * BrowserIndexPages.write(site.resolve("search/lucene"), site.resolve("search/pages"))}. The
 * manifest's languages are the ones the index records ({@link IndexInfo}).
 */
public final class BrowserIndexPages {
  /**
   * Bytes per page. Measured on 10,000 Reuters stories (bench/browser-bytes.sh, 60 queries, gzip):
   * 4 KB pages: first query 30 KB, later median 38 KB, worst 100 KB; 2 KB: 17 / 29 / 81 KB; 1 KB:
   * 12 / 23 / 58 KB. Smaller pages cost more requests, not more bytes.
   */
  public static final int DEFAULT_PAGE_SIZE = 1024;

  /**
   * Whole files the open bundle carries besides what opening reads, in this order, while their sum
   * stays within {@link #WHOLE_FILE_BUDGET}: the terms index (its FST is walked a byte at a time,
   * so each page it needs would cost a round trip of its own), the norms (read for every matching
   * document) and the stored-fields index (read for every hit, and to find a hit's whole chunk).
   * Small archives get all three; large ones get what fits and page the rest.
   */
  static final List<String> WHOLE_FILES = List.of("tip", "nvd", "fdx");

  /** Bytes of whole files the open bundle may carry (before gzip). */
  static final long WHOLE_FILE_BUDGET = 48 * 1024;

  private final int pageSize;

  public BrowserIndexPages(int pageSize) {
    this.pageSize = pageSize;
  }

  public int pageSize() {
    return pageSize;
  }

  public static void write(Path lucene, Path pages) throws IOException {
    new BrowserIndexPages(DEFAULT_PAGE_SIZE).writePages(lucene, pages);
  }

  /** Writes the pages, bundle and manifest; returns the number of distinct pages. */
  public int writePages(Path lucene, Path pages) throws IOException {
    Files.createDirectories(pages);
    List<PageManifest.Entry> entries = new ArrayList<>();
    String[] names;
    try (FSDirectory dir = FSDirectory.open(lucene)) {
      names =
          Arrays.stream(dir.listAll())
              .filter(n -> !n.equals("write.lock"))
              .sorted()
              .toArray(String[]::new);
    }
    int count = 0;
    for (String name : names) {
      Path file = lucene.resolve(name);
      String hash = PageFile.hashFile(file);
      byte[] buffer = new byte[pageSize];
      try (InputStream in = Files.newInputStream(file)) {
        int n;
        for (int page = 0; (n = in.readNBytes(buffer, 0, pageSize)) > 0; page++) {
          PageFile.write(pages, hash + "-" + page + ".bin", buffer, n);
          count++;
        }
      }
      entries.add(new PageManifest.Entry(name, Files.size(file), hash));
    }
    byte[] bundle = OpenBundleFile.encode(openReads(lucene, names));
    String open = PageFile.hash(bundle, bundle.length);
    PageFile.write(pages, open + ".open", bundle, bundle.length);
    IndexInfo info = info(lucene);
    PageManifest manifest =
        new PageManifest(pageSize, info.language(), analyses(info), open, entries);
    Files.writeString(pages.resolve("manifest.json"), manifest.json(), StandardCharsets.UTF_8);
    Files.writeString(pages.resolve("manifest.js"), manifest.script(), StandardCharsets.UTF_8);
    return count;
  }

  private static IndexInfo info(Path lucene) throws IOException {
    try (FSDirectory fs = FSDirectory.open(lucene);
        DirectoryReader reader = DirectoryReader.open(fs)) {
      return IndexInfo.read(reader);
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

  /**
   * What the browser reads to open the index and create its searcher, plus the {@link #WHOLE_FILES}
   * that fit the budget.
   */
  private static Map<String, List<ReadTracer.Piece>> openReads(Path lucene, String[] names)
      throws IOException {
    Map<String, List<ReadTracer.Piece>> pieces;
    try (FSDirectory fs = FSDirectory.open(lucene);
        ReadTracer tracer = new ReadTracer(fs);
        DirectoryReader reader = DirectoryReader.open(tracer)) {
      new IndexSearcher(reader);
      pieces = new TreeMap<>(tracer.pieces());
    }
    long budget = WHOLE_FILE_BUDGET;
    for (String extension : WHOLE_FILES) {
      for (String name : names) {
        Path file = lucene.resolve(name);
        if (name.endsWith("." + extension) && Files.size(file) <= budget) {
          budget -= Files.size(file);
          pieces.put(name, List.of(new ReadTracer.Piece(0, Files.readAllBytes(file))));
        }
      }
    }
    return pieces;
  }
}
