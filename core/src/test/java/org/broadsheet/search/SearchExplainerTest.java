package org.broadsheet.search;

import static org.broadsheet.search.SearchRequestBuilder.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.broadsheet.content.Article;
import org.broadsheet.content.ArticleBuilder;
import org.broadsheet.search.ScoreExplanation.Kind;
import org.broadsheet.search.ScoreExplanation.Part;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code broadsheet search --explain}: each hit's score taken apart, on a five-story index. */
class SearchExplainerTest {
  static ByteBuffersDirectory dir;
  static DirectoryReader reader;
  static ArchiveSearch search;
  static SearchExplainer explainer;

  static Article story(
      String id,
      String title,
      String body,
      String dateline,
      String source,
      String author,
      String section) {
    return ArticleBuilder.article(id)
        .title(title)
        .date("2022-08-0" + (id.length() % 9 + 1) + "T12:00:00Z")
        .authors(author)
        .dateline(dateline)
        .section(section)
        .source(source)
        .lang("en")
        .text(body)
        .build();
  }

  @BeforeAll
  static void index() throws IOException {
    dir = new ByteBuffersDirectory();
    try (SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
      for (Article a :
          List.of(
              story(
                  "deal",
                  "Nuclear deal talks resume",
                  "Negotiators resumed talks on the nuclear deal. The nuclear file "
                      + "is open again.",
                  "VIENNA",
                  "Mehr News Agency",
                  "Sara Ahmadi",
                  "world"),
              story(
                  "opera",
                  "Opera season opens",
                  "The opera opened its season in Vienna with a premiere.",
                  "VIENNA",
                  "AP",
                  "Desk",
                  "culture"),
              story(
                  "rates",
                  "Central bank raises rates",
                  "The central bank raised interest rates by half a point.",
                  "LONDON",
                  "Reuters",
                  "Desk",
                  "business"),
              story(
                  "football",
                  "Late winner in Lyon",
                  "A late header decided the football match.",
                  "LYON",
                  "Reuters",
                  "Desk",
                  "sport"),
              story(
                  "harbour",
                  "Harbour strike ends",
                  "Dock workers in Rotterdam ended their strike over pay.",
                  "",
                  "AP",
                  "Desk",
                  "business"))) {
        w.put(a, "articles/" + a.slug() + "/");
      }
      w.optimizeAndCommit();
    }
    reader = DirectoryReader.open(dir);
    search = new ArchiveSearch(reader, "en");
    explainer = new SearchExplainer(search);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  static ExplainedResults explain(String query) throws IOException {
    return explainer.explain(SearchRequest.of(query));
  }

  /** The explanation of the hit {@code id}. */
  static ScoreExplanation of(ExplainedResults r, String id) {
    for (int i = 0; i < r.results().hits().size(); i++) {
      if (r.results().hits().get(i).id().equals(id)) {
        return r.explanations().get(i);
      }
    }
    throw new AssertionError(id + " is not a hit: " + r.results().hits());
  }

  static Part part(ScoreExplanation e, String field, String match) {
    return e.parts().stream()
        .filter(p -> p.field().equals(field) && p.match().equals(match))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(field + ":" + match + " is not a part of " + e.parts()));
  }

  @Test
  void theTotalIsTheHitsScoreAndThePartsAddUpToIt() throws IOException {
    for (SearchRequest request :
        List.of(
            SearchRequest.of("nuclear deal vienna"),
            SearchRequest.of("\"nuclear deal\""),
            SearchRequest.of("\"deal nuclear\" mehr"),
            SearchRequest.of("footb* late"),
            SearchRequest.of("vienna vienna"),
            SearchRequest.of("-vienna"),
            SearchRequest.of(""),
            SearchRequest.of("the bank and the deal and a strike"),
            request("vienna").section("culture").from("2022").sort(SortOrder.DATE).build(),
            request("strike rates reuters").limit(2).offset(1).build())) {
      ExplainedResults r = explainer.explain(request);
      assertEquals(
          search.search(request), r.results(), "the same results as the search: " + request);
      assertFalse(r.results().hits().isEmpty(), request.toString());
      for (int i = 0; i < r.results().hits().size(); i++) {
        ScoreExplanation e = r.explanations().get(i);
        assertEquals(r.results().hits().get(i).score(), e.total(), request + " " + e);
        double sum = e.parts().stream().mapToDouble(Part::score).sum();
        assertEquals(e.total(), sum, 1e-5 * Math.max(1, e.total()), "every part is shown: " + e);
      }
    }
  }

