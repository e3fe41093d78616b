package org.broadsheet.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The index's fields, shared by the writer and every reader (JVM and browser).
 *
 * <pre>
 * id         StringField, stored           the article id
 * title      TextField, stored             analysed; weighted above the body
 * body       TextField, stored             analysed, with positions for phrases
 * lead       StoredField                   summary shown when no snippet matches
 * url        StoredField                   page path relative to the site root
 * date       StoredField                   ISO 8601 date-time ("" when undated)
 * date_sort  NumericDocValues              epoch seconds; the index is sorted by it, newest first
 * day        NumericDocValues              epoch day in the site's zone, for from/to (a doc-values
 *                                          range: no points, so the browser runtime carries no BKD code)
 * tags, section, authors, source, year     lower-cased keywords + SortedSetDocValues for facets
 * </pre>
 */
public final class SearchSchema {
  public static final String ID = "id";
  public static final String TITLE = "title";
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
  /** Sort value of undated articles: after every dated one when sorting newest first. */
  public static final long UNDATED = Long.MIN_VALUE;
  /** How much a title match outweighs a body match. */
  public static final float TITLE_BOOST = 2.0f;

  private SearchSchema() {}

  /** The analyzer for a site language (ISO 639-1); English stemming by default. */
  public static Analyzer analyzer(String language) {
    return switch (language == null ? "en" : language) {
      case "fa" -> new PersianAnalyzer();
      case "ar" -> new ArabicAnalyzer();
      case "de" -> new GermanAnalyzer();
      case "fr" -> new FrenchAnalyzer();
      case "es" -> new SpanishAnalyzer();
      case "en" -> new EnglishAnalyzer();
      default -> new StandardAnalyzer();
    };
  }

  /**
   * The same analyzer with the given stop words, which the browser uses: it cannot read the
   * resource files Lucene keeps most lists in, so the build hands it {@link #stopwords} through the
   * index manifest (and the browser runtime then carries no code that reads them).
   */
  public static Analyzer analyzer(String language, Collection<String> stopwords) {
    CharArraySet stop = CharArraySet.unmodifiableSet(new CharArraySet(stopwords, false));
    return switch (language == null ? "en" : language) {
      case "fa" -> new PersianAnalyzer(stop);
      case "ar" -> new ArabicAnalyzer(stop);
      case "de" -> new GermanAnalyzer(stop);
      case "fr" -> new FrenchAnalyzer(stop);
      case "es" -> new SpanishAnalyzer(stop);
      case "en" -> new EnglishAnalyzer(stop);
      default -> new StandardAnalyzer(stop);
    };
  }

  /** The stop words of a language's analyzer, sorted (none for languages without one). */
  public static List<String> stopwords(String language) {
    List<String> words = new ArrayList<>();
    try (Analyzer a = analyzer(language)) {
      if (a instanceof StopwordAnalyzerBase base) {
        for (Object word : base.getStopwordSet()) {
          words.add(word instanceof char[] chars ? new String(chars) : String.valueOf(word));
        }
      }
    }
    Collections.sort(words);
    return words;
  }
}
