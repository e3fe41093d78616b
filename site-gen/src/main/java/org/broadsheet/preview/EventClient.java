package org.broadsheet.preview;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.broadsheet.serve.ServeLimits;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One open event stream. Sending never blocks the caller: messages queue here and go out one at a
 * time, each write started when the last one completes. A client whose queue reaches {@link
 * ServeLimits#maxPendingEvents()}, or whose write has been pending longer than {@link
 * ServeLimits#maxWriteStall()} when the next message or heartbeat comes, is dropped; a browser that
 * was only slow reconnects and gets the current state in {@code hello}.
 */
final class EventClient {
  private final Response response;
  private final Callback done;
  private final ServeLimits limits;
  private final Consumer<EventClient> onEnd;
  private final Deque<String> queue = new ArrayDeque<>();
  private long writingSince = -1; // System.nanoTime() when the pending write started; -1: none
  private boolean ended;

  /**
   * @param done completes the request; called once, when the stream ends
   * @param onEnd told when the stream ends, for whatever reason
   */
  EventClient(Response response, Callback done, ServeLimits limits, Consumer<EventClient> onEnd) {
    this.response = response;
    this.done = done;
    this.limits = limits;
    this.onEnd = onEnd;
  }

  /**
   * Keeps an idle stream open (a comment line, shorter than the idle timeout apart); while a write
   * is pending the connection is not idle, so the heartbeat only checks that it is moving.
   */
  void heartbeat() {
    boolean idle;
    boolean stalled;
    synchronized (this) {
      idle = writingSince < 0;
      stalled = !idle && System.nanoTime() - writingSince > limits.maxWriteStall().toNanos();
    }
    if (stalled) {
      end(new TimeoutException("event stream client stopped reading"));
    } else if (idle) {
      send(": keep-alive\n\n");
    }
  }

  void send(String message) {
    boolean start = false;
    boolean behind = false;
    synchronized (this) {
      if (ended) {
        return;
      }
      if (writingSince < 0) {
        writingSince = System.nanoTime();
        start = true;
      } else if (System.nanoTime() - writingSince > limits.maxWriteStall().toNanos()
          || queue.size() >= limits.maxPendingEvents()) {
        behind = true;
      } else {
        queue.add(message);
      }
    }
    if (behind) {
      end(new TimeoutException("event stream client fell behind"));
    } else if (start) {
      write(message);
    }
  }

  private void write(String message) {
    Content.Sink.write(response, false, message, Callback.from(this::written, this::end));
  }

  private void written() {
    String next;
    synchronized (this) {
      next = ended ? null : queue.poll();
      writingSince = next == null ? -1 : System.nanoTime();
    }
    if (next != null) {
      write(next);
    }
  }

  /**
   * Ends the stream: cleanly when nothing is being written, else by failing it (closing the
   * connection).
   */
  void end(Throwable failure) {
    boolean pending;
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      pending = writingSince >= 0;
      queue.clear();
    }
    onEnd.accept(this);
    if (failure == null && !pending) {
      done.succeeded();
    } else {
      done.failed(failure != null ? failure : new EofException("server stopping"));
    }
  }
}