  @Test
  void eachMatchedTermShowsItsFieldWeightAndBm25Figures() throws IOException {
    ScoreExplanation e = of(explain("nuclear deal"), "deal");
    Part body = part(e, "text", "nuclear");
    assertEquals(Kind.TERM, body.kind());
    assertEquals(1f, body.weight());
    ScoreExplanation.Bm25 bm25 = body.bm25().orElseThrow();
    assertEquals(3f, bm25.freq(), "once in the title, twice in the body");
    assertEquals(1, bm25.docFreq());
    assertEquals(5, bm25.docCount());
    assertTrue(bm25.length() > bm25.averageLength(), bm25.toString());
    assertEquals(SearchSchema.TITLE_WEIGHT, part(e, "title", "nuclear").weight());
    part(e, "text", "deal");
    part(e, "title", "deal");
    assertEquals(e.parts().get(0), body, "largest first: " + e.parts());
    assertEquals(List.of(), e.unmatched());
  }

  @Test
  void aWordTypedTwiceShowsTwiceItsWeight() throws IOException {
    ScoreExplanation e = of(explain("nuclear nuclear deal"), "deal");
    assertEquals(2f, part(e, "text", "nuclear").weight());
    assertEquals(2 * SearchSchema.TITLE_WEIGHT, part(e, "title", "nuclear").weight());
    assertEquals(1f, part(e, "text", "deal").weight());
  }

  @Test
  void aBylineMatchShowsTheBylineWeight() throws IOException {
    ScoreExplanation e = of(explain("mehr"), "deal");
    Part byline = part(e, "byline", "mehr");
    assertEquals(SearchSchema.BYLINE_WEIGHT, byline.weight());
    assertEquals(List.of(byline), e.parts(), "mehr is only in the source");
  }

  @Test
  void queryWordsTheHitDoesNotHoldAreNamedAsAnalysed() throws IOException {
    ExplainedResults r = explain("nuclear opera strikes");
    assertEquals(List.of("opera", "strike"), of(r, "deal").unmatched());
    assertEquals(List.of("nuclear", "strike"), of(r, "opera").unmatched());
    assertEquals(List.of("nuclear", "opera"), of(r, "harbour").unmatched());
  }

  @Test
  void aPhraseFoundIsOnePartWithItsPhraseFrequency() throws IOException {
    ExplainedResults r = explain("\"nuclear deal\"");
    assertFalse(r.relaxed());
    Part phrase = part(of(r, "deal"), "text", "\"nuclear deal\"");
    assertEquals(Kind.PHRASE, phrase.kind());
    assertEquals(2f, phrase.bm25().orElseThrow().freq(), "in the title and in the body");
    assertEquals(1, phrase.bm25().orElseThrow().docFreq(), "its rarest word's");
  }

  @Test
  void aPhraseNoStoryHoldsIsExplainedByTheWordsTheRelaxedSearchUsed() throws IOException {
    ExplainedResults r = explain("\"deal nuclear\"");
    assertTrue(r.relaxed());
    ScoreExplanation e = of(r, "deal");
    assertEquals(List.of("\"deal nuclear\""), e.unmatched());
    assertEquals(Kind.TERM, part(e, "text", "nuclear").kind());
    part(e, "text", "deal");
    assertEquals(e.total(), r.results().hits().get(0).score());
  }

  @Test
  void aPrefixIsAConstantScoreAtItsWeight() throws IOException {
    ScoreExplanation e = of(explain("footb*"), "football");
    Part prefix = part(e, "text", "footb*");
    assertEquals(Kind.PREFIX, prefix.kind());
    assertEquals(1f, prefix.score());
    assertEquals(Optional.empty(), prefix.bm25());
  }

  @Test
  void filtersAndExclusionsAddNothingAndAreNotWords() throws IOException {
    ExplainedResults r =
        explainer.explain(
            request("rates -nuclear").section("business").from("2022").to("2022").build());
    ScoreExplanation e = of(r, "rates");
    assertEquals(List.of("rate"), e.parts().stream().map(Part::match).distinct().toList());
    assertEquals(List.of(), e.unmatched());
    ScoreExplanation everything = explain("").explanations().get(0);
    assertEquals(
        List.of(new Part("", "*:*", Kind.OTHER, 1f, 1f, Optional.empty())), everything.parts());
  }
}
