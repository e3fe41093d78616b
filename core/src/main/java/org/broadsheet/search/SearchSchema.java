package org.broadsheet.search;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.IOUtils;

/**
 * The index's fields, shared by the writer and every reader (JVM and browser).
 *
 * <pre>
 * id         StringField, stored           the article id
 * text       TextField                     title and body, analysed, with positions for phrases: what
 *                                          every query searches
 * title      TextField, stored             analysed again on its own: a light extra signal
 * byline     TextField                     dateline place, source and authors, analysed
 * body       StoredField                   the text snippets are cut from
 * lead       StoredField                   summary shown when no snippet matches
 * url        StoredField                   page path relative to the site root
 * date       StoredField                   ISO 8601 date-time ("" when undated)
 * date_sort  NumericDocValues              epoch seconds; the index is sorted by it, newest first
 * day        NumericDocValues              epoch day in the site's zone, for from/to (a doc-values
 *                                          range: no points, so the browser runtime carries no BKD code)
 * tags, section, authors, source, year     lower-cased keywords + SortedSetDocValues for facets
 * lang       StoredField                   the analysis of an article in another language than the site's
 *                                          ({@link #analysis}), only on such articles
 * </pre>
 *
 * <p>An article in the site's language fills {@code text}, {@code title} and {@code byline}; one in
 * another language (its {@code lang}, when that selects another analysis) fills the same fields
 * suffixed with its analysis ({@code text.fa}, {@code title.fa}, {@code byline.fa}), analysed with
 * that language's analyzer. So a one-language site's index is what it was, and a query, analysed
 * once per language the index holds ({@link IndexInfo#languages()}), finds each article by its own
 * language's terms and scores it on its own fields only: the languages merge into one ranking.
 */
public final class SearchSchema {
  public static final String ID = "id";
  public static final String TEXT = "text";
  public static final String TITLE = "title";
  public static final String BYLINE = "byline";
  public static final String BODY = "body";
  public static final String LEAD = "lead";
  public static final String URL = "url";
  public static final String DATE = "date";
  public static final String DATE_SORT = "date_sort";
  public static final String DAY = "day";
  public static final String TAGS = "tags";
  public static final String SECTION = "section";
  public static final String AUTHORS = "authors";
  public static final String SOURCE = "source";
  public static final String YEAR = "year";
  public static final String LANG = "lang";

  /** The analysis of languages Lucene has no analyzer of Broadsheet's for: the standard one. */
  public static final String STANDARD = "std";

  /** Sort value of undated articles: after every dated one when sorting newest first. */
  public static final long UNDATED = Long.MIN_VALUE;

  /**
   * What a title match adds on top of its match in {@code text} (which holds the title too). Light
   * on purpose: each field is scored by BM25 on its own and the scores add up, so a heavier title
   * weight counts a title word several times over, and a wire story's title is only its lead's
   * first words.
   */
  public static final float TITLE_WEIGHT = 0.1f;

  /**
   * A match in the dateline, source or authors: below the title's, since none of them is in {@code
   * text}.
   */
  public static final float BYLINE_WEIGHT = 0.5f;

  /**
   * BM25's length normalisation: 0.6 rather than Lucene's 0.75, because news stories run from a
   * paragraph to several thousand words and a long story that keeps to its subject should not be
   * pushed down for its length. Measured with bench/search-quality.sh (see the issue 9 note).
   */
  private static final float BM25_B = 0.6f;

  private SearchSchema() {}

  /** How every reader and the writer score: BM25 with k1 1.2 and b {@value #BM25_B}. */
  public static Similarity similarity() {
    return new BM25Similarity(1.2f, BM25_B);
  }

  /**
   * The analysis a language code (ISO 639, a region or script after {@code -} or {@code _} ignored,
   * any case) selects: {@code fa}, {@code ar}, {@code de}, {@code fr}, {@code es}, {@code en} (also
   * for none), or {@value #STANDARD} for every other language. Without regex: compiled for the
   * browser.
   */
  public static String analysis(String language) {
    String code = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    for (int i = 0; i < code.length(); i++) {
      if (code.charAt(i) == '-' || code.charAt(i) == '_') {
        code = code.substring(0, i);
        break;
      }
    }
    return switch (code) {
      case "", "en" -> "en";
      case "fa", "ar", "de", "fr", "es" -> code;
      default -> STANDARD;
    };
  }

