package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.content.Article;
import org.broadsheet.search.pages.BrowserIndexPages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser's copy of the index: pages, open bundle and the manifest that names them and the
 * language.
 */
class BrowserIndexPagesTest {
  static final int PAGE_SIZE = 512;

  @TempDir static Path tmp;
  static Path lucene;

  @BeforeAll
  static void index() throws IOException {
    lucene = tmp.resolve("lucene");
    Files.createDirectories(lucene);
    try (FSDirectory dir = FSDirectory.open(lucene);
        SearchIndexWriter w = SearchIndexWriter.open(dir, "de", ZoneId.of("UTC"), true)) {
      for (Article a :
          List.of(
              ArchiveSearchTest.article(
                  "gesetz",
                  "Bundestag beschließt das Gesetz",
                  "Der Bundestag hat das neue Gesetz über die Bahn beschlossen.",
                  "2024-03-01T10:00:00Z",
                  List.of("Politik"),
                  "inland"),
              ArchiveSearchTest.article(
                  "haushalt",
                  "Streit um den Haushalt",
                  "Die Minister verhandeln über die Änderungen des Haushalts für das nächste Jahr.",
                  "2023-11-20T12:00:00Z",
                  List.of("Finanzen"),
                  "inland"))) {
        w.put(a, "articles/" + a.slug() + "/");
      }
      w.optimizeAndCommit();
    }
  }

  static Map<String, Object> manifest(Path pages) throws IOException {
    return JSON.std.mapFrom(
        Files.readString(pages.resolve("manifest.json"), StandardCharsets.UTF_8));
  }

  @Test
  @SuppressWarnings("unchecked")
  void manifestIsJsonWithTheIndexLanguageAndEveryIndexFile() throws IOException {
    Path pages = tmp.resolve("pages-de");
    int count = new BrowserIndexPages(PAGE_SIZE).writePages(lucene, pages);

    Map<String, Object> m = manifest(pages);
    assertEquals(4, ((Number) m.get("format")).intValue());
    assertEquals(PAGE_SIZE, ((Number) m.get("pageSize")).intValue());
    assertEquals("de", m.get("language"), "the language the index records");
    assertEquals(
        List.of("de"), m.get("languages"), "the analyses the index holds, which pick the runtime");
    assertFalse(m.containsKey("stopwords"), "the stop words travel in the index's commit data");
    assertTrue(
        Files.isRegularFile(pages.resolve(m.get("open") + ".open")),
        "open bundle " + m.get("open"));

    List<String> names;
    try (Stream<Path> files = Files.list(lucene)) {
      names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.equals("write.lock"))
              .sorted()
              .toList();
    }
    List<Map<String, Object>> files = (List<Map<String, Object>>) m.get("files");
    assertEquals(names, files.stream().map(f -> (String) f.get("name")).toList());
    int pagesExpected = 0;
    for (Map<String, Object> f : files) {
      long length = ((Number) f.get("length")).longValue();
      assertEquals(Files.size(lucene.resolve((String) f.get("name"))), length, f.toString());
      int n = (int) ((length + PAGE_SIZE - 1) / PAGE_SIZE);
      for (int i = 0; i < n; i++) {
        assertTrue(
            Files.isRegularFile(pages.resolve(f.get("hash") + "-" + i + ".bin")), f + " page " + i);
      }
      assertFalse(
          Files.exists(pages.resolve(f.get("hash") + "-" + n + ".bin")),
          f + " has " + n + " pages");
      pagesExpected += n;
    }
    assertEquals(pagesExpected, count);

    // manifest.js, for file://, carries the same object
    String js = Files.readString(pages.resolve("manifest.js"), StandardCharsets.UTF_8);
    String prefix = "self.broadsheetManifest=";
    assertTrue(js.startsWith(prefix) && js.endsWith(";\n"), js);
    assertEquals(m, JSON.std.mapFrom(js.substring(prefix.length(), js.length() - 2)));
  }

  @Test
  void manifestListsEveryLanguageOfAMixedIndexSoThatTheBrowserLoadsTheirAnalyzers()
      throws IOException {
    Path mixed = tmp.resolve("lucene-mixed");
    Files.createDirectories(mixed);
    try (FSDirectory dir = FSDirectory.open(mixed);
        SearchIndexWriter w = SearchIndexWriter.open(dir, "en-US", ZoneId.of("UTC"), true)) {
      for (Article a : MixedLanguageSearchTest.both()) {
        w.put(a, "articles/" + a.slug() + "/");
      }
      w.optimizeAndCommit();
    }
    Path pages = tmp.resolve("pages-mixed");
    new BrowserIndexPages(PAGE_SIZE).writePages(mixed, pages);
    Map<String, Object> m = manifest(pages);
    assertEquals("en-US", m.get("language"));
    assertEquals(List.of("en", "fa"), m.get("languages"), "analyses, the site's first");
  }
}
