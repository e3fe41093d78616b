package org.broadsheet.view;

import java.util.List;

/**
 * An article's picture as pages show it: {@code <img src srcset sizes width height alt>}, and in a
 * {@code <figure>} with caption and credit on the article page.
 *
 * @param src the size for browsers without {@code srcset}: a site-relative path (prefix it with
 *     {@code page.root}), or an absolute URL when {@code remote}
 * @param width pixel width of {@code src}, 0 when unknown (a remote or undecodable picture); {@code
 *     height} likewise
 * @param sizes every size for {@code srcset}, narrowest first (empty: none but {@code src})
 * @param thumb the small 3:2 crop for rails and lists, or null
 * @param url absolute URL of the largest size, for {@code og:image} and JSON-LD; {@code urlWidth},
 *     {@code urlHeight} its size (0 when unknown)
 * @param remote {@code src} and {@code url} are the writer's absolute http(s) URL
 */
public record Picture(
    String src,
    int width,
    int height,
    List<Source> sizes,
    Source thumb,
    String alt,
    String caption,
    String credit,
    String url,
    int urlWidth,
    int urlHeight,
    boolean remote) {
  public Picture {
    sizes = List.copyOf(sizes);
  }

  /** One file of a picture: a site-relative path and its pixel size. */
  public record Source(String href, int width, int height) {}
}
