package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void aFailedPhaseThrowsOnlyOnceEveryWorkerHasStoppedAndTakesNoNewItems() throws Exception {
    List<Integer> items = IntStream.range(0, 200).boxed().toList();
    AtomicInteger finished = new AtomicInteger();
    Progress.PhaseException e = assertThrows(Progress.PhaseException.class, () -> Progress.quiet().run("render", items, i -> {
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

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }
}
