package org.broadsheet.view;

/**
 * What every template knows about the page it renders.
 *
 * @param root relative way up to the site root ({@code ./}, {@code ../../}); prefix of every link.
 *     The 404 page alone has the site's base path ({@code /}, {@code /news/}): a host serves it at
 *     any depth.
 * @param path the page's own site-relative file path
 * @param canonical absolute URL under the site's base URL; empty on the 404 page
 * @param kind page kind for CSS and scripts: article, home, listing, archive, search, notfound
 */
public record PageInfo(
    String title,
    String description,
    String root,
    String path,
    String canonical,
    String kind,
    Links links) {

  /** Relative links every page carries (header, footer, feeds). */
  public record Links(
      String home,
      String search,
      String archive,
      String tags,
      String sections,
      String authors,
      String atom,
      String rss,
      String json) {}
}
