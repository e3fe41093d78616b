package org.broadsheet.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * A language's analyzer with accents folded last ("Zürich", "zurich" and "ZURICH" are one term),
 * both when text is indexed and when a query or a prefix is {@link Analyzer#normalize normalized}.
 * Folding comes after the language's own stemming and stop words, which expect the accented forms
 * ("été" is a French stop word), so an exact-accent match and its unaccented spelling meet in the
 * same term and rank alike.
 */
final class FoldingAnalyzer extends AnalyzerWrapper {
  private final Analyzer language;

  FoldingAnalyzer(Analyzer language) {
    super(language.getReuseStrategy());
    this.language = language;
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    return language;
  }

  @Override
  protected TokenStreamComponents wrapComponents(
      String fieldName, TokenStreamComponents components) {
    return new TokenStreamComponents(
        components.getSource(), new ASCIIFoldingFilter(components.getTokenStream()));
  }

  @Override
  protected TokenStream wrapTokenStreamForNormalization(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(in);
  }

  @Override
  public void close() {
    language.close();
    super.close();
  }
}
