package org.broadsheet.render;

import java.time.Duration;

/**
 * Bounds on one page render, since themes come from strangers: its time, and how deep template
 * elements may nest (macro and function calls included) before the render is stopped. The time is
 * the render thread's processor time (an endless loop is stopped once it has used that much), and a
 * render that stops answering altogether (blocked in a view's method) is abandoned that long, plus
 * a grace, after it began, not counting while the process stood still (Ctrl-Z and {@code fg} on a
 * long build, a debugger).
 */
public record RenderLimits(Duration time, int depth) {
  /**
   * 10 s a page: the slowest real page renders in milliseconds. 1,000 levels: real themes nest a
   * few dozen.
   */
  public static final RenderLimits DEFAULT = new RenderLimits(Duration.ofSeconds(10), 1_000);

  public RenderLimits {
    if (time.isNegative() || time.isZero() || depth < 1) {
      throw new IllegalArgumentException("render limits must be positive: " + time + ", " + depth);
    }
  }

  public RenderLimits withTime(Duration value) {
    return new RenderLimits(value, depth);
  }

  String describeTime() {
    return time.toMillis() % 1000 == 0 ? time.toSeconds() + " s" : time.toMillis() + " ms";
  }
}
