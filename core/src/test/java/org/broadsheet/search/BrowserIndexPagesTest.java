package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
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
 * What the browser reads besides the index itself (which it reads in ranges of search/lucene/): the
 * manifest that names every index file with its length and hash, the open bundle, and only for
 * --offline the index as script chunks.
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

  static Map<String, Object> manifest(Path search) throws IOException {
    return JSON.std.mapFrom(
        Files.readString(search.resolve("manifest.json"), StandardCharsets.UTF_8));
  }

  /** A site's search/ folder holding a copy of the index in lucene/. */
  static Path searchFolder(String name, Path index) throws IOException {
    Path search = tmp.resolve(name);
    Files.createDirectories(search.resolve("lucene"));
    try (Stream<Path> files = Files.list(index)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, search.resolve("lucene").resolve(f.getFileName()));
      }
    }
    return search;
  }

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void manifestNamesEveryIndexFileWithLengthAndHashAndTheIndexLanguage() throws IOException {
    Path search = searchFolder("search-de", lucene);
    Files.writeString(search.resolve("lucene/write.lock"), ""); // as a closed writer leaves it
    List<Path> written = new BrowserIndexPages(PAGE_SIZE).writeFiles(search, false);

    Map<String, Object> m = manifest(search);
    assertEquals(6, ((Number) m.get("format")).intValue());
    assertEquals(PAGE_SIZE, ((Number) m.get("pageSize")).intValue());
    assertEquals(1 << 20, ((Number) m.get("chunkSize")).intValue());
    assertEquals("de", m.get("language"), "the language the index records");
    assertEquals(
        List.of("de"), m.get("languages"), "the analyses the index holds, which pick the runtime");
    assertFalse(m.containsKey("stopwords"), "the stop words travel in the index's commit data");
    assertTrue(
        Files.isRegularFile(search.resolve(m.get("open") + ".open")),
        "open bundle " + m.get("open"));

    List<String> names = names(search.resolve("lucene"));
    assertFalse(names.contains("write.lock"), "the closed writer's lock is not shipped");
    List<Map<String, Object>> files = (List<Map<String, Object>>) m.get("files");
    assertEquals(names, files.stream().map(f -> (String) f.get("name")).toList());
    for (Map<String, Object> f : files) {
      Path file = search.resolve("lucene").resolve((String) f.get("name"));
      assertEquals(Files.size(file), ((Number) f.get("length")).longValue(), f.toString());
      assertEquals(16, ((String) f.get("hash")).length(), f.toString());
    }
    String query = ((Map<String, Object>) m.get("query")).get("bundle") + ".query";
    assertEquals(
        List.of(m.get("open") + ".open", query, "lucene", "manifest.json"),
        names(search).stream()
            .sorted(java.util.Comparator.comparing(n -> !n.endsWith(".open")))
            .toList(),
        "the index is shipped once, in lucene/: no pages, no scripts");
    assertEquals(
        List.of(
            search.resolve(m.get("open") + ".open"),
            search.resolve(query),
            search.resolve("manifest.json")),
        written,
        "it names what it wrote");
  }

  /**
   * The open bundle carries what opening reads and the whole terms index; the norms and the
   * stored-fields index, whole, wait in the query bundle that the first search fetches.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theNormsAndStoredFieldsIndexWaitForTheFirstQueryInTheirOwnBundle() throws IOException {
    Path search = searchFolder("search-bundles", lucene);
    new BrowserIndexPages(PAGE_SIZE).writeFiles(search, false);
    Map<String, Object> m = manifest(search);
    Map<String, Object> query = (Map<String, Object>) m.get("query");
    List<String> names = names(search.resolve("lucene"));
    List<String> expected =
        names.stream().filter(n -> n.endsWith(".nvd") || n.endsWith(".fdx")).toList();
    assertEquals(2, expected.size(), names.toString());
    assertEquals(expected, query.get("files"));

    Map<String, List<long[]>> open = pieces(search.resolve(m.get("open") + ".open"));
    Map<String, List<long[]>> later = pieces(search.resolve(query.get("bundle") + ".query"));
    assertEquals(new java.util.TreeSet<>(expected), later.keySet());
    for (String name : names) {
      if (!name.matches(".*\\.(tip|nvd|fdx)")) {
        continue; // metadata files: opening reads them whole
      }
      long length = Files.size(search.resolve("lucene").resolve(name));
      if (name.endsWith(".tip")) {
        assertTrue(
            open.get(name).stream().anyMatch(r -> r[0] == 0 && r[1] == length), name + " whole");
      }
      if (expected.contains(name)) {
        assertEquals(1, later.get(name).size(), name);
        assertArrayEquals(new long[] {0, length}, later.get(name).get(0), name + " whole");
        assertTrue(
            open.containsKey(name), name + ": what opening reads of it stays in the open bundle");
      }
    }
  }

  /** The [offset, length] pieces of each file in a bundle (OpenBundleFile's format). */
  private static Map<String, List<long[]>> pieces(Path bundle) throws IOException {
    java.io.DataInputStream in =
        new java.io.DataInputStream(new java.io.ByteArrayInputStream(Files.readAllBytes(bundle)));
    assertEquals("BSOB", new String(in.readNBytes(4), StandardCharsets.US_ASCII));
    assertEquals(2, in.readUnsignedByte());
    Map<String, List<long[]>> pieces = new java.util.TreeMap<>();
    for (int n = in.readUnsignedShort(); n > 0; n = in.readUnsignedShort()) {
      String name = new String(in.readNBytes(n), StandardCharsets.UTF_8);
      long offset = in.readInt() & 0xFFFFFFFFL;
      int length = in.readInt();
      in.skipNBytes(length);
      pieces.computeIfAbsent(name, k -> new ArrayList<>()).add(new long[] {offset, length});
    }
    return pieces;
  }

  /** name to hash, as the manifest of {@code search} gives them */
  @SuppressWarnings("unchecked")
  static Map<String, String> hashes(Path search) throws IOException {
    Map<String, String> hashes = new java.util.TreeMap<>();
    for (Map<String, Object> f : (List<Map<String, Object>>) manifest(search).get("files")) {
      hashes.put((String) f.get("name"), (String) f.get("hash"));
    }
    return hashes;
  }

  @Test
  void aFileKeepsItsHashAndAnotherFileUnderTheSameNameGetsAnother() throws IOException {
    Path same = searchFolder("search-same-a", lucene);
    Path copy = searchFolder("search-same-b", lucene);
    Path other = tmp.resolve("other-index");
    try (FSDirectory dir = FSDirectory.open(other);
        SearchIndexWriter w = SearchIndexWriter.open(dir, "de", ZoneId.of("UTC"), true)) {
      Article a =
          ArchiveSearchTest.article(
              "gesetz",
              "Bundestag beschließt das Gesetz",
              "Ein anderer Text.",
              "2024-03-01T10:00:00Z",
              List.of("Politik"),
              "inland");
      w.put(a, "articles/" + a.slug() + "/");
      w.optimizeAndCommit();
    }
    Path rebuilt = searchFolder("search-rebuilt", other);
    for (Path search : List.of(same, copy, rebuilt)) {
      // a file without Lucene's header and footer is hashed whole
      Files.writeString(search.resolve("lucene/notes.txt"), search == rebuilt ? "b" : "a");
      new BrowserIndexPages(PAGE_SIZE).writeFiles(search, false);
    }

    assertEquals(hashes(same), hashes(copy), "the same bytes, the same hashes");
    Map<String, String> before = hashes(same);
    Map<String, String> after = hashes(rebuilt);
    assertTrue(before.keySet().containsAll(after.keySet()), "a clean build reuses the names");
    for (String name : after.keySet()) {
      assertFalse(
          before.get(name).equals(after.get(name)), name + ": other bytes under the same name");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void offlineWritesTheIndexAsScriptChunksThatDecodeToItsFiles() throws IOException {
    Path search = searchFolder("search-offline", lucene);
    List<Path> written = new BrowserIndexPages(PAGE_SIZE).writeFiles(search, true);
    Map<String, Object> m = manifest(search);
    Path offline = search.resolve("offline");
    try (Stream<Path> files = Files.walk(search)) {
      assertEquals(
          files
              .filter(f -> Files.isRegularFile(f) && !f.startsWith(search.resolve("lucene")))
              .sorted()
              .toList(),
          written.stream().sorted().toList(),
          "it names every file it wrote, once");
    }

    String js = Files.readString(offline.resolve("manifest.js"), StandardCharsets.UTF_8);
    String prefix = "self.broadsheetManifest=";
    assertTrue(js.startsWith(prefix) && js.endsWith(";\n"), js);
    assertEquals(m, JSON.std.mapFrom(js.substring(prefix.length(), js.length() - 2)));
    assertArrayEquals(
        Files.readAllBytes(search.resolve(m.get("open") + ".open")),
        chunk(offline, m.get("open") + ".open"));
    String query = ((Map<String, Object>) m.get("query")).get("bundle") + ".query";
    assertArrayEquals(Files.readAllBytes(search.resolve(query)), chunk(offline, query));
    for (Map<String, Object> f : (List<Map<String, Object>>) m.get("files")) {
      // these files are small: one chunk each
      assertArrayEquals(
          Files.readAllBytes(search.resolve("lucene").resolve((String) f.get("name"))),
          chunk(offline, f.get("hash") + "-0"),
          f.toString());
      assertFalse(Files.exists(offline.resolve(f.get("hash") + "-1.js")), f.toString());
    }
  }

  private static byte[] chunk(Path offline, String key) throws IOException {
    String js = Files.readString(offline.resolve(key + ".js"), StandardCharsets.UTF_8);
    String prefix = "(self.broadsheetChunks=self.broadsheetChunks||{})[\"" + key + "\"]=\"";
    assertTrue(js.startsWith(prefix) && js.endsWith("\";\n"), key);
    return Base64.getDecoder().decode(js.substring(prefix.length(), js.length() - 3));
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
    Path search = searchFolder("search-mixed", mixed);
    new BrowserIndexPages(PAGE_SIZE).writeFiles(search, false);
    Map<String, Object> m = manifest(search);
    assertEquals("en-US", m.get("language"));
    assertEquals(List.of("en", "fa"), m.get("languages"), "analyses, the site's first");
  }
}
