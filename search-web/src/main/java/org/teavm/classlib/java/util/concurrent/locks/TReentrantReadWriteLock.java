package org.teavm.classlib.java.util.concurrent.locks;

import java.util.concurrent.TimeUnit;

/**
 * {@code java.util.concurrent.locks.ReentrantReadWriteLock} for TeaVM: the browser runtime has one
 * thread, so every lock is free (Lucene's query cache constructs one even when it is never used).
 */
public class TReentrantReadWriteLock implements TReadWriteLock {
  private final ReadLock readLock = new ReadLock();
  private final WriteLock writeLock = new WriteLock();

  public TReentrantReadWriteLock() {}

  public TReentrantReadWriteLock(boolean fair) {}

  @Override
  public ReadLock readLock() {
    return readLock;
  }

  @Override
  public WriteLock writeLock() {
    return writeLock;
  }

  /** A lock that is always free. */
  public static class ReadLock implements TLock {
    @Override
    public void lock() {}

    @Override
    public void lockInterruptibly() {}

    @Override
    public boolean tryLock() {
      return true;
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) {
      return true;
    }

    @Override
    public void unlock() {}
  }

  /** A lock that is always free. */
  public static class WriteLock extends ReadLock {}
}
