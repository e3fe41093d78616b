package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One language of the index as {@link ArchiveSearch} queries it: the analyzer its articles were
 * indexed with, the terms its long queries leave out, and its fields. Built once per searcher.
 */
final class QueryLanguage {
  private final IndexLanguage language;
  private final Analyzer analyzer;
  private final Set<String> longQueryStopwords;

  QueryLanguage(IndexLanguage language) {
    this.language = language;
    this.analyzer = language.analyzer();
    this.longQueryStopwords = new HashSet<>(language.longQueryStopwords());
  }

  String code() {
    return language.code();
  }

  /** This language's field of a text field: {@code text} or {@code text.fa}. */
  String field(String base) {
    return language.field(base);
  }

  Analyzer analyzer() {
    return analyzer;
  }

  /** Whether every one of {@code terms} is a long-query stop word. */
  boolean allCommon(List<String> terms) {
    return longQueryStopwords.containsAll(terms);
  }

  /** {@code terms} without the long-query stop words. */
  List<String> uncommon(List<String> terms) {
    List<String> out = new ArrayList<>(terms);
    out.removeAll(longQueryStopwords);
    return out;
  }

  /** The prefix as this language's terms start: lower-cased, accents folded, not stemmed. */
  String normalize(String prefix) {
    return analyzer.normalize(field(SearchSchema.TEXT), prefix).utf8ToString();
  }

  /**
   * The analysed terms of {@code text} and their positions (from 0), at most {@code max}; with
   * {@code dropCommon}, without the long-query stop words.
   */
  void analyze(
      String text, List<String> terms, List<Integer> positions, boolean dropCommon, int max)
      throws IOException {
    try (TokenStream ts = analyzer.tokenStream(field(SearchSchema.TEXT), text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      while (terms.size() < max && ts.incrementToken()) {
        position += inc.getPositionIncrement();
        terms.add(term.toString());
        positions.add(position);
      }
      ts.end();
    }
    if (dropCommon) {
      terms.removeAll(longQueryStopwords); // words only: their positions are not used
    }
    if (!positions.isEmpty() && positions.get(0) > 0) {
      int shift = positions.get(0);
      positions.replaceAll(p -> p - shift);
    }
  }
}
