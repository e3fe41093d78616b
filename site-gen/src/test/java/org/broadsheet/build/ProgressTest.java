package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void aFailedPhaseThrowsOnlyOnceEveryWorkerHasStoppedAndTakesNoNewItems() throws Exception {
    List<Integer> items = IntStream.range(0, 200).boxed().toList();
    AtomicInteger finished = new AtomicInteger();
    Progress.PhaseException e =
        assertThrows(
            Progress.PhaseException.class,
            () ->
                Progress.quiet()
                    .run(
                        "render",
                        items,
                        i -> {
                          if (i == 100 || i == 3) {
                            throw new IllegalStateException("page " + i + " failed");
                          }
                          sleep(20);
                          finished.incrementAndGet();
                        }));
    int atThrow = finished.get();
    sleep(300);
    assertEquals(atThrow, finished.get(), "no worker finished an item after the phase returned");
    assertTrue(atThrow < 150, "workers stop taking items after a failure: " + atThrow);
    assertTrue(e.getMessage().startsWith("render: page "), e.getMessage());
  }

  @Test
  void aBarShowsOnlyForALongPhaseWhenStderrIsATerminalThatRedrawsAndBarsAreOn() {
    int n = Progress.LONG_PHASE;
    BooleanSupplier terminal = () -> true;
    BooleanSupplier redirected = () -> false;
    assertTrue(Progress.showsBar(true, n, "xterm-256color", terminal));
    assertTrue(Progress.showsBar(true, n, null, terminal), "no TERM is no reason to refuse");
    assertFalse(Progress.showsBar(true, n - 1, "xterm", terminal), "short phase");
    assertFalse(Progress.showsBar(true, n, "xterm", redirected), "stderr to a file or a pipe");
    assertFalse(
        Progress.showsBar(true, n, "dumb", terminal), "a terminal that cannot redraw a line");
    assertFalse(Progress.showsBar(false, n, "xterm", terminal), "--no-progress, a preview, a test");
  }

  @Test
  void theTerminalIsAskedOnlyForALongPhaseWithBarsOnAndOnlyOnce() {
    AtomicInteger asked = new AtomicInteger();
    BooleanSupplier terminal = () -> asked.incrementAndGet() > 0;
    new Progress(false, "xterm", terminal).showsBar(1_000_000);
    Progress progress = new Progress(true, "xterm", terminal);
    assertFalse(progress.showsBar(Progress.LONG_PHASE - 1));
    assertEquals(0, asked.get());
    assertTrue(progress.showsBar(Progress.LONG_PHASE));
    assertTrue(progress.showsBar(50_000));
    assertEquals(1, asked.get());
  }

  @Test
  void quietProgressNeverShowsABar() {
    assertFalse(Progress.quiet().showsBar(1_000_000));
  }

  @Test
  void onlyATerminalDeviceCountsAsATerminal() {
    assertTrue(StderrTerminal.isTerminalDevice("/dev/pts/3"));
    assertTrue(StderrTerminal.isTerminalDevice("/dev/tty1"));
    for (String other :
        List.of("pipe:[631322]", "socket:[12]", "/dev/null", "/tmp/build.log", "/home/dev/pts/x")) {
      assertFalse(StderrTerminal.isTerminalDevice(other), other);
    }
  }

  @Test
  void aRedirectedStderrIsNoTerminal() {
    // Surefire runs tests in a forked JVM whose stderr is a pipe to Maven.
    assertFalse(StderrTerminal.check());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }
}
