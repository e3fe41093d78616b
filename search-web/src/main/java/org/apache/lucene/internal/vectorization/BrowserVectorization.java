package org.apache.lucene.internal.vectorization;

/**
 * Broadsheet's, not Lucene's: in the browser runtime {@code VectorizationProvider.getInstance()} is
 * rewritten (by {@code org.broadsheet.web.teavm.LuceneForBrowser}) to call {@link #provider()}:
 * always Lucene's scalar provider, without the JVM's module and stack-walking checks. It sits in
 * Lucene's package only because that provider's constructor is package-private. Never used on the
 * JVM.
 */
public final class BrowserVectorization {
  private static VectorizationProvider instance;

  private BrowserVectorization() {}

  public static VectorizationProvider provider() {
    if (instance == null) {
      instance = new DefaultVectorizationProvider();
    }
    return instance;
  }
}
