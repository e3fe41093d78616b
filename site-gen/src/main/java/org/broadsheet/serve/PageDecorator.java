package org.broadsheet.serve;

import org.eclipse.jetty.server.Handler;

/**
 * Rewrites an HTML page on its way out, and answers requests of its own before the site; only the
 * preview uses one (live reload), never a plain server of a built site.
 */
public interface PageDecorator {
  /** The requests it answers itself (e.g. live reload's event stream), outside gzip. */
  Handler handler();

  /**
   * @param sitePath the page's path in the site, e.g. {@code /articles/x/index.html}
   * @param html the page as built
   */
  byte[] decorate(String sitePath, byte[] html);
}
