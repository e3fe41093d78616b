package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The browser builds its analyzer as {@code analyzer(language, stopwords(language))} (the stop
 * words come from the index's commit data, IndexInfo); the JVM indexes and searches with {@code
 * analyzer(language)}. Both must turn any text into the same tokens, or the browser would search
 * for terms the index does not have.
 */
class SearchSchemaTest {
  /**
   * Language, a sample with stop words and inflected words, stop words its list must contain (some
   * non-ASCII, to catch an encoding slip), and a stemmed or normalised term the sample must yield.
   */
  static Stream<Arguments> languages() {
    return Stream.of(
        Arguments.of(
            "en",
            "The governments of the countries were not passing the new laws, and the ministers' "
                + "spokesman said they had been running late.",
            List.of("the", "and", "of", "not"),
            "govern"),
        Arguments.of(
            "de",
            "Die Regierung hat die neuen Gesetze nicht beschlossen, und der Minister sagte, dass er "
                + "über die Änderungen des Haushalts für das nächste Jahr verhandeln würde.",
            List.of("die", "der", "und", "über", "für", "würde"),
            "gesetz"),
        Arguments.of(
            "fr",
            "Les gouvernements de l'Union européenne n'ont pas adopté les nouvelles lois, et le "
                + "ministre a déclaré qu'il était à Bruxelles pour les négociations économiques.",
            List.of("le", "les", "de", "et", "à", "était"),
            "gouvern"),
        Arguments.of(
            "es",
            "Los gobiernos de la Unión Europea no aprobaron las nuevas leyes, y el ministro dijo "
                + "que él estaba más preocupado por las negociaciones económicas.",
            List.of("el", "la", "los", "de", "y", "él", "más"),
            "gobiern"),
        Arguments.of(
            "ar",
            "قالت الحكومة إن الوزراء لم يوافقوا على القوانين الجديدة في البرلمان، وإنهم سيعودون "
                + "إلى المفاوضات مع الدول الأخرى.",
            List.of("في", "على", "إلى", "مع"),
            "حكوم"),
        // Lucene's Persian list is spelled with Arabic yeh and kaf: "این" and "که" match it after
        // normalisation
        Arguments.of(
            "fa",
            "دولت اعلام کرد که وزیران با قوانین جدید در مجلس موافقت نکردند و این مذاکرات با "
                + "کشورهای دیگر ادامه خواهد داشت.",
            List.of("در", "با", "و", "از", "است"),
            "دولت"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("languages")
  void browserAnalyzerWithHandedOverStopWordsTokenisesLikeTheJvm(
      String language, String sample, List<String> someStopwords, String someTerm)
      throws IOException {
    List<String> stopwords = SearchSchema.stopwords(language);
    assertFalse(stopwords.isEmpty(), language + " has stop words");
    assertTrue(
        stopwords.containsAll(someStopwords),
        language + ": " + someStopwords + " not all in " + stopwords);
    assertEquals(stopwords.stream().sorted().toList(), stopwords, "sorted");

    List<String> jvm = tokens(SearchSchema.analyzer(language), sample);
    List<String> browser = tokens(SearchSchema.analyzer(language, stopwords), sample);
    assertEquals(jvm, browser, language);
    // the sample exercises both stop words (dropped, leaving position gaps) and stemming
    List<String> unfiltered = tokens(SearchSchema.analyzer(language, List.of()), sample);
    assertTrue(
        unfiltered.size() >= jvm.size() + 3,
        language + ": stop words removed: " + unfiltered + " vs " + jvm);
    assertTrue(
        jvm.stream().anyMatch(t -> t.startsWith(someTerm + "@")),
        language + ": " + someTerm + " in " + jvm);
    assertTrue(
        jvm.stream().anyMatch(t -> !t.startsWith("end+") && increment(t) > 1),
        language + ": gaps in " + jvm);
  }

  @Test
  void unknownLanguageUsesTheStandardAnalyzerWhichHasNoStopWords() throws IOException {
    String sample = "The Mayor and the Council met in Zürich; they were not amused.";
    assertEquals(List.of(), SearchSchema.stopwords("xx"));
    List<String> jvm = tokens(SearchSchema.analyzer("xx"), sample);
    assertEquals(jvm, tokens(SearchSchema.analyzer("xx", SearchSchema.stopwords("xx")), sample));
    for (String kept : List.of("the@", "and@", "zurich@", "were@", "not@")) {
      assertTrue(jvm.stream().anyMatch(t -> t.startsWith(kept)), kept + " in " + jvm);
    }
  }

  @Test
  void noLanguageMeansEnglish() throws IOException {
    assertEquals(SearchSchema.stopwords("en"), SearchSchema.stopwords(null));
    String sample = "The governments were running the talks";
    assertEquals(
        tokens(SearchSchema.analyzer("en"), sample), tokens(SearchSchema.analyzer(null), sample));
    assertEquals(
        tokens(SearchSchema.analyzer("en"), sample),
        tokens(SearchSchema.analyzer(null, SearchSchema.stopwords(null)), sample));
  }

  static int increment(String token) {
    return Integer.parseInt(token.substring(token.lastIndexOf('+') + 1));
  }

  /** Every token of {@code text} in the body field as "term@start-end+increment". */
  static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (analyzer;
        TokenStream ts = analyzer.tokenStream(SearchSchema.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            term
                + "@"
                + offset.startOffset()
                + "-"
                + offset.endOffset()
                + "+"
                + inc.getPositionIncrement());
      }
      ts.end();
      out.add("end+" + inc.getPositionIncrement() + "@" + offset.endOffset());
    }
    return out;
  }

  @Test
  void aLanguageCodeSelectsItsAnalysisWhateverItsCaseOrRegionAndOtherLanguagesTheStandardOne()
      throws IOException {
    assertEquals("fa", SearchSchema.analysis("fa-IR"));
    assertEquals("de", SearchSchema.analysis(" DE_at "));
    assertEquals("en", SearchSchema.analysis("en-GB"));
    assertEquals("en", SearchSchema.analysis(null));
    assertEquals(SearchSchema.STANDARD, SearchSchema.analysis("pt-BR"));
    assertEquals(SearchSchema.STANDARD, SearchSchema.analysis("xx"));
    String sample = "The ministers' spokesman said";
    assertEquals(
        tokens(SearchSchema.analyzer("en"), sample),
        tokens(SearchSchema.analyzer("en-GB"), sample));
    assertEquals(SearchSchema.stopwords("en"), SearchSchema.stopwords("EN-us"));
  }
}
