package org.broadsheet.build;

import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs work over items on a pool of its own and returns only when every worker has stopped. A
 * parallel stream rethrows the first failure while other workers are still inside their items, so
 * the caller's cleanup (deleting the staging folder) raced them and they wrote the folder back.
 * Here the first failure stops workers from taking new items, the items in hand finish, and only
 * then is the failure thrown (later ones attached as suppressed). An interrupt of the caller stops
 * them the same way.
 */
final class Workers {
  private Workers() {}

  static <T> void run(String phase, List<T> items, Consumer<T> work) {
    run(phase, items, work, Runnable::run);
  }

  /**
   * The same, each worker running its whole share through {@code onThread} (the render phase:
   * {@link org.broadsheet.render.Templates#onRenderThread}, one hand-over a worker, not one an
   * item). What {@code onThread} throws fails the phase like an item's failure.
   */
  static <T> void run(String phase, List<T> items, Consumer<T> work, Consumer<Runnable> onThread) {
    List<T> list = items instanceof RandomAccess ? items : new ArrayList<>(items);
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), list.size()));
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicInteger worker = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "broadsheet-" + phase + "-" + worker.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> running = new ArrayList<>(threads);
      for (int i = 0; i < threads; i++) {
        running.add(
            pool.submit(
                () -> {
                  try {
                    onThread.accept(() -> drain(list, work, next, failure));
                  } catch (RuntimeException | Error e) {
                    fail(failure, e);
                  }
                }));
      }
      boolean interrupted = false;
      for (Future<?> f : running) {
        interrupted |= awaitUninterruptibly(f, failure);
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    } finally {
      pool.shutdownNow();
      awaitTermination(pool);
    }
    rethrow(phase, failure.get());
  }

  private static <T> void drain(
      List<T> items, Consumer<T> work, AtomicInteger next, AtomicReference<Throwable> failure) {
    for (int i = next.getAndIncrement();
        i < items.size() && failure.get() == null;
        i = next.getAndIncrement()) {
      try {
        work.accept(items.get(i));
      } catch (RuntimeException | Error e) {
        fail(failure, e);
      }
    }
  }

  private static void fail(AtomicReference<Throwable> failure, Throwable e) {
    if (!failure.compareAndSet(null, e) && failure.get() != e) {
      failure.get().addSuppressed(e);
    }
  }

  /** Waits for one worker; an interrupt stops the others from taking items, but still waits. */
  private static boolean awaitUninterruptibly(Future<?> f, AtomicReference<Throwable> failure) {
    boolean interrupted = false;
    while (true) {
      try {
        f.get();
        return interrupted;
      } catch (InterruptedException e) {
        interrupted = true;
        failure.compareAndSet(null, new CancellationException("interrupted"));
      } catch (ExecutionException e) {
        return interrupted; // drain catches everything; nothing to report here
      }
    }
  }

  private static void awaitTermination(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void rethrow(String phase, Throwable failure) {
    if (failure instanceof RuntimeException e) {
      throw new Progress.PhaseException(phase, e);
    }
    if (failure instanceof Error e) {
      throw e;
    }
  }
}
