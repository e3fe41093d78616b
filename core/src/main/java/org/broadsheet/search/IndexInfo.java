package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;

/**
 * What a search index says about itself, in its Lucene commit user data, so that every reader
 * (the command line, the servers, the browser) searches it as it was written instead of guessing
 * from {@code site.yaml}, a page's {@code lang} or the browser manifest:
 *
 * <pre>
 * broadsheet.format      "2"            {@link #FORMAT}: bumped whenever fields or analysis change
 * broadsheet.language    "en"           the site language (ISO 639-1), which picks the analyzer
 * broadsheet.stopwords   "a\nan\n..."   that analyzer's stop words, one per line
 * broadsheet.longQueryStopwords         terms left out of queries of more than three words, one per
 *                                       line ({@link SearchSchema#longQueryStopwords})
 * </pre>
 * The stop words travel with the index because the browser cannot read the resource files Lucene
 * keeps most lists in; every reader (and the writer) builds its analyzer from them with
 * {@link SearchSchema#analyzer(String, java.util.Collection)}, so all of them analyse alike, and an
 * index keeps searching as it was built even if a later Lucene changes a list. They cost a few KB in
 * {@code segments_N}, which the browser reads to open the index anyway.
 *
 * <p>A new piece of information is a new component and key: {@link #userData()} writes it,
 * {@link #read(Map)} reads it (refusing an index without it only if the format is bumped).
 * Compiled for the browser by TeaVM: no regex or reflection.
 */
public record IndexInfo(int format, String language, List<String> stopwords, List<String> longQueryStopwords) {
  /** The index format this Broadsheet writes and reads (2: one text field, byline, folding, long-query words). */
  public static final int FORMAT = 2;
  static final String FORMAT_KEY = "broadsheet.format";
  static final String LANGUAGE_KEY = "broadsheet.language";
  static final String STOPWORDS_KEY = "broadsheet.stopwords";
  static final String LONG_QUERY_STOPWORDS_KEY = "broadsheet.longQueryStopwords";
  private static final String REBUILD = ": it was built by another Broadsheet version; rebuild the site";

  public IndexInfo {
    language = language == null || language.isEmpty() ? "en" : language;
    stopwords = List.copyOf(stopwords);
    longQueryStopwords = List.copyOf(longQueryStopwords);
  }

  /** What an index built now for a site in {@code language} records (null: English). */
  public static IndexInfo of(String language) {
    String lang = language == null || language.isEmpty() ? "en" : language;
    return new IndexInfo(FORMAT, lang, SearchSchema.stopwords(lang), SearchSchema.longQueryStopwords(lang));
  }

  /** The analyzer the index was written with, for searching it. */
  public Analyzer analyzer() {
    return SearchSchema.analyzer(language, stopwords);
  }

  /** The commit user data that records this. */
  public Map<String, String> userData() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(FORMAT_KEY, String.valueOf(format));
    data.put(LANGUAGE_KEY, language);
    data.put(STOPWORDS_KEY, String.join("\n", stopwords));
    data.put(LONG_QUERY_STOPWORDS_KEY, String.join("\n", longQueryStopwords));
    return data;
  }

  /**
   * What the index {@code reader} reads says about itself.
   *
   * @throws IndexFormatException when it says nothing or another format
   */
  public static IndexInfo read(DirectoryReader reader) throws IOException {
    return read(reader.getIndexCommit().getUserData());
  }

  /** @throws IndexFormatException when {@code userData} has no format, another format, or no language */
  public static IndexInfo read(Map<String, String> userData) {
    String format = userData.get(FORMAT_KEY);
    if (format == null) {
      throw new IndexFormatException("the search index has no format version" + REBUILD);
    }
    if (!format.equals(String.valueOf(FORMAT))) {
      throw new IndexFormatException("the search index has format " + format + ", this Broadsheet reads format "
          + FORMAT + REBUILD);
    }
    String language = userData.get(LANGUAGE_KEY);
    String words = userData.get(STOPWORDS_KEY);
    String longQueryWords = userData.get(LONG_QUERY_STOPWORDS_KEY);
    if (language == null || language.isEmpty() || words == null || longQueryWords == null) {
      throw new IndexFormatException("the search index does not say its language" + REBUILD);
    }
    return new IndexInfo(FORMAT, language, lines(words), lines(longQueryWords));
  }

  /** The non-empty lines of {@code s}, by hand: TeaVM's {@code String.split} is java.util.regex. */
  private static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < s.length()) {
      int end = s.indexOf('\n', start);
      if (end < 0) {
        end = s.length();
      }
      if (end > start) {
        out.add(s.substring(start, end));
      }
      start = end + 1;
    }
    return out;
  }
}
