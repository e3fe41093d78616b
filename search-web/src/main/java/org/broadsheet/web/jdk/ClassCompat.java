package org.broadsheet.web.jdk;

/**
 * {@code Class} and {@code Runtime} methods TeaVM lacks; Lucene calls them in assertions and
 * sizing.
 */
public final class ClassCompat {
  private ClassCompat() {}

  public static boolean isAnonymousClass(Class<?> cls) {
    return false;
  }

  /** A browser tab's budget: only sizes Lucene's (disabled) query cache. */
  public static long maxMemory(Runtime runtime) {
    return 256L << 20;
  }
}
