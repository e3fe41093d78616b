package org.broadsheet.web.jdk;

import java.util.Collection;
import org.apache.lucene.analysis.Analyzer;
import org.broadsheet.search.SearchSchema;

/**
 * The analyzers of the English runtime (see {@code teavm.EnglishRuntime}): what SearchSchema picks
 * for them.
 */
public final class EnglishAnalyzers {
  private EnglishAnalyzers() {}

  public static Analyzer analyzer(String language, Collection<String> stopwords) {
    return SearchSchema.analysis(language).equals("en")
        ? SearchSchema.englishAnalyzer(stopwords)
        : SearchSchema.standardAnalyzer(stopwords);
  }
}
