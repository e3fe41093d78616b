package org.apache.lucene.util;

import java.util.HashMap;
import java.util.Map;

/**
 * Broadsheet's, not Lucene's: the bodies of {@link CloseableThreadLocal}'s methods in the browser
 * runtime ({@code teavm.LuceneForBrowser} redirects them here). The browser runs the engine on one
 * thread, so each {@code CloseableThreadLocal} holds one value, kept here until it is closed.
 * Lucene's own class keeps values through {@code WeakReference}s and a {@code WeakHashMap} of
 * threads, which only cost code in a single-threaded runtime (and {@code WeakReference.get} does
 * not validate in TeaVM's WasmGC compact mode). It sits in Lucene's package only to call the
 * protected {@code initialValue}. Never used on the JVM.
 */
public final class BrowserThreadLocals {
  private static final Map<CloseableThreadLocal<?>, Object> VALUES = new HashMap<>();

  private BrowserThreadLocals() {}

  /** {@code CloseableThreadLocal.get()}. */
  public static Object get(CloseableThreadLocal<Object> local) {
    Object value = VALUES.get(local);
    if (value == null) {
      value = local.initialValue();
      if (value != null) {
        VALUES.put(local, value);
      }
    }
    return value;
  }

  /** {@code CloseableThreadLocal.set(value)}. */
  public static void set(CloseableThreadLocal<Object> local, Object value) {
    VALUES.put(local, value);
  }

  /** {@code CloseableThreadLocal.close()}. */
  public static void close(CloseableThreadLocal<Object> local) {
    VALUES.remove(local);
  }
}
