package org.broadsheet.search.pages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes the browser's copy of the shipped Lucene index: {@code search/lucene/} cut into fixed-size,
 * content-addressed pages under {@code search/pages/} ({@link PageFile}), the open bundle
 * ({@link OpenBundleFile}) and the manifest that ties them together ({@link PageManifest}).
 *
 * <p>Call after the index is committed: {@code BrowserIndexPages.write(site.resolve("search/lucene"),
 * site.resolve("search/pages"), language)}.
 */
public final class BrowserIndexPages {
  /** Measured best for bytes per query on 10,000 Reuters stories (see bench/browser-bytes.sh). */
  public static final int DEFAULT_PAGE_SIZE = 4096;

  private final int pageSize;

  public BrowserIndexPages(int pageSize) {
    this.pageSize = pageSize;
  }

  public int pageSize() {
    return pageSize;
  }

  public static void write(Path lucene, Path pages, String language) throws IOException {
    new BrowserIndexPages(DEFAULT_PAGE_SIZE).writePages(lucene, pages, language);
  }

  /** Writes the pages, bundle and manifest; returns the number of distinct pages. */
  public int writePages(Path lucene, Path pages, String language) throws IOException {
    Files.createDirectories(pages);
    List<PageManifest.Entry> entries = new ArrayList<>();
    String[] names;
    try (FSDirectory dir = FSDirectory.open(lucene)) {
      names = Arrays.stream(dir.listAll()).filter(n -> !n.equals("write.lock")).sorted().toArray(String[]::new);
    }
    int count = 0;
    for (String name : names) {
      List<String> hashes = new ArrayList<>();
      Path file = lucene.resolve(name);
      byte[] buffer = new byte[pageSize];
      try (InputStream in = Files.newInputStream(file)) {
        int n;
        while ((n = in.readNBytes(buffer, 0, pageSize)) > 0) {
          hashes.add(PageFile.write(pages, ".bin", buffer, n));
          count++;
        }
      }
      entries.add(new PageManifest.Entry(name, Files.size(file), hashes));
    }
    byte[] bundle = OpenBundleFile.encode(openReads(lucene));
    String open = PageFile.write(pages, ".open", bundle, bundle.length);
    PageManifest manifest = new PageManifest(pageSize, language == null ? "en" : language, open, entries);
    Files.writeString(pages.resolve("manifest.json"), manifest.json(), StandardCharsets.UTF_8);
    Files.writeString(pages.resolve("manifest.js"), manifest.script(), StandardCharsets.UTF_8);
    return count;
  }

  /** What the browser reads to open the index and create its searcher. */
  private static java.util.Map<String, List<ReadTracer.Piece>> openReads(Path lucene) throws IOException {
    try (FSDirectory fs = FSDirectory.open(lucene); ReadTracer tracer = new ReadTracer(fs);
        DirectoryReader reader = DirectoryReader.open(tracer)) {
      new IndexSearcher(reader);
      return tracer.pieces();
    }
  }
}
