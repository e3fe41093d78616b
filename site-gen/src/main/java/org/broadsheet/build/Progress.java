package org.broadsheet.build;

import java.util.List;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs a phase of the build over its items, in parallel, with a console progress bar when asked.
 * An item that throws fails the phase with the phase's name in the message, and only once every
 * worker has stopped (see {@link Workers}), so the caller can clean up behind the phase.
 */
public final class Progress {
  private final boolean visible;
  private final java.util.Map<String, Long> millis = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());

  public Progress(boolean visible) {
    this.visible = visible;
  }

  public static Progress quiet() {
    return new Progress(false);
  }

  /** Wall time of each phase run so far, in milliseconds, in the order they ran. */
  public String timings() {
    StringBuilder sb = new StringBuilder();
    synchronized (millis) {
      millis.forEach((phase, ms) -> sb.append(sb.length() == 0 ? "" : ", ").append(phase).append(' ').append(ms).append(" ms"));
    }
    return sb.toString();
  }

  /** Adds the time of a phase run outside {@link #run}. */
  public void record(String phase, long nanos) {
    millis.merge(phase, nanos / 1_000_000, Long::sum);
  }

  public <T> void run(String phase, List<T> items, Consumer<T> work) {
    long start = System.nanoTime();
    try {
      runItems(phase, items, work);
    } finally {
      millis.merge(phase, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }
  }

  private <T> void runItems(String phase, List<T> items, Consumer<T> work) {
    if (!visible || items.size() < 200) {
      Workers.run(phase, items, work);
      return;
    }
    ProgressBarBuilder bar = new ProgressBarBuilder().setTaskName(String.format("%-8s", phase))
        .setInitialMax(items.size()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
        .continuousUpdate().setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err));
    try (ProgressBar pb = bar.build()) {
      Workers.run(phase, items, item -> {
        work.accept(item);
        pb.step();
      });
    }
  }

  /** A phase failed; the message starts with the phase's name ("render: ..."). */
  public static final class PhaseException extends RuntimeException {
    PhaseException(String phase, RuntimeException cause) {
      super(phase + ": " + cause.getMessage(), cause);
    }
  }
}
