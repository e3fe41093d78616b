package org.broadsheet.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.broadsheet.content.ArticleImage;

/**
 * An article's {@code image} as written, checked and resolved. Three forms are accepted:
 *
 * <ul>
 *   <li>a path beside the article: {@code harbour.jpg}, {@code img/harbour.jpg} (resolved against
 *       the article file's folder);
 *   <li>a path in the site's images folder: {@code /images/harbour.jpg}, the file {@code
 *       static/images/harbour.jpg} (published as {@code images/harbour.jpg}, as all of {@code
 *       static/} is);
 *   <li>an absolute {@code http://} or {@code https://} URL, shown as it is.
 * </ul>
 *
 * Anything else is refused: other schemes ({@code javascript:}, {@code data:}, {@code file:}),
 * {@code ..} segments that would climb out of the folder, backslashes, and characters that print as
 * nothing (a browser drops tabs and line breaks from a URL, so {@code java\tscript:} would run).
 */
public final class ImageRefs {
  /** How shared images are written in front matter: {@code /images/...}. */
  public static final String IMAGES_FOLDER = "images/";

  /** Where they are in the site folder: {@code static/images/...}. */
  public static final String IMAGES_SOURCE = "static/images/";

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private ImageRefs() {}

  /** Why {@code written} cannot be an image reference, or empty when it can. */
  public static Optional<String> problem(String written) {
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ') {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "holds the invisible character U+%04X; write the image's path or http(s) URL",
                (int) c));
      }
    }
    if (SCHEME.matcher(written).find()) {
      String scheme = written.substring(0, written.indexOf(':')).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return Optional.of(
            "'"
                + written
                + "' is not allowed: an image is a path beside the article, a path under"
                + " /images/, or an http(s) URL, never a '"
                + scheme
                + ":' address");
      }
      try {
        URI uri = new URI(written);
        if (uri.getHost() == null) {
          return Optional.of("'" + written + "' is not a URL with a host");
        }
      } catch (URISyntaxException e) {
        return Optional.of("'" + written + "' is not a valid URL: " + e.getReason());
      }
      return Optional.empty();
    }
    if (written.startsWith("//")) {
      return Optional.of("'" + written + "' names another host without a scheme; write https://");
    }
    if (written.indexOf('\\') >= 0) {
      return Optional.of("'" + written + "' holds a backslash; paths use '/'");
    }
    for (String segment : written.split("/")) {
      if (segment.equals("..")) {
        return Optional.of(
            "'"
                + written
                + "' climbs out of its folder ('..'); put the image beside the article or under"
                + " /images/");
      }
    }
    if (written.startsWith("/") && !written.startsWith("/" + IMAGES_FOLDER)) {
      return Optional.of(
          "'"
              + written
              + "' starts at the site folder but not in /images/; shared images live there");
    }
    if (written.endsWith("/")) {
      return Optional.of("'" + written + "' names a folder, not an image file");
    }
    return Optional.empty();
  }

  /**
   * The image of an article at site path {@code articlePath} ({@code content/2024/a.md}) with its
   * {@code src} resolved to a path below the site folder ({@code content/2024/harbour.jpg}, {@code
   * images/logo.png}); URLs stay as written. {@code image} must have passed {@link #problem}.
   */
  public static ArticleImage resolve(ArticleImage image, String articlePath) {
    if (SCHEME.matcher(image.src()).find()) { // http or https, in lower case as remote() reads it
      int colon = image.src().indexOf(':');
      return new ArticleImage(
          image.src().substring(0, colon).toLowerCase(Locale.ROOT) + image.src().substring(colon),
          image.alt(),
          image.caption(),
          image.credit());
    }
    String written = image.src();
    String base;
    if (written.startsWith("/")) {
      base = IMAGES_SOURCE;
      written = written.substring(1 + IMAGES_FOLDER.length());
    } else {
      int slash = articlePath.lastIndexOf('/');
      base = slash < 0 ? "" : articlePath.substring(0, slash + 1);
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String segment : (base + written).split("/")) {
      if (!segment.isEmpty() && !segment.equals(".")) {
        parts.addLast(segment);
      }
    }
    return new ArticleImage(String.join("/", parts), image.alt(), image.caption(), image.credit());
  }
}
