package org.broadsheet.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * The writer's analyzer: each field is analysed in its language, told by its suffix ({@code text}
 * in the site's, {@code text.fa} in Persian; see {@link SearchSchema}). Languages are {@link #add
 * added} as the writer meets their first article; thread-safe, since parsers index from many
 * threads.
 */
final class LanguageFieldsAnalyzer extends DelegatingAnalyzerWrapper {
  private final Map<String, Analyzer> bySuffix = new ConcurrentHashMap<>();

  LanguageFieldsAnalyzer(IndexInfo info) {
    super(PER_FIELD_REUSE_STRATEGY);
    info.languages().forEach(this::add);
  }

  void add(IndexLanguage language) {
    bySuffix.computeIfAbsent(language.suffix(), s -> language.analyzer());
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    int dot = fieldName.lastIndexOf('.');
    Analyzer analyzer = bySuffix.get(dot < 0 ? "" : fieldName.substring(dot));
    if (analyzer == null) {
      throw new IllegalStateException("no language was added for the field " + fieldName);
    }
    return analyzer;
  }

  @Override
  public void close() {
    bySuffix.values().forEach(Analyzer::close);
    super.close();
  }
}
