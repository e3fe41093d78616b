package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.broadsheet.content.Article;
import org.junit.jupiter.api.Test;

/**
 * Accents and case fold in every language's analysis; prefixes are normalised the same way,
 * unstemmed.
 */
class AccentFoldingTest {

  private static List<String> ids(ArchiveSearch search, String query) throws IOException {
    return search.search(SearchRequest.of(query)).hits().stream().map(SearchHit::id).toList();
  }

  private static float topScore(ArchiveSearch search, String query) throws IOException {
    return search.search(SearchRequest.of(query)).hits().get(0).score();
  }

  private static <T> T withIndex(String language, List<Article> articles, Search<T> body)
      throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (SearchIndexWriter w = SearchIndexWriter.open(dir, language, ZoneId.of("UTC"), true)) {
        for (Article a : articles) {
          w.put(a, "articles/" + a.slug() + "/");
        }
        w.optimizeAndCommit();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        return body.run(new ArchiveSearch(reader, IndexInfo.read(reader)));
      }
    }
  }

  private interface Search<T> {
    T run(ArchiveSearch search) throws IOException;
  }

  @Test
  void unaccentedSpellingFindsTheAccentedWordAndTheExactSpellingRanksAtLeastAsHigh()
      throws IOException {
    withIndex(
        "en",
        List.of(
            ArchiveSearchTest.article(
                "zurich",
                "Banks in Zürich",
                "Zürich's banks reported profits.",
                null,
                List.of(),
                ""),
            ArchiveSearchTest.article(
                "other",
                "Banks elsewhere",
                "Banks in Basel reported losses.",
                null,
                List.of(),
                "")),
        search -> {
          for (String q : List.of("zurich", "ZURICH", "Zürich", "zürich", "ZÜRICH")) {
            assertEquals(List.of("zurich"), ids(search, q), q);
          }
          assertEquals(topScore(search, "Zürich"), topScore(search, "zurich"), 0f);
          return null;
        });
  }

  @Test
  void germanPrefixIsNormalisedUpToStemming() throws IOException {
    withIndex(
        "de",
        List.of(
            ArchiveSearchTest.article(
                "gesetz",
                "Die Änderungen des Gesetzes",
                "Der Bundestag beschloss die Änderungen am Montag.",
                null,
                List.of(),
                ""),
            ArchiveSearchTest.article(
                "wetter", "Das Wetter", "Am Montag regnete es in Berlin.", null, List.of(), "")),
        search -> {
          for (String q :
              List.of("Änder*", "änder*", "ander*", "ÄNDER*", "Änderungen", "anderungen")) {
            assertEquals(List.of("gesetz"), ids(search, q), q);
          }
          return null;
        });
  }

  @Test
  void frenchPrefixIsNormalisedUpToStemming() throws IOException {
    withIndex(
        "fr",
        List.of(
            ArchiveSearchTest.article(
                "vote",
                "Les électeurs aux urnes",
                "Les électeurs ont voté dimanche dans l'ensemble du pays.",
                null,
                List.of(),
                ""),
            ArchiveSearchTest.article(
                "meteo", "La météo", "Il a plu dimanche à Lyon.", null, List.of(), "")),
        search -> {
          for (String q :
              List.of("élect*", "elect*", "ÉLECT*", "électeurs", "electeurs", "l'électeur")) {
            assertEquals(List.of("vote"), ids(search, q), q);
          }
          assertEquals(List.of("meteo"), ids(search, "météo"));
          assertEquals(List.of("meteo"), ids(search, "meteo"));
          return null;
        });
  }
}
