package org.broadsheet.search;

import static org.broadsheet.search.SearchRequestBuilder.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.broadsheet.content.Article;
import org.broadsheet.content.ArticleBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchiveSearchTest {
  static ByteBuffersDirectory dir;
  static DirectoryReader reader;
  static ArchiveSearch search;

  static Article article(
      String id, String title, String body, String date, List<String> tags, String section) {
    return ArticleBuilder.article(id)
        .title(title)
        .summary(body.length() > 60 ? body.substring(0, 60) : body)
        .date(date)
        .authors("Desk")
        .section(section)
        .tags(tags)
        .text(body)
        .build();
  }

  static List<Article> articles() {
    return List.of(
        article(
            "rates1",
            "Central bank raises interest rates",
            "The central bank raised interest rates by half a point on Thursday.",
            "2022-07-21T12:00:00Z",
            List.of("Interest Rates", "economy"),
            "business"),
        article(
            "rates2",
            "Bank holds rates",
            "Policymakers kept interest rates unchanged as inflation cooled.",
            "2019-03-21T12:00:00Z",
            List.of("interest rates"),
            "business"),
        article(
            "cut",
            "First rate cut in five years",
            "The bank cut its main rate; markets had expected interest relief.",
            "2024-06-06T12:00:00Z",
            List.of("interest rates"),
            "business"),
        article(
            "vienna",
            "Talks in Vienna continue",
            "Negotiators met in Vienna for talks on the nuclear deal <script>alert(1)</script>.",
            "2022-08-08T06:00:00Z",
            List.of("diplomacy"),
            "world"),
        article(
            "football",
            "Late winner in the quarter-final",
            "A late header decided the football match in Lyon.",
            "2019-06-29T19:00:00Z",
            List.of("football"),
            "sport"),
        article(
            "undated",
            "Harbour strike ends",
            "Dock workers in Rotterdam ended their strike over pay.",
            null,
            List.of(),
            "business"));
  }

  /** An index of {@code articles} in {@code dir}, one segment. */
  static void write(ByteBuffersDirectory dir, List<Article> articles) throws IOException {
    try (SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
      for (Article a : articles) {
        w.put(a, "articles/" + a.slug() + "/");
      }
      w.optimizeAndCommit();
    }
  }

  @BeforeAll
  static void index() throws IOException {
    dir = new ByteBuffersDirectory();
    write(dir, articles());
    reader = DirectoryReader.open(dir);
    search = new ArchiveSearch(reader, "en");
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  static List<String> ids(SearchResults r) {
    return r.hits().stream().map(SearchHit::id).toList();
  }

  static SearchResults run(String q) throws IOException {
    return search.search(SearchRequest.of(q));
  }

  @Test
  void wordsAreOptionalAndTheStoryHoldingMostOfThemRanksFirst() throws IOException {
    SearchResults r = run("bank raised rates");
    assertEquals("rates1", r.hits().get(0).id(), "bank, raise and rate, stemmed");
    assertEquals(
        List.of("cut", "rates1", "rates2"),
        ids(r).stream().sorted().toList(),
        "any one word finds a story");
    assertEquals(
        List.of("cut", "rates1", "rates2"), ids(run("bank rate")).stream().sorted().toList());
  }

  @Test
  void aWordTypedTwiceWeighsTwice() throws IOException {
    assertEquals(
        "vienna", run("vienna football").hits().get(0).id(), "vienna appears twice in its story");
    assertEquals("football", run("vienna football football").hits().get(0).id());
  }

  @Test
  void strictQueryThatFindsNothingFallsBackToAnyWord() throws IOException {
    SearchResults r = run("vienna football");
    assertEquals(2, r.total());
  }

  @Test
  void phraseMatchesOnlyAdjacentWordsAndRelaxesToItsWordsWhenNoStoryHasIt() throws IOException {
    assertEquals(
        List.of("rates1", "rates2"),
        ids(run("\"interest rates\"")).stream().sorted().toList(),
        "cut has interest and rate, not together");
    assertEquals(
        List.of("cut", "rates1", "rates2"),
        ids(run("\"rates interest\"")).stream().sorted().toList(),
        "no story has the phrase: its words find the stories instead of nothing");
    assertEquals(0, run("\"rates interest\" -rate").total(), "exclusions still hold");
  }

  @Test
  void excludedWordsRemoveHits() throws IOException {
    assertEquals(
        List.of("cut", "rates2"), ids(run("interest rates -raised")).stream().sorted().toList());
    assertEquals(5, run("-vienna").total());
  }

  @Test
  void prefixMatchesWordStarts() throws IOException {
    assertEquals(List.of("football"), ids(run("footb*")));
  }

  @Test
  void malformedSyntaxDegradesToWords() throws IOException {
    assertEquals(List.of("vienna"), ids(run("\"vienna talks")));
    assertEquals(List.of("vienna"), ids(run("vienna - ")));
    assertEquals(List.of("vienna"), ids(run("vienna AND (talks OR")));
  }

  @Test
  void tagAndSectionFiltersAreCaseInsensitive() throws IOException {
    SearchRequest r = request("rates").tag("INTEREST RATES").section("Business").build();
    assertEquals(
        List.of("cut", "rates1", "rates2"), ids(search.search(r)).stream().sorted().toList());
  }

  @Test
  void dateSortIsNewestFirstAndDateRangeFilters() throws IOException {
    SearchRequest r = request("").sort(SortOrder.DATE).build();
    assertEquals(
        List.of("cut", "vienna", "rates1", "football", "rates2", "undated"), ids(search.search(r)));
    SearchRequest range =
        request("").from("2022-07-21").to("2022-08-08").sort(SortOrder.DATE).build();
    assertEquals(List.of("vienna", "rates1"), ids(search.search(range)));
  }

  @Test
  void offsetPagesThroughTheSameOrder() throws IOException {
    SearchRequest all = request("").sort(SortOrder.DATE).build();
    SearchRequest second = request("").limit(2).offset(2).sort(SortOrder.DATE).build();
    assertEquals(ids(search.search(all)).subList(2, 4), ids(search.search(second)));
  }

  @Test
  void snippetsMarkTermsAndEscapeText() throws IOException {
    SearchHit hit = run("nuclear deal").hits().get(0);
    assertTrue(hit.snippet().contains("<mark>nuclear</mark>"), hit.snippet());
    assertTrue(hit.snippet().contains("&lt;script&gt;"), hit.snippet());
    assertFalse(hit.snippet().contains("<script>"));
    assertEquals("2022-08-08T06:00:00Z", hit.date());
    assertEquals("articles/vienna/", hit.url());
  }

  @Test
  void facetsCountSectionsTagsAndYearsOverAllMatches() throws IOException {
    SearchResults r = search.search(request("").limit(1).facets().build());
    assertTrue(
        r.facets().contains(new FacetCount("section", "business", 4)), r.facets().toString());
    assertTrue(
        r.facets().contains(new FacetCount("tags", "interest rates", 3)), r.facets().toString());
    assertTrue(r.facets().contains(new FacetCount("year", "2019", 2)), r.facets().toString());
  }

  @Test
  void facetsAddUpTheCountsOfEverySegment() throws IOException {
    List<Article> all = articles();
    try (ByteBuffersDirectory first = new ByteBuffersDirectory();
        ByteBuffersDirectory second = new ByteBuffersDirectory()) {
      write(first, all.subList(0, 3));
      write(second, all.subList(3, all.size()));
      try (MultiReader both =
          new MultiReader(DirectoryReader.open(first), DirectoryReader.open(second))) {
        assertEquals(2, both.leaves().size());
        for (String q : List.of("", "bank interest", "strike")) {
          SearchRequest request =
              new SearchRequest(q, 1, 0, null, null, null, null, SortOrder.RELEVANCE, true);
          assertEquals(
              search.search(request).facets(),
              new ArchiveSearch(both, "en").search(request).facets(),
              q);
        }
        SearchRequest everything =
            new SearchRequest("", 1, 0, null, null, null, null, SortOrder.RELEVANCE, true);
        assertTrue(
            new ArchiveSearch(both, "en")
                .search(everything)
                .facets()
                .containsAll(
                    List.of(
                        new FacetCount("section", "business", 4),
                        new FacetCount("year", "2019", 2),
                        new FacetCount("tags", "football", 1))));
      }
    }
  }

  @Test
  void relatedArticlesShareVocabularyAndNeverIncludeTheArticleItself() throws IOException {
    List<String> related =
        new RelatedArticles(reader, IndexInfo.read(reader))
            .ids(
                "rates2",
                "en",
                "Bank holds rates",
                "Policymakers kept interest rates unchanged as inflation cooled.",
                3);
    assertFalse(related.contains("rates2"));
    assertTrue(related.indexOf("rates1") >= 0 && related.indexOf("rates1") < 2, related.toString());
    assertFalse(related.contains("football"), related.toString());
  }

  @Test
  void queryOfSixHundredWordsAnswersWithResultsInsteadOfTooManyClauses() throws IOException {
    StringBuilder q = new StringBuilder("vienna talks nuclear");
    for (int i = 0; i < 600; i++) {
      q.append(" word").append(i);
    }
    SearchResults r = run(q.toString());
    assertEquals(List.of("vienna"), ids(r), "the first distinct words count; the rest are dropped");
    assertEquals(1, run("vienna " + "vienna ".repeat(5000)).total(), "repeats are merged");
    assertEquals(6, run("-x ".repeat(2000)).total(), "many exclusions are bounded too");
    assertEquals(1, run(" vienna*".repeat(700)).total(), "and repeated prefixes");
    StringBuilder prefixes = new StringBuilder();
    for (int i = 0; i < 700; i++) {
      prefixes.append(" p").append(i).append('*');
    }
    assertEquals(0, run(prefixes.toString()).total());
    assertEquals(
        List.of("vienna"),
        ids(run("\"" + "nuclear deal ".repeat(2000) + "\"")),
        "a long phrase is one clause, relaxed to its first words when no story has it");
  }

  @Test
  void longPhraseMatchesByItsFirstSixtyFourWords() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 70; i++) {
      text.append(" term").append(i);
    }
    ByteBuffersDirectory one = new ByteBuffersDirectory();
    try (SearchIndexWriter w = SearchIndexWriter.open(one, "en", ZoneId.of("UTC"), true)) {
      w.put(
          article("long", "Long", text.toString().strip(), null, List.of(), ""), "articles/long/");
      w.optimizeAndCommit();
    }
    try (DirectoryReader r = DirectoryReader.open(one)) {
      ArchiveSearch s = new ArchiveSearch(r, "en");
      String first64 = text.substring(0, text.indexOf(" term64"));
      String tail = " unrelated".repeat(20_000);
      assertEquals(
          1,
          s.search(SearchRequest.of("\"" + first64 + tail + "\"")).total(),
          "the words past the 64th do not count (they cost a term lookup each: seconds for 20,000)");
      assertEquals(
          1,
          s.search(SearchRequest.of(first64.strip().replace(' ', '-') + tail.replace(' ', '-')))
              .total());
    }
  }

  @Test
  void offsetAndLimitBeyondTheResultWindowAreRefusedNotOverflowed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> request("x").offset(Integer.MAX_VALUE).build());
    assertTrue(e.getMessage().contains("10000"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> request("x").limit(1000).offset(9001).build());
    assertThrows(IllegalArgumentException.class, () -> request("x").limit(-5).build());
    assertThrows(
        IllegalArgumentException.class, () -> request("x").limit(Integer.MAX_VALUE).build());
    assertThrows(IllegalArgumentException.class, () -> request("x").offset(-1).build());
  }

  @Test
  void lastPageOfTheResultWindowStillAnswers() throws IOException {
    SearchRequest last = request("").limit(1000).offset(9000).sort(SortOrder.DATE).build();
    assertEquals(6, search.search(last).total());
    assertEquals(List.of(), search.search(last).hits());
  }

  @Test
  void datesMustBeRealIsoDays() {
    for (String bad :
        List.of(
            "2024-13-45",
            "yesterday",
            "2024-02-30",
            "2023-02-29",
            "2024-1-5",
            "2024-01-05T10:00",
            "24-01-01",
            "2024-00",
            "2024/01/01",
            "+2024",
            "２０２４")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> request("x").from(bad).build(), bad);
      assertTrue(e.getMessage().startsWith("from must be a date"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> request("x").to(bad).build());
    }
    for (String good : List.of("2024", "2024-02", "2024-02-29", " 2023-12-31 ")) {
      request("x").from(good).to(good).build();
    }
  }

  @Test
  void epochDayMatchesJavaTime() {
    for (String d : List.of("1970-01-01", "1987-02-26", "2000-02-29", "2024-12-31", "1900-03-01")) {
      assertEquals(java.time.LocalDate.parse(d).toEpochDay(), SearchDates.epochDay(d, -1), d);
    }
    assertEquals(
        java.time.LocalDate.parse("2023-02-28").toEpochDay(),
        SearchDates.epochDay("2023-02", Long.MAX_VALUE));
    assertEquals(-1, SearchDates.epochDay("yesterday", -1));
  }
}
