package org.broadsheet.build;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A step of the build on a daemon thread of its own, started at once, whose result (or failure) a
 * later {@link #join} gives on the thread that needs it: the content walk while the site is set up,
 * the index's last step while listings render, the build cache while pages render.
 */
final class Background<T> {
  private final FutureTask<T> task;
  private final Thread thread;
  private final String what;

  private Background(String name, String what, Callable<T> work) {
    this.task = new FutureTask<>(work);
    this.thread = new Thread(task, name);
    this.what = what;
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Starts {@code work} on a thread called {@code name}; {@code what} says in an interruption's
   * message what was waited for.
   */
  static <T> Background<T> start(String name, String what, Callable<T> work) {
    return new Background<>(name, what, work);
  }

  /** Waits for the step, and gives its result or throws what it threw, as it was. */
  T join() throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while " + what);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      } else if (e.getCause() instanceof RuntimeException r) {
        throw r;
      } else if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Waits for the step to end, whatever it gave: nothing it does outlives this. */
  void awaitEnd() throws InterruptedIOException {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while " + what);
    }
  }
}
