package org.broadsheet.serve;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;

/**
 * The handler tree of a served site:
 *
 * <pre>
 * [live reload: /_broadsheet/events, /_broadsheet/live.js]     preview only, outside gzip (streams)
 * gzip
 *   /api/search                                               SearchApi
 *   everything else                                           SiteHandler -> ResourceHandler
 * </pre>
 */
public final class SiteApp {
  private static final int MIN_GZIP_BYTES = 256;

  private SiteApp() {}

  /**
   * @param live the preview's live reload, or null to serve the site exactly as built
   */
  public static Handler handler(
      SiteFiles files, SearchIndex search, PageDecorator live, ServeLimits limits) {
    GzipHandler gzip = new GzipHandler();
    gzip.setMinGzipSize(MIN_GZIP_BYTES);
    gzip.setHandler(
        new Handler.Sequence(
            new SearchApi(search), new SiteHandler(files, live, limits.maxDecoratedBytes())));
    return live == null ? gzip : new Handler.Sequence(live.handler(), gzip);
  }
}
