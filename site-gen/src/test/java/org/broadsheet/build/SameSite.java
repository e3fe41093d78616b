package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.search.ArchiveSearch;
import org.broadsheet.search.IndexInfo;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SortOrder;

/**
 * Two builds of one site compared as readers meet them: every published file byte for byte, and the
 * search index by its answers, since its files carry Lucene's random segment ids. Used by {@link
 * IncrementalBuildTest} and, through site-gen's test jar, by site-gen-spark's identity test.
 */
public final class SameSite {
  private SameSite() {}

  /**
   * Asserts that {@code actual} holds the files {@code expected} holds, with the same bytes (but
   * for the index, see {@link #files}); returns their site paths.
   */
  public static Set<String> assertSameFiles(Path expected, Path actual) throws IOException {
    Map<String, byte[]> want = files(expected);
    Map<String, byte[]> got = files(actual);
    assertEquals(want.keySet(), got.keySet(), "the same files");
    for (String path : want.keySet()) {
      assertEquals(new String(want.get(path)), new String(got.get(path)), path);
    }
    return want.keySet();
  }

  /**
   * Each query's total and facets, by relevance and by date, and its hits: ids, float bits of
   * scores, urls and snippets; last the number of documents. Equal lists mean equal answers.
   */
  public static List<String> searchResults(Path site, List<String> queries) throws IOException {
    List<String> lines = new ArrayList<>();
    try (var d = FSDirectory.open(site.resolve("search/lucene"));
        var reader = DirectoryReader.open(d)) {
      ArchiveSearch search = new ArchiveSearch(reader, IndexInfo.read(reader));
      for (String q : queries) {
        for (SortOrder sort : List.of(SortOrder.RELEVANCE, SortOrder.DATE)) {
          var results =
              search.search(new SearchRequest(q, 20, 0, null, null, null, null, sort, true));
          lines.add(q + " " + sort + " total " + results.total() + " " + results.facets());
          results
              .hits()
              .forEach(
                  h ->
                      lines.add(
                          h.id()
                              + " "
                              + Float.floatToIntBits(h.score())
                              + " "
                              + h.url()
                              + " "
                              + h.snippet()));
        }
      }
      lines.add("documents " + reader.numDocs());
    }
    return lines;
  }

  /**
   * Files by site path, but for the Lucene index and what names its files for the browser (their
   * bytes carry Lucene's random segment ids; the index is compared by its search results) and the
   * marker (the build's id).
   */
  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String path = root.relativize(p).toString().replace('\\', '/');
        if (!path.startsWith("search/lucene/")
            && !path.equals("search/manifest.json")
            && !path.matches("search/[0-9a-f]{16}\\.(open|query)")
            && !path.startsWith("search/offline/")
            && !path.equals(".broadsheet-site")) {
          files.put(path, Files.readAllBytes(p));
        }
      }
    }
    return files;
  }
}
