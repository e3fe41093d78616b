package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A build step on a thread of its own gives its result, or throws what it threw, as it was. */
class BackgroundTest {
  @Test
  void joinGivesTheResult() throws Exception {
    assertEquals("walked", Background.start("t", "testing", () -> "walked").join());
  }

  @Test
  void joinThrowsWhatTheStepThrewUnwrapped() {
    IOException io = new IOException("disk full");
    IllegalArgumentException arg = new IllegalArgumentException("bad");
    OutOfMemoryError error = new OutOfMemoryError("heap");
    assertSame(
        io,
        assertThrows(
            IOException.class,
            Background.start(
                    "t",
                    "t",
                    () -> {
                      throw io;
                    })
                ::join));
    assertSame(
        arg,
        assertThrows(
            IllegalArgumentException.class,
            Background.start(
                    "t",
                    "t",
                    () -> {
                      throw arg;
                    })
                ::join));
    assertSame(
        error,
        assertThrows(
            OutOfMemoryError.class,
            Background.start(
                    "t",
                    "t",
                    () -> {
                      throw error;
                    })
                ::join));
  }

  @Test
  void awaitEndReturnsOnlyOnceTheStepHasEnded() throws Exception {
    AtomicBoolean ended = new AtomicBoolean();
    Background<Void> step =
        Background.start(
            "t",
            "testing",
            () -> {
              Thread.sleep(200);
              ended.set(true);
              throw new IOException("ignored by awaitEnd");
            });
    step.awaitEnd();
    assertTrue(ended.get());
  }
}
