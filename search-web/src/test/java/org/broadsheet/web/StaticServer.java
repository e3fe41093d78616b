package org.broadsheet.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A static file server on 127.0.0.1 for browser tests; serves .wasm as application/wasm. Requests
 * are served concurrently, as by any static host: the browser fetches a round's index ranges in
 * parallel. With {@code ranges}, a {@code Range: bytes=a-b} request is answered 206 with those
 * bytes; without, the whole file (200), as by hosts that ignore Range. Keeps a log of the requests:
 * {@code "<status> <path>[?query] [<range>]"}.
 */
final class StaticServer implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
  final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private static final Map<String, String> TYPES =
      Map.of(
          "html",
          "text/html; charset=utf-8",
          "js",
          "text/javascript; charset=utf-8",
          "json",
          "application/json",
          "wasm",
          "application/wasm",
          "css",
          "text/css");

  private final HttpServer server;

  StaticServer(Path root) throws IOException {
    this(root, TYPES, true);
  }

  StaticServer(Path root, boolean ranges) throws IOException {
    this(root, TYPES, ranges);
  }

  /**
   * A server that sends .wasm as application/octet-stream, as some hosts do, which {@code
   * WebAssembly.compileStreaming} refuses.
   */
  static StaticServer withoutWasmType(Path root) throws IOException {
    Map<String, String> types = new java.util.HashMap<>(TYPES);
    types.remove("wasm");
    return new StaticServer(root, types, true);
  }

  private StaticServer(Path root, Map<String, String> types, boolean ranges) throws IOException {
    // without it small responses wait for delayed ACKs: ~40 ms a request on loopback
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
              file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
              exchange.sendResponseHeaders(404, -1);
              return;
            }
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            exchange
                .getResponseHeaders()
                .set("Content-Type", types.getOrDefault(ext, "application/octet-stream"));
            String range = exchange.getRequestHeaders().getFirst("Range");
            Matcher m = range == null || !ranges ? null : RANGE.matcher(range);
            int status = 200;
            byte[] body;
            if (m != null && m.matches()) {
              // only the bytes asked for: an index file is megabytes, a range a few KB
              try (var in = new java.io.RandomAccessFile(file.toFile(), "r")) {
                long length = in.length();
                long from = Long.parseLong(m.group(1));
                long to = m.group(2).isEmpty() ? length - 1 : Long.parseLong(m.group(2));
                to = Math.min(to, length - 1);
                body = new byte[(int) (to - from + 1)];
                in.seek(from);
                in.readFully(body);
                exchange
                    .getResponseHeaders()
                    .set("Content-Range", "bytes " + from + "-" + to + "/" + length);
              }
              status = 206;
            } else {
              body = Files.readAllBytes(file);
            }
            log.add(status + " " + exchange.getRequestURI() + (range == null ? "" : " " + range));
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.setExecutor(
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "static-server");
              t.setDaemon(true);
              return t;
            }));
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
