package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.broadsheet.content.Article;
import org.junit.jupiter.api.Test;

/** The index describes itself in its commit user data, and every reader goes by it. */
class IndexInfoTest {
  static final Article VIENNA =
      ArchiveSearchTest.article(
          "vienna",
          "Gespräche in Wien",
          "Die Unterhändler trafen sich in Wien über das Abkommen.",
          "2022-08-08T06:00:00Z",
          List.of(),
          "welt");

  static ByteBuffersDirectory index(String language) throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (SearchIndexWriter w = SearchIndexWriter.open(dir, language, ZoneId.of("UTC"), true)) {
      w.put(VIENNA, "articles/vienna/");
      w.optimizeAndCommit();
    }
    return dir;
  }

  @Test
  void theWriterRecordsFormatLanguageAndStopWords() throws IOException {
    try (ByteBuffersDirectory dir = index("de");
        DirectoryReader reader = DirectoryReader.open(dir)) {
      Map<String, String> data = reader.getIndexCommit().getUserData();
      assertEquals(String.valueOf(IndexInfo.FORMAT), data.get("broadsheet.format"));
      assertEquals("de", data.get("broadsheet.language"));
      IndexInfo info = IndexInfo.read(reader);
      assertEquals(
          new IndexInfo(IndexInfo.FORMAT, "de", SearchSchema.stopwords("de"), List.of()), info);
      assertTrue(
          info.stopwords().containsAll(List.of("der", "die", "und", "über", "für")),
          info.stopwords().toString());
      // searching with the recorded analyzer finds the German stem ("Gespräch" for "Gespräche")
      SearchResults r = new ArchiveSearch(reader, info).search(SearchRequest.of("gespräch"));
      assertEquals(1, r.total());
    }
  }

  @Test
  void languagesWithoutStopWordsRecordNoneAndNoLanguageMeansEnglish() throws IOException {
    try (ByteBuffersDirectory dir = index("xx");
        DirectoryReader reader = DirectoryReader.open(dir)) {
      assertEquals(
          new IndexInfo(IndexInfo.FORMAT, "xx", List.of(), List.of()), IndexInfo.read(reader));
    }
    try (ByteBuffersDirectory dir = index(null);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexInfo info = IndexInfo.read(reader);
      assertEquals("en", info.language());
      assertEquals(SearchSchema.stopwords("en"), info.stopwords());
    }
  }

  @Test
  void userDataReadsBackAsTheSameInfo() {
    IndexInfo fa = IndexInfo.of("fa");
    assertEquals(fa, IndexInfo.read(fa.userData()));
    assertTrue(fa.stopwords().size() > 100, fa.stopwords().toString());
  }

  @Test
  void anIndexWithoutTheFormatIsRefusedWithTheAdviceToRebuild() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter plain =
          new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
        plain.commit(); // as Broadsheet wrote indexes before they described themselves
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexFormatException e =
            assertThrows(IndexFormatException.class, () -> IndexInfo.read(reader));
        assertEquals(
            "the search index has no format version: it was built by another Broadsheet version; "
                + "rebuild the site",
            e.getMessage());
      }
    }
  }

  @Test
  void anotherFormatOrAMissingLanguageIsRefused() {
    Map<String, String> newer = new HashMap<>(IndexInfo.of("en").userData());
    newer.put("broadsheet.format", String.valueOf(IndexInfo.FORMAT + 1));
    assertEquals(
        "the search index has format "
            + (IndexInfo.FORMAT + 1)
            + ", this Broadsheet reads format "
            + IndexInfo.FORMAT
            + ": it was built by another Broadsheet version; rebuild the site",
        assertThrows(IndexFormatException.class, () -> IndexInfo.read(newer)).getMessage());
    Map<String, String> noLanguage = new HashMap<>(IndexInfo.of("en").userData());
    noLanguage.remove("broadsheet.language");
    assertTrue(
        assertThrows(IndexFormatException.class, () -> IndexInfo.read(noLanguage))
            .getMessage()
            .endsWith("rebuild the site"));
  }

  @Test
  void appendingKeepsTheInfoInEveryCommit() throws IOException {
    try (ByteBuffersDirectory dir = index("fr")) {
      try (SearchIndexWriter w = SearchIndexWriter.open(dir, "fr", ZoneId.of("UTC"), false)) {
        w.delete("vienna");
        try (DirectoryReader nrt = DirectoryReader.open(w.writer())) {
          assertEquals(
              "fr",
              IndexInfo.read(nrt).language(),
              "a near-real-time reader (the preview's) sees it");
        }
        w.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(IndexInfo.of("fr"), IndexInfo.read(reader));
      }
    }
  }

  @Test
  void otherLanguagesReadBackWithTheirStopWordsAndAreRefusedWithoutThem() {
    IndexInfo mixed =
        IndexInfo.of("en").with("fa").with("de-AT").with("fa-IR").with("en-GB").with("");
    assertEquals(List.of("de", "fa"), mixed.others().stream().map(IndexLanguage::code).toList());
    assertEquals(mixed, IndexInfo.read(mixed.userData()));
    assertEquals("de\nfa", mixed.userData().get("broadsheet.languages"));
    Map<String, String> broken = new HashMap<>(mixed.userData());
    broken.remove("broadsheet.stopwords.fa");
    assertEquals(
        "the search index does not say how its fa articles are analysed: it was built by another "
            + "Broadsheet version; rebuild the site",
        assertThrows(IndexFormatException.class, () -> IndexInfo.read(broken)).getMessage());
  }

  @Test
  void aFormatTwoIndexIsReadAsOneLanguage() {
    Map<String, String> two = new HashMap<>(IndexInfo.of("de").userData());
    two.put("broadsheet.format", "2");
    IndexInfo info = IndexInfo.read(two);
    assertEquals("de", info.language());
    assertEquals(List.of(), info.others());
  }

  @Test
  void anAppendingWriterRecordsANewLanguageForNearRealTimeReadersAndKeepsItAfterwards()
      throws IOException {
    Article persian = MixedLanguageSearchTest.PERSIAN.get(3);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
        w.put(MixedLanguageSearchTest.ENGLISH.get(0), "articles/oil-en/");
        w.commit();
      }
      try (SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), false)) {
        w.put(
            persian,
            "articles/book-fa/"); // as the preview adds a saved article, no commit of its own
        try (DirectoryReader nrt = DirectoryReader.open(w.writer())) {
          IndexInfo info = IndexInfo.read(nrt);
          assertEquals(List.of("fa"), info.others().stream().map(IndexLanguage::code).toList());
          assertEquals(
              List.of("book-fa"),
              MixedLanguageSearchTest.ids(
                  new ArchiveSearch(nrt, info)
                      .search(SearchRequest.of("\u0643\u062a\u0627\u0628"))));
        }
      }
      try (SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), false)) {
        w.put(MixedLanguageSearchTest.ENGLISH.get(1), "articles/exports-en/");
        w.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(
            IndexInfo.of("en").with("fa"),
            IndexInfo.read(reader),
            "appending keeps the Persian fields known");
        assertEquals(
            2, reader.numDocs(), "the second writer closed without committing its article");
      }
    }
  }
}
