package org.broadsheet.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A static host in another process, on a free port of 127.0.0.1, for browser tests: {@code python3
 * -m http.server} (which ignores Range: every answer is 200 and the whole file) or nginx (the most
 * common static server) with a temporary configuration. A missing program skips the test loudly,
 * except on CI ({@code CI=true}), where it fails (.ci/run installs nginx).
 */
final class ExternalServer implements AutoCloseable {
  private final Process process;
  private final int port;

  private ExternalServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ExternalServer python(Path root, Path work) throws Exception {
    int port = freePort();
    return start(
        List.of(
            program("python3", "python3"),
            "-m",
            "http.server",
            String.valueOf(port),
            "--bind",
            "127.0.0.1",
            "--directory",
            root.toString()),
        port,
        work.resolve("python.log"));
  }

  static ExternalServer nginx(Path root, Path work) throws Exception {
    String nginx = program("nginx", "/usr/sbin/nginx");
    int port = freePort();
    Path prefix = Files.createDirectories(work.resolve("nginx"));
    Files.createDirectories(prefix.resolve("logs"));
    Path conf = prefix.resolve("nginx.conf");
    Files.writeString(conf, config(root, prefix, port), StandardCharsets.UTF_8);
    return start(
        List.of(nginx, "-p", prefix.toString(), "-c", conf.toString(), "-e", "logs/error.log"),
        port,
        prefix.resolve("logs/stdout.log"));
  }

  private static String config(Path root, Path prefix, int port) {
    return """
        daemon off;
        master_process off;
        worker_processes 1;
        pid %1$s/nginx.pid;
        events { worker_connections 128; }
        http {
          types {
            text/html html; text/javascript js; application/json json;
            application/wasm wasm; text/css css;
          }
          default_type application/octet-stream;
          access_log %1$s/logs/access.log;
          client_body_temp_path %1$s/tmp-body;
          proxy_temp_path %1$s/tmp-proxy;
          fastcgi_temp_path %1$s/tmp-fastcgi;
          uwsgi_temp_path %1$s/tmp-uwsgi;
          scgi_temp_path %1$s/tmp-scgi;
          server {
            listen 127.0.0.1:%2$d;
            root %3$s;
            index index.html;
          }
        }
        """
        .formatted(prefix, port, root.toAbsolutePath());
  }

  /** The program's path, or a loud skip (a failure on CI) when it is not installed. */
  private static String program(String name, String usual) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return Path.of(dir, name).toString();
      }
    }
    if (Files.isExecutable(Path.of(usual))) {
      return usual;
    }
    String message = name + " not installed: install it (apt-get install -y " + name + ")";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    System.err.println("\n**********\n* WARNING: test SKIPPED. " + message + "\n**********\n");
    Assumptions.abort(message);
    return null;
  }

  private static ExternalServer start(List<String> command, int port, Path log) throws Exception {
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(command.get(0) + " exited: " + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return new ExternalServer(process, port);
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    process.destroyForcibly();
    throw new IOException(command.get(0) + " did not listen on port " + port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + "/" + path;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
