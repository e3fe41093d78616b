package org.teavm.classlib.java.util.concurrent.locks;

import java.util.concurrent.TimeUnit;

/** {@code java.util.concurrent.locks.Lock} for TeaVM's single thread (no conditions). */
public interface TLock {
  void lock();

  void lockInterruptibly();

  boolean tryLock();

  boolean tryLock(long time, TimeUnit unit);

  void unlock();
}
