package org.broadsheet.web.teavm;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodHolder;

/**
 * For the English runtime ({@code search-en.wasm}, used by sites in English and in languages
 * Broadsheet has no analyzer for): {@code SearchSchema.analyzer(language, stopwords)} is compiled
 * as {@link org.broadsheet.web.jdk.EnglishAnalyzers#analyzer}, so the Persian, Arabic, German,
 * French and Spanish analyzers stay out of it. search.js loads the full runtime when the index
 * holds any of those five languages (the manifest's {@code languages}: the site's and its articles'
 * in other languages).
 */
public final class EnglishRuntime implements ClassHolderTransformer {
  @Override
  public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
    if (!cls.getName().equals("org.broadsheet.search.SearchSchema")) {
      return;
    }
    for (MethodHolder method : cls.getMethods()) {
      if (method.getName().equals("analyzer") && method.parameterCount() == 2) {
        LuceneForBrowser.replaceBody(
            method, "org.broadsheet.web.jdk.EnglishAnalyzers#analyzer", context);
      }
    }
  }
}
