package org.teavm.classlib.java.util.concurrent.atomic;

import java.util.function.LongBinaryOperator;

/** {@code java.util.concurrent.atomic.LongAccumulator} for TeaVM's single thread. */
public class TLongAccumulator extends Number {
  private final LongBinaryOperator function;
  private final long identity;
  private long value;

  public TLongAccumulator(LongBinaryOperator function, long identity) {
    this.function = function;
    this.identity = identity;
    this.value = identity;
  }

  public void accumulate(long x) {
    value = function.applyAsLong(value, x);
  }

  public long get() {
    return value;
  }

  public void reset() {
    value = identity;
  }

  public long getThenReset() {
    long v = value;
    value = identity;
    return v;
  }

  @Override
  public long longValue() {
    return value;
  }

  @Override
  public int intValue() {
    return (int) value;
  }

  @Override
  public float floatValue() {
    return value;
  }

  @Override
  public double doubleValue() {
    return value;
  }
}
