package org.broadsheet.build;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs a phase of the build over its items, in parallel, with a progress bar on stderr for a long
 * phase when stderr is a terminal (see {@link #showsBar}). An item that throws fails the phase with
 * the phase's name in the message, and only once every worker has stopped (see {@link Workers}), so
 * the caller can clean up behind the phase.
 */
public final class Progress {
  /**
   * Items from which a phase gets a bar: a shorter one is over before a bar would tell anything.
   */
  static final int LONG_PHASE = 1_000;

  private final boolean bars;
  private final String term;
  private final BooleanSupplier stderrIsTerminal;
  private final java.util.Map<String, Long> millis =
      java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
  private Boolean terminal; // asked once, at the first long phase, since asking may start a process

  /**
   * {@code bars}: show bars where {@link #showsBar} allows; false for a preview, {@code
   * --no-progress}, tests.
   */
  public Progress(boolean bars) {
    this(bars, System.getenv("TERM"), StderrTerminal::check);
  }

  Progress(boolean bars, String term, BooleanSupplier stderrIsTerminal) {
    this.bars = bars;
    this.term = term;
    this.stderrIsTerminal = stderrIsTerminal;
  }

  public static Progress quiet() {
    return new Progress(false);
  }

  /**
   * The rule: a bar only when bars are on, for a phase of at least {@link #LONG_PHASE} items, on a
   * terminal that draws one (TERM=dumb cannot redraw a line) and only when stderr is that terminal,
   * so output redirected to a file or a pipe never holds one. The terminal is asked last.
   */
  static boolean showsBar(boolean bars, int items, String term, BooleanSupplier stderrIsTerminal) {
    return bars && items >= LONG_PHASE && !"dumb".equals(term) && stderrIsTerminal.getAsBoolean();
  }

  /** Whether a phase of {@code items} items shows a bar in this build. */
  synchronized boolean showsBar(int items) {
    return showsBar(
        bars,
        items,
        term,
        () -> {
          if (terminal == null) {
            terminal = stderrIsTerminal.getAsBoolean();
          }
          return terminal;
        });
  }

  /** Wall time of each phase run so far, in milliseconds, in the order they ran. */
  public String timings() {
    StringBuilder sb = new StringBuilder();
    synchronized (millis) {
      millis.forEach(
          (phase, ms) ->
              sb.append(sb.length() == 0 ? "" : ", ")
                  .append(phase)
                  .append(' ')
                  .append(ms)
                  .append(" ms"));
    }
    return sb.toString();
  }

  /** Adds the time of a phase run outside {@link #run}. */
  public void record(String phase, long nanos) {
    millis.merge(phase, nanos / 1_000_000, Long::sum);
  }

  public <T> void run(String phase, List<T> items, Consumer<T> work) {
    run(phase, items, work, Runnable::run);
  }

  /** The same, each worker's share run through {@code onThread} ({@link Workers#run}). */
  public <T> void run(String phase, List<T> items, Consumer<T> work, Consumer<Runnable> onThread) {
    long start = System.nanoTime();
    try {
      runItems(phase, items, work, onThread);
    } finally {
      millis.merge(phase, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }
  }

  private <T> void runItems(
      String phase, List<T> items, Consumer<T> work, Consumer<Runnable> onThread) {
    if (!showsBar(items.size())) {
      Workers.run(phase, items, work, onThread);
      return;
    }
    ProgressBarBuilder bar =
        new ProgressBarBuilder()
            .setTaskName(String.format("%-8s", phase))
            .setInitialMax(items.size())
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .continuousUpdate()
            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err));
    try (ProgressBar pb = bar.build()) {
      Workers.run(
          phase,
          items,
          item -> {
            work.accept(item);
            pb.step();
          },
          onThread);
    }
  }

  /** A phase failed; the message starts with the phase's name ("render: ..."). */
  public static final class PhaseException extends RuntimeException {
    PhaseException(String phase, RuntimeException cause) {
      super(phase + ": " + cause.getMessage(), cause);
    }
  }
}
