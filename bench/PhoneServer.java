import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The static server of bench/phone.sh (run as a single-file program on Jetty's jars; never part of
 * the product): serves ROOT as `broadsheet serve` serves a built site (Jetty's ResourceHandler with
 * ranges and ETags behind a GzipHandler of at least 256 bytes), on 127.0.0.1 over HTTP/1.1 (plain)
 * and over HTTP/2 (TLS with a self-signed certificate, ALPN h2), and writes one line per request
 * to LOG, so that the benchmark counts every byte the browser fetched, also those of a tool's web
 * worker, which a page's own Resource Timing does not see:
 *
 * <pre>  millis  protocol  path  range  status  bytes  (tab-separated; bytes = body as sent, gzipped if so)</pre>
 *
 * Usage: java -cp JETTY_JARS PhoneServer.java ROOT KEYSTORE LOG. Prints "PLAIN_PORT TLS_PORT" once
 * listening; stops when its standard input closes.
 */
public final class PhoneServer {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    Path keystore = Path.of(args[1]);
    PrintWriter log =
        new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8), true);
    if (!Files.exists(keystore)) {
      keytool(keystore);
    }
    Server server = new Server();
    HttpConfiguration plainConfig = new HttpConfiguration();
    ServerConnector plain = new ServerConnector(server, new HttpConnectionFactory(plainConfig));
    plain.setHost("127.0.0.1");
    server.addConnector(plain);

    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(keystore.toString());
    ssl.setKeyStorePassword("broadsheet");
    HttpConfiguration tlsConfig = new HttpConfiguration();
    tlsConfig.addCustomizer(new SecureRequestCustomizer(false));
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
    alpn.setDefaultProtocol("h2");
    ServerConnector tls =
        new ServerConnector(
            server,
            new SslConnectionFactory(ssl, alpn.getProtocol()),
            alpn,
            new HTTP2ServerConnectionFactory(tlsConfig),
            new HttpConnectionFactory(tlsConfig));
    tls.setHost("127.0.0.1");
    server.addConnector(tls);

    ResourceHandler files = new ResourceHandler();
    files.setBaseResource(ResourceFactory.of(server).newResource(root));
    files.setDirAllowed(false);
    files.setWelcomeFiles("index.html");
    files.setEtags(true);
    files.setAcceptRanges(true);
    files.setCacheControl("public, max-age=60");
    GzipHandler gzip = new GzipHandler();
    gzip.setMinGzipSize(256);
    gzip.setHandler(files);
    ContextHandler context = new ContextHandler(gzip, "/");
    context.getMimeTypes().addMimeMapping("wasm", "application/wasm");
    server.setHandler(context);
    server.setRequestLog((request, response) -> log.println(line(request, response)));
    server.start();
    System.out.println(plain.getLocalPort() + " " + tls.getLocalPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // runs until the benchmark closes our standard input
    }
    server.stop();
  }

  private static String line(Request request, Response response) {
    String range = request.getHeaders().get(HttpHeader.RANGE);
    return System.currentTimeMillis()
        + "\t"
        + request.getConnectionMetaData().getHttpVersion()
        + "\t"
        + request.getHttpURI().getPath()
        + "\t"
        + (range == null ? "-" : range)
        + "\t"
        + response.getStatus()
        + "\t"
        + Response.getContentBytesWritten(response);
  }

  private static void keytool(Path keystore) throws IOException, InterruptedException {
    Path tool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                tool.toString(), "-genkeypair", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-alias", "bench", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "broadsheet")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("keytool failed: " + out);
    }
  }
}
