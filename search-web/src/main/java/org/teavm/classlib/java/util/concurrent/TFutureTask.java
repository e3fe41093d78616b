package org.teavm.classlib.java.util.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code java.util.concurrent.FutureTask} for TeaVM: the task runs on the calling thread, which is
 * all Lucene's {@code TaskExecutor} needs when the searcher has no executor.
 */
public class TFutureTask<V> implements TRunnableFuture<V> {
  private Callable<V> callable;
  private V result;
  private Throwable failure;
  private boolean done;
  private boolean cancelled;

  public TFutureTask(Callable<V> callable) {
    this.callable = callable;
  }

  @Override
  public void run() {
    if (done) {
      return;
    }
    try {
      set(callable.call());
    } catch (Throwable e) {
      setException(e);
    }
  }

  protected void set(V v) {
    if (!done) {
      result = v;
      done = true;
    }
  }

  protected void setException(Throwable t) {
    if (!done) {
      failure = t;
      done = true;
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    if (done) {
      return false;
    }
    cancelled = true;
    done = true;
    return true;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public boolean isDone() {
    return done;
  }

  @Override
  public V get() throws ExecutionException {
    if (!done) {
      run();
    }
    if (cancelled) {
      throw new CancellationException();
    }
    if (failure != null) {
      throw new ExecutionException(failure);
    }
    return result;
  }

  @Override
  public V get(long timeout, TimeUnit unit) throws ExecutionException {
    return get();
  }
}
