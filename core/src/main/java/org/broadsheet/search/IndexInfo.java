package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;

/**
 * What a search index says about itself, in its Lucene commit user data, so that every reader (the
 * command line, the servers, the browser) searches it as it was written instead of guessing from
 * {@code site.yaml}, a page's {@code lang} or the browser manifest:
 *
 * <pre>
 * broadsheet.format      "3"            {@link #FORMAT}: bumped whenever fields or analysis change
 * broadsheet.language    "en"           the site language (ISO 639-1), which picks the analyzer
 * broadsheet.stopwords   "a\nan\n..."   that analyzer's stop words, one per line
 * broadsheet.longQueryStopwords         terms left out of queries of more than three words, one per
 *                                       line ({@link SearchSchema#longQueryStopwords})
 * broadsheet.languages   "fa\nstd"      the other analyses ({@link SearchSchema#analysis}) whose
 *                                       articles the index holds, in suffixed fields; absent when none
 * broadsheet.stopwords.fa, broadsheet.longQueryStopwords.fa     the same two lists for each of them
 * </pre>
 *
 * The stop words travel with the index because the browser cannot read the resource files Lucene
 * keeps most lists in; every reader (and the writer) builds its analyzers from them with {@link
 * SearchSchema#analyzer(String, java.util.Collection)}, so all of them analyse alike, and an index
 * keeps searching as it was built even if a later Lucene changes a list. They cost a few KB in
 * {@code segments_N}, which the browser reads to open the index anyway. A one-language index
 * records nothing more than format 2 did, so format 2 is read as a one-language index of format 3.
 *
 * <p>A new piece of information is a new component and key: {@link #userData()} writes it, {@link
 * #read(Map)} reads it (refusing an index without it only if the format is bumped). Compiled for
 * the browser by TeaVM: no regex or reflection.
 *
 * @param others the languages besides the site's, sorted by code
 */
