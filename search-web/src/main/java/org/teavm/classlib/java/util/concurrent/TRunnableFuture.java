package org.teavm.classlib.java.util.concurrent;

/** {@code java.util.concurrent.RunnableFuture} for TeaVM. */
public interface TRunnableFuture<V> extends Runnable, TFuture<V> {
  @Override
  void run();
}
