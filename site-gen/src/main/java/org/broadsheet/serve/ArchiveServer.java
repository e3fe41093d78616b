package org.broadsheet.serve;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * {@code broadsheet serve DIR} and {@code broadsheet serve SITE.zip}: an already-built site served
 * read-only, exactly as built, with {@code /api/search} over its shipped index.
 */
public final class ArchiveServer implements AutoCloseable {
  private final SiteFiles files;
  private final SearchIndex search;
  private final SiteServer server;

  private ArchiveServer(SiteFiles files, SearchIndex search, SiteServer server) {
    this.files = files;
    this.search = search;
    this.server = server;
  }

  public static ArchiveServer start(Path site, String host, int port) throws IOException {
    return start(site, host, port, ServeLimits.DEFAULTS);
  }

  static ArchiveServer start(Path site, String host, int port, ServeLimits limits)
      throws IOException {
    SiteFiles files = SiteFiles.open(site, limits);
    SearchIndex search = null;
    try {
      search = SearchIndex.open(files.root().resolve("search/lucene"));
      return new ArchiveServer(
          files,
          search,
          SiteServer.start(host, port, SiteApp.handler(files, search, null, limits), limits));
    } catch (IOException | RuntimeException e) {
      if (search != null) {
        search.close();
      }
      files.close();
      throw e;
    }
  }

  public URI uri() {
    return server.uri();
  }

  public int port() {
    return server.port();
  }

  /** Connections open right now (for tests of the connection limit). */
  int openConnections() {
    return server.openConnections();
  }

  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws IOException {
    server.close();
    search.close();
    files.close();
  }
}
