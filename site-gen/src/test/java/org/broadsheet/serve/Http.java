package org.broadsheet.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Test client: java.net.http for ordinary requests, a raw socket for request lines no client would
 * send.
 */
public final class Http {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;

  public Http(int port) {
    this.port = port;
  }

  public HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    return client.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> bytes(String path, String... headers)
      throws IOException, InterruptedException {
    return client.send(
        request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> send(String method, String path, String... headers)
      throws IOException, InterruptedException {
    return client.send(
        request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  /** Sends {@code GET target HTTP/1.1} exactly as written; returns the whole response text. */
  public String raw(String target) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return all.toString(StandardCharsets.ISO_8859_1);
    }
  }

  public static int status(String rawResponse) {
    String[] first = rawResponse.split("\r\n", 2)[0].split(" ");
    return Integer.parseInt(first[1]);
  }
}
