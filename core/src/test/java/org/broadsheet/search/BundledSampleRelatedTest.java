package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.parse.ParseContext;
import org.broadsheet.parse.Parsers;
import org.broadsheet.source.ContentSource;
import org.broadsheet.source.SourceFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Related articles of the repository's bundled sample ({@code content/}): 24 stories on as many
 * subjects, where MoreLikeThis (one query of 15 terms per article, no floor) listed the Iran
 * nuclear talks story beside a chip shortage and a harbour strike.
 */
class BundledSampleRelatedTest {
  static final Path SITE = Path.of("..").toAbsolutePath().normalize();
  static final String JCPOA = "6c84957aa5ccaf51";
  static final String CHIPS = "chip-shortage-idles-car-plants";
  static final String HARBOUR = "2020-05-14-harbour-strike";
  static ByteBuffersDirectory dir;
  static DirectoryReader reader;

  @BeforeAll
  static void index() throws IOException {
    Parsers parsers = Parsers.standard(new ParseContext(ZoneId.of("UTC"), "en"));
    Diagnostics diagnostics = new Diagnostics();
    dir = new ByteBuffersDirectory();
    try (SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
      for (SourceFile f : ContentSource.load(SITE, SITE.resolve("content"), diagnostics)) {
        if (parsers.kindOf(f) == Parsers.Kind.ARTICLE) {
          Optional<Article> a = parsers.parse(f, diagnostics);
          if (a.isPresent() && !a.get().draft()) {
            w.put(a.get(), "articles/" + a.get().slug() + "/");
          }
        }
      }
      w.optimizeAndCommit();
    }
    assertFalse(diagnostics.hasErrors(), diagnostics.snapshot().toString());
    reader = DirectoryReader.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  static RelatedLists lists(RelatedLists.Tuning tuning) throws IOException {
    return RelatedLists.compute(reader, IndexInfo.read(reader), 4, tuning);
  }

  @Test
  void theNuclearTalksStoryIsNotRelatedToTheChipShortageOrTheHarbourStrike() throws IOException {
    RelatedLists related = RelatedArticles.all(reader, IndexInfo.read(reader), 4);
    assertTrue(reader.numDocs() > 20, "the sample is indexed: " + reader.numDocs());
    for (String other : List.of(CHIPS, HARBOUR)) {
      assertFalse(related.of(JCPOA).contains(other), related.of(JCPOA).toString());
      assertFalse(related.of(other).contains(JCPOA), related.of(other).toString());
    }
  }

  @Test
  void itIsTheRelevanceFloorThatLeavesThemOut() throws IOException {
    RelatedLists unbounded = lists(new RelatedLists.Tuning(15, 1, 0, Integer.MAX_VALUE));
    assertTrue(
        unbounded.of(JCPOA).contains(CHIPS),
        "without a floor the best four are listed, however weak: " + unbounded.of(JCPOA));
  }

  @Test
  void pruningTheQueriesChangesNoList() throws IOException {
    RelatedLists related = RelatedArticles.all(reader, IndexInfo.read(reader), 4);
    Map<String, List<String>> expected =
        RelatedReference.lists(reader, RelatedLists.Tuning.DEFAULT, 4);
    assertTrue(
        expected.values().stream().filter(l -> !l.isEmpty()).count() >= 6, expected.toString());
    expected.forEach((id, list) -> assertEquals(list, related.of(id), id));
  }

  @Test
  void storiesOnTheSameSubjectStayRelated() throws IOException {
    RelatedLists related = RelatedArticles.all(reader, IndexInfo.read(reader), 4);
    assertEquals(
        List.of("central-bank-holds-rates-steady", "central-bank-raises-rates-record-inflation"),
        related.of("rate-cut-2024-06").stream().sorted().toList());
    assertTrue(
        related.of("postal-ballots-city-elections").contains("sao-paulo-runoff-result"),
        related.of("postal-ballots-city-elections").toString());
    assertTrue(
        related.of("sao-paulo-runoff-result").contains("postal-ballots-city-elections"),
        related.of("sao-paulo-runoff-result").toString());
  }
}
