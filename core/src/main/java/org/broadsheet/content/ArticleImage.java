package org.broadsheet.content;

import java.util.Objects;

/**
 * An article's lead image, as its writer gave it (front matter {@code image}, {@code imageAlt},
 * {@code imageCaption}, {@code imageCredit}). Checked when parsed ({@code ImageRefs}): a local
 * image lies below the site folder and never leaves it, a remote one is an absolute http(s) URL.
 *
 * @param src the image: a path below the site folder with forward slashes ({@code
 *     content/2024/harbour.jpg}, {@code images/logo.png}), or an absolute {@code http}/{@code
 *     https} URL
 * @param alt text for readers who do not see it (empty: decorative)
 * @param caption what it shows, printed under it on the article page
 * @param credit who made it ({@code Photo: A. Writer / Agency})
 */
public record ArticleImage(String src, String alt, String caption, String credit) {
  public ArticleImage {
    if (src == null || src.isBlank()) {
      throw new IllegalArgumentException("src must not be blank");
    }
    alt = Objects.requireNonNullElse(alt, "");
    caption = Objects.requireNonNullElse(caption, "");
    credit = Objects.requireNonNullElse(credit, "");
  }

  /** True for an absolute http(s) URL, false for a file of the site. */
  public boolean remote() {
    return src.startsWith("http://") || src.startsWith("https://");
  }
}
