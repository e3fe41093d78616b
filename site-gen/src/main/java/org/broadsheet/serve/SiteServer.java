package org.broadsheet.serve;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty server on one address, serving one handler tree; stopping it lets requests in flight
 * finish. Every response carries the {@link SecurityHeaders}. At most {@link
 * ServeLimits#maxConnections()} connections are open at once (more wait to be accepted, while idle
 * ones are closed sooner), and a connection idle for {@link ServeLimits#idleTimeout()} is closed: a
 * flood of idle connections cannot take every file descriptor.
 */
public final class SiteServer implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;
  private final NetworkConnectionLimit limit;

  private SiteServer(Server server, ServerConnector connector, NetworkConnectionLimit limit) {
    this.server = server;
    this.connector = connector;
    this.limit = limit;
  }

  /**
   * Starts serving {@code app} on {@code host:port} ({@code port} 0: any free port).
   *
   * @throws PortInUseException when the address is taken
   */
  public static SiteServer start(String host, int port, Handler app, ServeLimits limits)
      throws IOException {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("broadsheet-http");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    server.addConnector(connector);
    NetworkConnectionLimit limit = new NetworkConnectionLimit(limits.maxConnections(), connector);
    limit.setEndPointIdleTimeout(limits.idleTimeoutAtLimit().toMillis());
    server.addBean(limit);
    connector.addBean(shortIdleAtLimit(limit, limits));

    ContextHandler context = new ContextHandler(SecurityHeaders.around(app), "/");
    context.getMimeTypes().addMimeMapping("wasm", "application/wasm");
    server.setHandler(new GracefulHandler(context));
    server.setErrorHandler(SecurityHeaders.errorHandler());
    server.setStopTimeout(3_000);
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      if (causedByBind(e)) {
        throw new PortInUseException(host, port, e);
      }
      throw e instanceof IOException io
          ? io
          : new IOException("cannot start the server: " + e.getMessage(), e);
    }
    return new SiteServer(server, connector, limit);
  }

  /**
   * The limit shortens the idle timeout of the connections open when it is reached, but a burst of
   * connections accepted together opens most of theirs just after; they get the short one here.
   */
  private static Connection.Listener shortIdleAtLimit(
      NetworkConnectionLimit limit, ServeLimits limits) {
    return new Connection.Listener() {
      @Override
      public void onOpened(Connection connection) {
        if (limit.getNetworkConnectionCount() + limit.getPendingNetworkConnectionCount()
            >= limits.maxConnections()) {
          connection.getEndPoint().setIdleTimeout(limits.idleTimeoutAtLimit().toMillis());
        }
      }
    };
  }

  /** Network connections open now. */
  int openConnections() {
    return limit.getNetworkConnectionCount();
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** The address to print and open, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    String host = connector.getHost() == null ? "0.0.0.0" : connector.getHost();
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + shown + ":" + port() + "/");
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    stopQuietly(server);
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception ignored) {
      // stopping: nothing left to report to
    }
  }

  private static boolean causedByBind(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  /** The address is taken by another process. */
  public static final class PortInUseException extends IOException {
    PortInUseException(String host, int port, Throwable cause) {
      super(
          "port "
              + port
              + " on "
              + host
              + " is already in use: stop the other server, or pass --port N"
              + " (--port 0 picks a free one)",
          cause);
    }
  }
}
