package org.broadsheet.image;

import java.util.List;

/**
 * One image of the site in the sizes pages offer, as published.
 *
 * @param key the content hash its files are named by (with the encoder's settings)
 * @param width the source's width after EXIF rotation; {@code height} likewise (0 when unknown)
 * @param sizes the widths a {@code srcset} offers, narrowest first; empty when the file could not
 *     be decoded (then pages show {@code original} as it is)
 * @param thumb the small cropped picture for rails and lists (or the icon of a logo); null with no
 *     sizes
 * @param original the site path of the file as copied ({@code 2024/harbour.jpg})
 */
public record Renditions(
    String key, int width, int height, List<Size> sizes, Size thumb, String original) {
  public Renditions {
    sizes = List.copyOf(sizes);
  }

  /** One file: its site path and pixel size. */
  public record Size(String path, int width, int height) {}

  /** The size a page's {@code src} names: the widest up to 960 pixels, else the narrowest. */
  public Size fallback() {
    Size best = sizes.get(0);
    for (Size s : sizes) {
      if (s.width() <= 960) {
        best = s;
      }
    }
    return best;
  }

  /** The widest size, for sharing cards and JSON-LD. */
  public Size largest() {
    return sizes.get(sizes.size() - 1);
  }
}
