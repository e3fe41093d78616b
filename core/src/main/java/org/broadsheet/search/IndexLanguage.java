package org.broadsheet.search;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/**
 * One language an index holds, as {@link IndexInfo} records it: the site's language, whose articles
 * fill the plain fields ({@code text}, {@code title}, {@code byline}; {@code suffix} ""), or
 * another analysis ({@link SearchSchema#analysis}), whose articles fill the same fields suffixed
 * ({@code text.fa}; {@code suffix} ".fa"), with the stop words its analyzer was built with and the
 * terms left out of its long queries. Compiled for the browser by TeaVM.
 *
 * @param code the site's language as configured, or another language's analysis
 */
public record IndexLanguage(
    String code, String suffix, List<String> stopwords, List<String> longQueryStopwords) {
  public IndexLanguage {
    stopwords = List.copyOf(stopwords);
    longQueryStopwords = List.copyOf(longQueryStopwords);
  }

  /**
   * Another language than the site's, with the lists its analyzer has in this Lucene (JVM only).
   */
  static IndexLanguage other(String analysis) {
    return new IndexLanguage(
        analysis,
        "." + analysis,
        SearchSchema.stopwords(analysis),
        SearchSchema.longQueryStopwords(analysis));
  }

  /**
   * This language's field of a text field of {@link SearchSchema}: {@code text} or {@code text.fa}.
   */
  public String field(String base) {
    return base + suffix;
  }

  /** Whether this is the site's language (plain field names). */
  public boolean isSite() {
    return suffix.isEmpty();
  }

  /** The analyzer its articles were indexed with. */
  public Analyzer analyzer() {
    return SearchSchema.analyzer(code, stopwords);
  }
}
