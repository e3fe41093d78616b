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
  private static final Pattern RANGES = Pattern.compile("bytes=\\d+-\\d+(,\\d+-\\d+)+");
  private static final String BOUNDARY = "RANGES_0123456789";
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

  /**
   * A server that honours one range a request but answers a multi-range request with the whole
   * file, as some hosts and CDNs do.
   */
  static StaticServer singleRangesOnly(Path root) throws IOException {
    return new StaticServer(root, TYPES, true, false);
  }

  private StaticServer(Path root, Map<String, String> types, boolean ranges) throws IOException {
    this(root, types, ranges, true);
  }

  private StaticServer(Path root, Map<String, String> types, boolean ranges, boolean multipart)
      throws IOException {
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
              log.add("404 " + exchange.getRequestURI());
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
            Matcher several = range == null || !ranges || !multipart ? null : RANGES.matcher(range);
            int status = 200;
            byte[] body;
            if (several != null && several.matches()) {
              body = multipartBody(file, range.substring("bytes=".length()).split(","));
              exchange
                  .getResponseHeaders()
                  .set("Content-Type", "multipart/byteranges; boundary=" + BOUNDARY);
              status = 206;
            } else if (m != null && m.matches()) {
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

  /** A multipart/byteranges body: each range with its own Content-Range (RFC 9110, 14.6). */
  private static byte[] multipartBody(Path file, String[] ranges) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    try (var in = new java.io.RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      for (String r : ranges) {
        long from = Long.parseLong(r.substring(0, r.indexOf('-')));
        long to = Math.min(length - 1, Long.parseLong(r.substring(r.indexOf('-') + 1)));
        byte[] part = new byte[(int) (to - from + 1)];
        in.seek(from);
        in.readFully(part);
        String head =
            "\r\n--"
                + BOUNDARY
                + "\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Range: bytes "
                + from
                + "-"
                + to
                + "/"
                + length
                + "\r\n\r\n";
        out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(part);
      }
    }
    out.write(
        ("\r\n--" + BOUNDARY + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return out.toByteArray();
  }
}
