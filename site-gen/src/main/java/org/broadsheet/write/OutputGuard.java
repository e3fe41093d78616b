package org.broadsheet.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decides, before any work starts, whether a command may replace what an output path points at. A
 * build replaces its output folder as a whole and {@code pack} replaces its zip, so a wrong {@code
 * --out} would delete the site's own sources or unrelated files. Every command that writes a site
 * asks here first; nothing else decides it.
 *
 * <p>Paths are compared as real paths (symbolic links of the existing ancestors resolved), so a
 * link to the source is caught like the source itself. Refused:
 *
 * <ul>
 *   <li>the source folder itself, or a folder that contains it;
 *   <li>{@code content/}, {@code templates/} or {@code static/}, a folder inside one, or one that
 *       contains one;
 *   <li>a file where a folder is wanted, a folder where a zip is wanted;
 *   <li>a non-empty folder without the {@link #MARKER} every build writes (unless forced), and an
 *       existing file that is not a zip (unless forced).
 * </ul>
 */
public final class OutputGuard {
  /**
   * Written at the top of every built site: a folder holding it may be replaced by the next build.
   */
  public static final String MARKER = ".broadsheet-site";

  private static final List<String> SOURCE_FOLDERS = List.of("content", "templates", "static");

  private OutputGuard() {}

  /** The output was refused; the message says what, why and how to proceed. */
  public static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * Checks a site output folder and returns its real path, which the build then writes to.
   *
   * @param force replace an existing folder even without the marker (never the sources)
   */
  public static Path siteFolder(Path out, Path source, boolean force) throws IOException {
    Path real = realPath(out);
    String what = "refusing to build into " + out;
    if (real.getParent() == null) {
      throw new Refused(
          what + ": it is the root of the file system.\n  Choose an output folder with --out.");
    }
    protectSources(
        real,
        source,
        what,
        "Choose an output folder outside them with --out (the default is "
            + source.resolve("public")
            + ").");
    if (Files.exists(real) && !Files.isDirectory(real)) {
      throw new Refused(
          what
              + ": it is a file, not a folder.\n"
              + "  The build replaces its output as a whole, so the file would be deleted.\n"
              + "  Choose a folder for --out (a new or empty one, or an earlier Broadsheet build).");
    }
    if (!force
        && Files.isDirectory(real)
        && !Files.isRegularFile(real.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
      List<String> entries = entries(real);
      if (!entries.isEmpty()) {
        throw new Refused(
            what
                + ": the folder is not empty ("
                + String.join(", ", entries)
                + ") and is not a site built by Broadsheet (it has no "
                + MARKER
                + " file).\n"
                + "  The build replaces its output folder as a whole, so everything in it would be deleted.\n"
                + "  Choose a new or empty folder with --out, or pass --force to replace this one anyway"
                + " (a site built before Broadsheet wrote "
                + MARKER
                + " needs --force once).");
      }
    }
    return real;
  }

  /** Checks the zip that {@code pack} writes and returns its real path. */
  public static Path archiveFile(Path zip, Path source, boolean force) throws IOException {
    Path real = realPath(zip);
    String what = "refusing to write the archive to " + zip;
    protectSources(
        real,
        source,
        what,
        "Choose a zip outside them with --out (the default is "
            + source.resolve("site.zip")
            + ").");
    if (Files.isDirectory(real)) {
      throw new Refused(
          what
              + ": it is a folder.\n  Give --out a file name, e.g. "
              + zip.resolve("site.zip")
              + ".");
    }
    if (!force && Files.exists(real) && !isZip(real)) {
      throw new Refused(
          what
              + ": the file exists and is not a zip.\n"
              + "  Packing replaces the file, so its content would be lost.\n"
              + "  Choose another --out, or pass --force to replace it anyway.");
    }
    return real;
  }

  private static void protectSources(Path real, Path source, String what, String howTo)
      throws IOException {
    Path src = realPath(source);
    if (real.equals(src) || src.startsWith(real)) {
      throw new Refused(
          what
              + ": "
              + (real.equals(src) ? "it is" : "it contains")
              + " the site's source folder "
              + src
              + ".\n"
              + "  Writing there would delete the articles, templates and settings.\n  "
              + howTo);
    }
    for (String name : SOURCE_FOLDERS) {
      Path folder = realPath(source.resolve(name));
      String relation =
          real.equals(folder)
              ? "it is"
              : real.startsWith(folder)
                  ? "it lies inside"
                  : folder.startsWith(real) ? "it contains" : null;
      if (relation != null) {
        throw new Refused(
            what
                + ": "
                + relation
                + " the site's "
                + name
                + "/ folder "
                + folder
                + ".\n"
                + "  Writing there would delete or overwrite the site's sources.\n  "
                + howTo);
      }
    }
  }

  /**
   * The path with every symbolic link of its existing ancestors (and itself) resolved; the part
   * that does not exist yet is appended as it is. A dangling link is refused: writing through it
   * would land somewhere nobody chose.
   */
  static Path realPath(Path path) throws IOException {
    Path abs = path.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    if (!Files.exists(existing)) {
      throw new Refused(
          "refusing to write through "
              + existing
              + ": it is a symbolic link to a missing target.\n"
              + "  Remove the link or point it at a folder.");
    }
    return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
  }

  private static List<String> entries(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      List<String> names = list.map(p -> p.getFileName().toString()).sorted().toList();
      return names.size() <= 3
          ? names
          : List.of(
              names.get(0), names.get(1), names.get(2), "and " + (names.size() - 3) + " more");
    }
  }

  private static boolean isZip(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      return head.length == 4
          && head[0] == 'P'
          && head[1] == 'K'
          && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
    }
  }
}
