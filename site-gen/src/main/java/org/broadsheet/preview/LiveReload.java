package org.broadsheet.preview;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.serve.PageDecorator;
import org.broadsheet.serve.ServeLimits;
import org.broadsheet.serve.SiteHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Live reload for the preview: a server-sent-events stream at {@value #EVENTS}, the script that
 * listens to it at {@value #SCRIPT}, and the {@link PageDecorator} that adds that script to every
 * HTML page served. Built output never contains any of it.
 *
 * <p>Events, each with a JSON {@code data} line:
 *
 * <pre>
 * event: hello    {"generation": 3, "problems": [...]}   on connect: the current state
 * event: reload   {"generation": 4}                      a rebuild succeeded: reload the page
 * event: problems {"generation": 5, "problems": [...]}   a rebuild found errors: show the overlay
 * </pre>
 *
 * A problem is {@code {"path", "line", "column", "severity", "message", "text"}}, {@code text}
 * being the compiler-style {@code path:line:col: severity: message} with the source line and caret.
 *
 * <p>The script is a file the page loads ({@code <script src>}), never inline, so pages keep the
 * Content-Security-Policy that forbids inline script. Each client gets its events on its own (see
 * {@link EventClient}): a browser that stops reading cannot hold up the others, and is dropped.
 */
public final class LiveReload implements PageDecorator, AutoCloseable {
  static final String EVENTS = "/_broadsheet/events";
  static final String SCRIPT = "/_broadsheet/live.js";
  private static final String TAG = "<script src=\"" + SCRIPT + "\" defer></script>";

  private final ServeLimits limits;
  private final Set<EventClient> clients = new CopyOnWriteArraySet<>();
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "broadsheet-sse-heartbeat");
            t.setDaemon(true);
            return t;
          });
  private final String script = readScript();
  private volatile BuildStatus status = BuildStatus.initial();

  LiveReload(ServeLimits limits) {
    this.limits = limits;
    long every = limits.heartbeat().toMillis();
    heartbeat.scheduleAtFixedRate(
        () -> forEachClient(EventClient::heartbeat), every, every, TimeUnit.MILLISECONDS);
  }

  /** Tells every open page about a finished build: reload, or show its problems. */
  public void publish(BuildStatus next) {
    status = next;
    broadcast(next.ok() ? event("reload", next, false) : event("problems", next, true));
  }

  public BuildStatus status() {
    return status;
  }

  int connectedClients() {
    return clients.size();
  }

  /** The handler for the event stream and the script. */
  @Override
  public Handler handler() {
    return new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!SCRIPT.equals(path) && !EVENTS.equals(path)) {
          return false;
        }
        if (SiteHandler.refuseMethod(request, response, callback)) {
          return true;
        }
        if (SCRIPT.equals(path)) {
          response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/javascript;charset=utf-8");
          response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
          Content.Sink.write(response, true, script, callback);
          return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        EventClient client = new EventClient(response, callback, limits, clients::remove);
        clients.add(client);
        client.send(event("hello", status, true));
        return true;
      }
    };
  }

  @Override
  public byte[] decorate(String sitePath, byte[] html) {
    String page = new String(html, StandardCharsets.UTF_8);
    int at = page.lastIndexOf("</body>");
    String decorated = at < 0 ? page + TAG : page.substring(0, at) + TAG + page.substring(at);
    return decorated.getBytes(StandardCharsets.UTF_8);
  }

  private void broadcast(String message) {
    forEachClient(client -> client.send(message));
  }

  private void forEachClient(Consumer<EventClient> action) {
    for (EventClient client : clients) {
      try {
        action.accept(client);
      } catch (RuntimeException e) {
        client.end(e); // one broken stream must not stop the heartbeat for the others
      }
    }
  }

  private static String event(String name, BuildStatus status, boolean withProblems) {
    StringWriter data = new StringWriter();
    try (JsonGenerator g = JSON.std.getStreamingFactory().createGenerator(data)) {
      g.writeStartObject();
      g.writeNumberField("generation", status.generation());
      if (withProblems) {
        g.writeArrayFieldStart("problems");
        for (Diagnostic d : status.problems()) {
          g.writeStartObject();
          g.writeStringField("path", d.path());
          g.writeNumberField("line", d.line());
          g.writeNumberField("column", d.column());
          g.writeStringField("severity", d.severity().label());
          g.writeStringField("message", d.message());
          g.writeStringField("text", d.format());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "event: " + name + "\ndata: " + data + "\n\n";
  }

  private static String readScript() {
    try (InputStream in = LiveReload.class.getResourceAsStream("live.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("live.js missing from the jar", e);
    }
  }

  /** Ends every open event stream, so the server can stop without waiting for them. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    for (EventClient client : clients) {
      client.end(null);
    }
  }
}
