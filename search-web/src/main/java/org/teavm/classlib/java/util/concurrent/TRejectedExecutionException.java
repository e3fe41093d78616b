package org.teavm.classlib.java.util.concurrent;

/**
 * {@code java.util.concurrent.RejectedExecutionException} for TeaVM. Lucene's TaskExecutor catches
 * it; without the class TeaVM's WasmGC backend emits an invalid cast for that catch clause.
 */
public class TRejectedExecutionException extends RuntimeException {
  public TRejectedExecutionException() {}

  public TRejectedExecutionException(String message) {
    super(message);
  }

  public TRejectedExecutionException(String message, Throwable cause) {
    super(message, cause);
  }

  public TRejectedExecutionException(Throwable cause) {
    super(cause);
  }
}
