package org.broadsheet.preview;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.search.SearchSchema;

/**
 * {@code broadsheet serve DIR} and {@code broadsheet serve SITE.zip}: an already-built site served
 * read-only, exactly as built, with {@code /api/search} over its shipped index.
 */
public final class ArchiveServer implements AutoCloseable {
  private static final Pattern LANG = Pattern.compile("<html[^>]*\\slang=\"([A-Za-z-]{2,12})\"");

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

  static ArchiveServer start(Path site, String host, int port, ServeLimits limits) throws IOException {
    SiteFiles files = SiteFiles.open(site, limits);
    SearchIndex search = null;
    try {
      search = SearchIndex.open(files.root().resolve("search/lucene"), SearchSchema.analyzer(language(files)));
      return new ArchiveServer(files, search,
          SiteServer.start(host, port, SiteApp.handler(files, search, null, limits), limits));
    } catch (IOException | RuntimeException e) {
      if (search != null) {
        search.close();
      }
      files.close();
      throw e;
    }
  }

  /** The site's language, from {@code <html lang>} of its front page (the index's analyzer). */
  static String language(SiteFiles files) throws IOException {
    Path front = files.root().resolve(SiteFiles.INDEX);
    if (!Files.isRegularFile(front)) {
      return "en";
    }
    byte[] head = new byte[4096];
    int n;
    try (var in = files.newInputStream(front)) {
      n = in.readNBytes(head, 0, head.length);
    }
    Matcher m = LANG.matcher(new String(head, 0, n, StandardCharsets.UTF_8));
    return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT).split("-")[0] : "en";
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
