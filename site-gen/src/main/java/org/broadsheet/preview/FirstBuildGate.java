package org.broadsheet.preview;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.search.SearchJson;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Holds every request until the preview's first build and its search index are ready, so that no
 * one sees a 404 for a page that is being built, nor an empty answer from an index being written. A
 * page waits a moment, then gets a "Building..." page that reloads itself (held again, so it shows
 * the site as soon as it is ready); {@code /api/search} waits longer, then gets a 503 with {@code
 * Retry-After}.
 */
final class FirstBuildGate extends Handler.Wrapper {
  static final Duration PAGE_HOLD = Duration.ofSeconds(2);
  static final Duration API_HOLD = Duration.ofSeconds(60);

  private static final String BUILDING =
      """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="refresh" content="1">
      <title>Building the site…</title>
      </head>
      <body>
      <main>
      <h1>Building the site…</h1>
      <p>Broadsheet is building the preview. This page reloads itself, and shows the site as soon
      as the first build is ready.</p>
      </main>
      </body>
      </html>
      """;

  private final CountDownLatch ready = new CountDownLatch(1);
  private final AtomicInteger waiting = new AtomicInteger();
  private final Duration pageHold;
  private final Duration apiHold;

  FirstBuildGate(Handler app) {
    this(app, PAGE_HOLD, API_HOLD);
  }

  FirstBuildGate(Handler app, Duration pageHold, Duration apiHold) {
    super(app);
    this.pageHold = pageHold;
    this.apiHold = apiHold;
  }

  /** The first build and its index are ready: let every request through. */
  void open() {
    ready.countDown();
  }

  boolean isOpen() {
    return ready.getCount() == 0;
  }

  /** Requests held now. */
  int waiting() {
    return waiting.get();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (isOpen()) {
      return super.handle(request, response, callback);
    }
    boolean api = Request.getPathInContext(request).startsWith("/api/");
    waiting.incrementAndGet();
    boolean opened;
    try {
      opened = ready.await((api ? apiHold : pageHold).toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      waiting.decrementAndGet();
    }
    if (opened) {
      return super.handle(request, response, callback);
    }
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
    response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (api) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
      Content.Sink.write(
          response,
          true,
          SearchJson.error("the site is still being built; try again in a moment"),
          callback);
    } else {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
      Content.Sink.write(response, true, BUILDING, callback);
    }
    return true;
  }
}
