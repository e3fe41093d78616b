package org.broadsheet.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;

/**
 * Decodes an image once and writes the sizes pages use, with Thumbnailator (EXIF orientation
 * applied, progressive bilinear downscaling). Photographs become JPEG; an image with transparency
 * stays PNG. Never scales up: a 700-pixel photograph gets 480 and 700.
 */
final class Encoder {
  /** The widths a {@code srcset} offers, in pixels. */
  static final int[] WIDTHS = {480, 960, 1600};

  static final int THUMB_WIDTH = 320;
  static final int THUMB_HEIGHT = 213; // 3:2, as the rails crop them
  static final int ICON = 64;
  static final int LOGO_WIDTH = 600; // the widest logo search engines take
  private static final float JPEG_QUALITY = 0.8f;

  /** Decoding more pixels than this would take gigabytes: such a file is published as it is. */
  static final long MAX_PIXELS = 40_000_000L;

  /** What to make of an image: an article's picture, or the site's logo. */
  enum Kind {
    PICTURE,
    LOGO
  }

  /** A written file of an entry: its name in the cache folder and pixel size. */
  record Written(String name, int width, int height) {}

  /** What encoding gave: the source's size, the srcset sizes, the thumbnail (or icon). */
  record Result(int width, int height, List<Written> sizes, Written thumb) {}

  /** Thrown when the file is no image this JVM can decode (SVG, WebP, a broken file). */
  static final class Undecodable extends IOException {
    Undecodable(String message) {
      super(message);
    }
  }

  private Encoder() {}

  /** Writes the sizes of {@code source} into {@code folder} (which exists and is empty). */
  static Result encode(Path source, Path folder, Kind kind) throws IOException {
    checkSize(source);
    BufferedImage image;
    try {
      image = Thumbnails.of(source.toFile()).scale(1.0).useExifOrientation(true).asBufferedImage();
    } catch (IOException | RuntimeException e) {
      throw new Undecodable(
          "cannot be decoded as an image (" + (e.getMessage() == null ? e : e.getMessage()) + ")");
    }
    boolean alpha = image.getColorModel().hasAlpha();
    String ext = alpha ? "png" : "jpg";
    int w = image.getWidth();
    int h = image.getHeight();
    List<Written> sizes = new ArrayList<>();
    Written thumb;
    if (kind == Kind.LOGO) {
      int width = Math.min(w, LOGO_WIDTH);
      sizes.add(scaled(image, width, folder, String.valueOf(width), ext));
      thumb = fitted(image, folder, "icon", "png");
    } else {
      for (int width : WIDTHS) {
        if (width < w) {
          sizes.add(scaled(image, width, folder, String.valueOf(width), ext));
        }
      }
      if (sizes.isEmpty() || w <= WIDTHS[WIDTHS.length - 1]) {
        sizes.add(scaled(image, w, folder, String.valueOf(w), ext)); // its own width, re-encoded
      }
      thumb = cropped(image, folder, ext);
    }
    return new Result(w, h, sizes, thumb);
  }

  /** Refuses a file whose declared pixel count would not fit in memory, before decoding it. */
  private static void checkSize(Path source) throws IOException {
    try (InputStream in = Files.newInputStream(source);
        ImageInputStream stream = ImageIO.createImageInputStream(in)) {
      Iterator<ImageReader> readers = stream == null ? null : ImageIO.getImageReaders(stream);
      if (readers == null || !readers.hasNext()) {
        throw new Undecodable("is no image format this build can decode (JPEG, PNG, GIF, BMP)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(stream, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          throw new Undecodable(
              "has "
                  + reader.getWidth(0)
                  + " x "
                  + reader.getHeight(0)
                  + " pixels, more than "
                  + MAX_PIXELS / 1_000_000
                  + " million");
        }
      } finally {
        reader.dispose();
      }
    }
  }

  private static Written scaled(
      BufferedImage image, int width, Path folder, String name, String ext) throws IOException {
    String file = name + "." + ext;
    BufferedImage out =
        width == image.getWidth()
            ? image
            : Thumbnails.of(image).width(width).keepAspectRatio(true).asBufferedImage();
    write(out, folder.resolve(file), ext);
    return new Written(file, out.getWidth(), out.getHeight());
  }

  private static Written cropped(BufferedImage image, Path folder, String ext) throws IOException {
    String file = "thumb." + ext;
    BufferedImage out =
        Thumbnails.of(image)
            .size(THUMB_WIDTH, THUMB_HEIGHT)
            .crop(Positions.CENTER)
            .asBufferedImage();
    write(out, folder.resolve(file), ext);
    return new Written(file, out.getWidth(), out.getHeight());
  }

  private static Written fitted(BufferedImage image, Path folder, String name, String ext)
      throws IOException {
    String file = name + "." + ext;
    BufferedImage out = Thumbnails.of(image).size(ICON, ICON).asBufferedImage();
    write(out, folder.resolve(file), ext);
    return new Written(file, out.getWidth(), out.getHeight());
  }

  private static void write(BufferedImage image, Path target, String ext) throws IOException {
    var builder = Thumbnails.of(image).scale(1.0).outputFormat(ext);
    if (ext.equals("jpg")) {
      builder.outputQuality(JPEG_QUALITY);
    }
    builder.toFile(target.toFile());
  }
}