public record IndexInfo(
    int format,
    String language,
    List<String> stopwords,
    List<String> longQueryStopwords,
    List<IndexLanguage> others) {
  /**
   * The index format this Broadsheet writes (2: one text field, byline, folding, long-query words;
   * 3: articles in other languages in suffixed fields, {@code broadsheet.languages}).
   */
  public static final int FORMAT = 3;

  /** The oldest format this Broadsheet reads: the same fields, one language. */
  static final int ONE_LANGUAGE_FORMAT = 2;

  static final String FORMAT_KEY = "broadsheet.format";
  static final String LANGUAGE_KEY = "broadsheet.language";
  static final String STOPWORDS_KEY = "broadsheet.stopwords";
  static final String LONG_QUERY_STOPWORDS_KEY = "broadsheet.longQueryStopwords";
  static final String LANGUAGES_KEY = "broadsheet.languages";
  private static final String REBUILD =
      ": it was built by another Broadsheet version; rebuild the site";

  public IndexInfo {
    language = language == null || language.isEmpty() ? "en" : language;
    stopwords = List.copyOf(stopwords);
    longQueryStopwords = List.copyOf(longQueryStopwords);
    others = List.copyOf(others);
  }

  /** A one-language index. */
  public IndexInfo(
      int format, String language, List<String> stopwords, List<String> longQueryStopwords) {
    this(format, language, stopwords, longQueryStopwords, List.of());
  }

  /** What an index built now for a site in {@code language} records (null: English). */
  public static IndexInfo of(String language) {
    String lang = language == null || language.isEmpty() ? "en" : language;
    return new IndexInfo(
        FORMAT, lang, SearchSchema.stopwords(lang), SearchSchema.longQueryStopwords(lang));
  }

  /** The analyzer the site language's fields were written with. */
  public Analyzer analyzer() {
    return SearchSchema.analyzer(language, stopwords);
  }

  /** Every language the index holds: the site's first (plain field names), then the others. */
  public List<IndexLanguage> languages() {
    List<IndexLanguage> all = new ArrayList<>(others.size() + 1);
    all.add(new IndexLanguage(language, "", stopwords, longQueryStopwords));
    all.addAll(others);
    return all;
  }

  /**
   * The language an article whose {@code lang} is this is indexed in: the site's when blank or of
   * the same analysis, else the other language of its analysis; empty when the index has none yet.
   */
  public Optional<IndexLanguage> languageOf(String lang) {
    String analysis = SearchSchema.analysis(lang);
    if (lang == null || lang.isBlank() || analysis.equals(SearchSchema.analysis(language))) {
      return Optional.of(languages().get(0));
    }
    for (IndexLanguage other : others) {
      if (other.code().equals(analysis)) {
        return Optional.of(other);
      }
    }
    return Optional.empty();
  }

  /**
   * This info with the language of {@code lang} added, if the index has none for it yet (JVM only).
   */
  public IndexInfo with(String lang) {
    if (languageOf(lang).isPresent()) {
      return this;
    }
    List<IndexLanguage> more = new ArrayList<>(others);
    more.add(IndexLanguage.other(SearchSchema.analysis(lang)));
    more.sort((a, b) -> a.code().compareTo(b.code()));
    return new IndexInfo(format, language, stopwords, longQueryStopwords, more);
  }

  /** The commit user data that records this. */
  public Map<String, String> userData() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(FORMAT_KEY, String.valueOf(format));
    data.put(LANGUAGE_KEY, language);
    data.put(STOPWORDS_KEY, String.join("\n", stopwords));
    data.put(LONG_QUERY_STOPWORDS_KEY, String.join("\n", longQueryStopwords));
    if (!others.isEmpty()) { // a one-language index records what it did before
      List<String> codes = new ArrayList<>();
      for (IndexLanguage other : others) {
        codes.add(other.code());
        data.put(STOPWORDS_KEY + "." + other.code(), String.join("\n", other.stopwords()));
        data.put(
            LONG_QUERY_STOPWORDS_KEY + "." + other.code(),
            String.join("\n", other.longQueryStopwords()));
      }
      data.put(LANGUAGES_KEY, String.join("\n", codes));
    }
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

  /**
   * @throws IndexFormatException when {@code userData} has no format, another format, or no
   *     language
   */
  public static IndexInfo read(Map<String, String> userData) {
    String format = userData.get(FORMAT_KEY);
    if (format == null) {
      throw new IndexFormatException("the search index has no format version" + REBUILD);
    }
    if (!format.equals(String.valueOf(FORMAT))
        && !format.equals(String.valueOf(ONE_LANGUAGE_FORMAT))) {
      throw new IndexFormatException(
          "the search index has format "
              + format
              + ", this Broadsheet reads format "
              + FORMAT
              + REBUILD);
    }
    String language = userData.get(LANGUAGE_KEY);
    String words = userData.get(STOPWORDS_KEY);
    String longQueryWords = userData.get(LONG_QUERY_STOPWORDS_KEY);
    if (language == null || language.isEmpty() || words == null || longQueryWords == null) {
      throw new IndexFormatException("the search index does not say its language" + REBUILD);
    }
    List<IndexLanguage> others = new ArrayList<>();
    for (String code : lines(userData.getOrDefault(LANGUAGES_KEY, ""))) {
      String otherWords = userData.get(STOPWORDS_KEY + "." + code);
      String otherLongQueryWords = userData.get(LONG_QUERY_STOPWORDS_KEY + "." + code);
      if (otherWords == null || otherLongQueryWords == null) {
        throw new IndexFormatException(
            "the search index does not say how its " + code + " articles are analysed" + REBUILD);
      }
      others.add(
          new IndexLanguage(code, "." + code, lines(otherWords), lines(otherLongQueryWords)));
    }
    return new IndexInfo(FORMAT, language, lines(words), lines(longQueryWords), others);
  }

  /**
   * The non-empty lines of {@code s} (none for null), by hand: TeaVM's {@code String.split} is
   * java.util.regex. Also reads the file list the browser runtime is opened with.
   */
  public static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    for (int start = 0; s != null && start < s.length(); ) {
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
