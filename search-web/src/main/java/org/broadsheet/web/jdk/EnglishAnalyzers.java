package org.broadsheet.web.jdk;

import java.util.Collection;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/** The analyzers of the English runtime (see {@code teavm.EnglishRuntime}): what SearchSchema picks for them. */
public final class EnglishAnalyzers {
  private EnglishAnalyzers() {}

  public static Analyzer analyzer(String language, Collection<String> stopwords) {
    CharArraySet stop = CharArraySet.unmodifiableSet(new CharArraySet(stopwords, false));
    return language == null || language.equals("en") ? new EnglishAnalyzer(stop) : new StandardAnalyzer(stop);
  }
}
