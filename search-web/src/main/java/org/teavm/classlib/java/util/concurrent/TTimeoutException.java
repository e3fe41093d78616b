package org.teavm.classlib.java.util.concurrent;

/** {@code java.util.concurrent.TimeoutException} for TeaVM (named in Lucene catch clauses). */
public class TTimeoutException extends Exception {
  public TTimeoutException() {}

  public TTimeoutException(String message) {
    super(message);
  }
}
