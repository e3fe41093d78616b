package org.broadsheet.serve;

import java.time.Duration;
import java.util.Optional;

/**
 * What one {@code serve} will hold for any client or any archive. The defaults carry a newsroom on
 * a laptop; tests shrink them to stay fast.
 *
 * @param maxConnections open connections at once; more wait in the accept queue
 * @param idleTimeout a connection with no traffic for this long is closed (a write stuck this long
 *     fails)
 * @param idleTimeoutAtLimit the idle timeout while {@code maxConnections} are open, to shed idle
 *     ones
 * @param heartbeat how often an idle event stream gets a comment line; shorter than {@code
 *     idleTimeoutAtLimit}, so that live-reload streams stay open while idle connections are shed
 * @param maxPendingEvents events queued for one event-stream client before it is dropped as too
 *     slow
 * @param maxWriteStall how long one write to an event-stream client may stay pending before it is
 *     dropped
 * @param maxEntryBytes the largest inflated size of one zip entry
 * @param maxRatio the largest inflated/compressed ratio of an entry over {@code ratioFloor} bytes
 * @param ratioFloor entries up to this size may compress any amount (a page of spaces does)
 * @param maxDecoratedBytes pages up to this size get the live-reload script; larger ones are
 *     streamed as built
 */
public record ServeLimits(
    int maxConnections,
    Duration idleTimeout,
    Duration idleTimeoutAtLimit,
    Duration heartbeat,
    int maxPendingEvents,
    Duration maxWriteStall,
    long maxEntryBytes,
    int maxRatio,
    long ratioFloor,
    int maxDecoratedBytes) {

  public static final ServeLimits DEFAULTS =
      new ServeLimits(
          1000,
          Duration.ofSeconds(30),
          Duration.ofSeconds(5),
          Duration.ofSeconds(4),
          16,
          Duration.ofSeconds(5),
          1L << 30,
          200,
          1L << 20,
          16 << 20);

  public ServeLimits {
    if (maxConnections < 1
        || maxPendingEvents < 1
        || maxRatio < 1
        || maxEntryBytes < 1
        || maxDecoratedBytes < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (heartbeat.compareTo(idleTimeout) >= 0 || heartbeat.compareTo(idleTimeoutAtLimit) >= 0) {
      // an event stream with nothing to say would otherwise be closed as idle
      throw new IllegalArgumentException("the heartbeat must be shorter than the idle timeouts");
    }
  }

  public ServeLimits withConnections(int max, Duration idle, Duration idleAtLimit) {
    long shorter = Math.min(idle.toMillis(), idleAtLimit.toMillis());
    return new ServeLimits(
        max,
        idle,
        idleAtLimit,
        Duration.ofMillis(Math.max(1, shorter / 2)),
        maxPendingEvents,
        maxWriteStall,
        maxEntryBytes,
        maxRatio,
        ratioFloor,
        maxDecoratedBytes);
  }

  public ServeLimits withEvents(Duration heartbeat, int maxPending, Duration maxStall) {
    return new ServeLimits(
        maxConnections,
        idleTimeout,
        idleTimeoutAtLimit,
        heartbeat,
        maxPending,
        maxStall,
        maxEntryBytes,
        maxRatio,
        ratioFloor,
        maxDecoratedBytes);
  }

  public ServeLimits withEntries(long maxBytes, int ratio, long floor) {
    return new ServeLimits(
        maxConnections,
        idleTimeout,
        idleTimeoutAtLimit,
        heartbeat,
        maxPendingEvents,
        maxWriteStall,
        maxBytes,
        ratio,
        floor,
        maxDecoratedBytes);
  }

  public ServeLimits withMaxDecorated(int bytes) {
    return new ServeLimits(
        maxConnections,
        idleTimeout,
        idleTimeoutAtLimit,
        heartbeat,
        maxPendingEvents,
        maxWriteStall,
        maxEntryBytes,
        maxRatio,
        ratioFloor,
        bytes);
  }

  /**
   * Whether an entry of these declared sizes is too big or compressed too well to be a real page or
   * file.
   */
  Optional<String> refusal(long inflated, long compressed) {
    if (inflated > maxEntryBytes) {
      return Optional.of("inflates to " + inflated + " bytes, over the limit of " + maxEntryBytes);
    }
    if (inflated > ratioFloor && inflated > (double) maxRatio * compressed) {
      return Optional.of(
          "inflates "
              + compressed
              + " bytes to "
              + inflated
              + " (more than "
              + maxRatio
              + " to 1): a zip bomb, not a page");
    }
    return Optional.empty();
  }
}
