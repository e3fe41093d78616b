package org.broadsheet.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A static file server on 127.0.0.1 over HTTP/2 (TLS, a self-signed certificate made with the JDK's
 * keytool), as GitHub Pages, Netlify or Cloudflare serve a site: all of a round's page requests go
 * out at once on one connection, where HTTP/1.1 queues them six at a time. For the benchmark.
 */
final class Http2StaticServer implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;

  Http2StaticServer(Path root, Path work) throws Exception {
    Path keystore = work.resolve("test-keystore.p12");
    if (!Files.exists(keystore)) {
      keytool(keystore);
    }
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(keystore.toString());
    ssl.setKeyStorePassword("broadsheet");
    HttpConfiguration config = new HttpConfiguration();
    config.addCustomizer(new SecureRequestCustomizer(false));
    HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(config);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
    alpn.setDefaultProtocol("h2");
    server = new Server();
    connector =
        new ServerConnector(
            server,
            new SslConnectionFactory(ssl, alpn.getProtocol()),
            alpn,
            h2,
            new HttpConnectionFactory(config));
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ResourceHandler files = new ResourceHandler();
    files.setBaseResource(ResourceFactory.of(server).newResource(root));
    files.setDirAllowed(false);
    files.setWelcomeFiles("index.html");
    ContextHandler context = new ContextHandler(files, "/");
    context.getMimeTypes().addMimeMapping("wasm", "application/wasm");
    server.setHandler(context);
    server.start();
  }

  private static void keytool(Path keystore) throws IOException, InterruptedException {
    Path tool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                tool.toString(),
                "-genkeypair",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-alias",
                "test",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "broadsheet")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException("keytool failed: " + out);
    }
  }

  String url(String path) {
    return "https://127.0.0.1:" + connector.getLocalPort() + "/" + path;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
