package org.broadsheet.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a zip before it is served, and refuses the whole archive when any entry is one that {@code
 * broadsheet pack} never writes: a path that leads out ({@code ..}) or starts at a root ({@code
 * /etc/x}, {@code C:\x}), a symbolic link, or an entry too big or too compressed to be a page (a
 * zip bomb). Such an archive was made by hand or tampered with; serving the rest of it would hide
 * that. The message names every such entry (the first {@value #SHOWN}) and says why.
 *
 * <p>Sizes here are the ones the directory declares; {@link InflatedEntry} counts the real ones
 * while serving.
 */
final class ZipAudit {
  private static final int SHOWN = 10;
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");

  private ZipAudit() {}

  static void check(Path zip, ServeLimits limits) throws IOException {
    List<String> problems = new ArrayList<>();
    long[] found = {0};
    try {
      CentralDirectory.read(
          zip,
          entry ->
              problem(entry, limits)
                  .ifPresent(
                      why -> {
                        if (found[0]++ < SHOWN) {
                          problems.add("  entry \"" + printable(entry.name()) + "\" " + why);
                        }
                      }));
    } catch (IOException e) {
      throw new IOException("cannot serve " + zip + ": " + e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      String more = found[0] > SHOWN ? "\n  ... and " + (found[0] - SHOWN) + " more" : "";
      throw new IOException(
          "refusing to serve "
              + zip
              + ": it holds entries that no 'broadsheet pack' writes:\n"
              + String.join("\n", problems)
              + more);
    }
  }

  static Optional<String> problem(CentralDirectory.Entry entry, ServeLimits limits) {
    String name = entry.name();
    if (name.indexOf('\0') >= 0) {
      return Optional.of("has a NUL byte in its name");
    }
    if (name.startsWith("/") || name.startsWith("\\") || DRIVE.matcher(name).find()) {
      return Optional.of(
          "is an absolute path: unpacked, it would be written outside the target folder");
    }
    for (String segment : name.split("[/\\\\]")) {
      if (segment.equals("..")) {
        return Optional.of(
            "has a '..' segment: unpacked, it would be written outside the target folder");
      }
    }
    if (entry.isSymlink()) {
      return Optional.of(
          "is a symbolic link (Unix mode "
              + Long.toOctalString(entry.externalAttributes() >>> 16)
              + "): it would be served as a text file, or followed when unpacked");
    }
    if (entry.method() != 0 && entry.method() != 8) {
      return Optional.of(
          "uses compression method " + entry.method() + " (only stored and deflated are read)");
    }
    return limits.refusal(entry.size(), entry.compressedSize());
  }

  /**
   * The name for a message: control characters shown as {@code \\uXXXX}, at most 200 characters.
   */
  private static String printable(String name) {
    StringBuilder s = new StringBuilder();
    name.codePoints()
        .limit(200)
        .forEach(
            c -> {
              if (Character.isISOControl(c) || c == '"') {
                s.append(String.format("\\u%04x", c));
              } else {
                s.appendCodePoint(c);
              }
            });
    return name.length() > 200 ? s + "..." : s.toString();
  }
}
