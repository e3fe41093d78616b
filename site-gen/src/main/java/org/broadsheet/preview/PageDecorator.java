package org.broadsheet.preview;

/** Rewrites an HTML page on its way out; only the preview uses one, never a build. */
@FunctionalInterface
interface PageDecorator {
  /**
   * @param sitePath the page's path in the site, e.g. {@code /articles/x/index.html}
   * @param html the page as built
   */
  byte[] decorate(String sitePath, byte[] html);
}
