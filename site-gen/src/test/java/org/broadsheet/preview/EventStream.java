package org.broadsheet.preview;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A test's view of the preview's server-sent events, as the browser's EventSource reads them. */
final class EventStream implements AutoCloseable {
  record Event(String name, String data) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;

  EventStream(int port) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + LiveReload.EVENTS))
            .header("Accept", "text/event-stream")
            .build();
    response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    response.thenAcceptAsync(
        r -> {
          String name = "message";
          StringBuilder data = new StringBuilder();
          for (String line : (Iterable<String>) r.body()::iterator) {
            if (line.isEmpty()) {
              if (data.length() > 0) {
                events.add(new Event(name, data.toString()));
              }
              name = "message";
              data.setLength(0);
            } else if (line.startsWith("event: ")) {
              name = line.substring(7);
            } else if (line.startsWith("data: ")) {
              data.append(line.substring(6));
            }
          }
        });
  }

  /** The next event called {@code name}, skipping others; fails after the timeout. */
  Event next(String name, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      Event e = events.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no '" + name + "' event within " + timeout);
      }
      if (e.name().equals(name)) {
        return e;
      }
    }
  }

  @Override
  public void close() {
    response.thenAccept(r -> r.body().close());
    response.cancel(true);
  }
}