  /**
   * The analyzer for a language ({@link #analysis}): Lucene's analyzer of that language (English by
   * default, the standard one for languages Lucene has none for) with accents folded.
   */
  public static Analyzer analyzer(String language) {
    return new FoldingAnalyzer(lucene(language));
  }

  /**
   * The same analyzer with the given stop words, which every reader uses ({@link
   * IndexInfo#analyzer}): the browser cannot read the resource files Lucene keeps most lists in, so
   * the index records {@link #stopwords} in its commit data (and the browser runtime carries no
   * code that reads them).
   */
  public static Analyzer analyzer(String language, Collection<String> stopwords) {
    CharArraySet stop = stopSet(stopwords);
    return new FoldingAnalyzer(
        switch (analysis(language)) {
          case "fa" -> new PersianAnalyzer(stop);
          case "ar" -> new ArabicAnalyzer(stop);
          case "de" -> new GermanAnalyzer(stop);
          case "fr" -> new FrenchAnalyzer(stop);
          case "es" -> new SpanishAnalyzer(stop);
          case "en" -> new EnglishAnalyzer(stop);
          default -> new StandardAnalyzer(stop);
        });
  }

  /**
   * The English analyzer alone, for the English browser runtime (which compiles no other language
   * in).
   */
  public static Analyzer englishAnalyzer(Collection<String> stopwords) {
    return new FoldingAnalyzer(new EnglishAnalyzer(stopSet(stopwords)));
  }

  /** The standard analyzer alone, for the English browser runtime's other languages. */
  public static Analyzer standardAnalyzer(Collection<String> stopwords) {
    return new FoldingAnalyzer(new StandardAnalyzer(stopSet(stopwords)));
  }

  private static CharArraySet stopSet(Collection<String> stopwords) {
    return CharArraySet.unmodifiableSet(new CharArraySet(stopwords, false));
  }

  /** Lucene's own analyzer of a language, with its default stop words, not folded. */
  private static Analyzer lucene(String language) {
    return switch (analysis(language)) {
      case "fa" -> new PersianAnalyzer();
      case "ar" -> new ArabicAnalyzer();
      case "de" -> new GermanAnalyzer();
      case "fr" -> new FrenchAnalyzer();
      case "es" -> new SpanishAnalyzer();
      case "en" -> new EnglishAnalyzer();
      default -> new StandardAnalyzer();
    };
  }

  /** The stop words of a language's analyzer, sorted (none for languages without one). */
  public static List<String> stopwords(String language) {
    List<String> words = new ArrayList<>();
    try (Analyzer a = lucene(language)) {
      if (a instanceof StopwordAnalyzerBase base) {
        for (Object word : base.getStopwordSet()) {
          words.add(word instanceof char[] chars ? new String(chars) : String.valueOf(word));
        }
      }
    }
    Collections.sort(words);
    return words;
  }

  /**
   * The terms left out of queries of more than three words in {@code language}, sorted: the
   * analysed forms of Snowball's fuller list of common words ("what", "about", "have") where
   * Lucene's analyzer keeps a shorter one (English: 33 words); none for other languages, whose
   * analyzers already drop Snowball's words (German, French, Spanish) or a list as long (Persian,
   * Arabic). A long query, often a question or a pasted paragraph, then ranks by its content words;
   * a short one keeps every word the reader typed. Measured with bench/search-quality.sh (see the
   * issue 9 note).
   */
  public static List<String> longQueryStopwords(String language) {
    if (!"en".equals(analysis(language))) {
      return List.of();
    }
    TreeSet<String> terms = new TreeSet<>();
    try (Reader list =
            IOUtils.getDecodingReader(
                SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8);
        Analyzer analyzer = analyzer(language, List.of())) {
      for (Object word : WordlistLoader.getSnowballWordSet(list)) {
        String text = word instanceof char[] chars ? new String(chars) : String.valueOf(word);
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            terms.add(term.toString());
          }
          ts.end();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Lucene's english_stop.txt cannot be read", e);
    }
    return List.copyOf(terms);
  }
}
