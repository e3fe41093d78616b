package org.broadsheet.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.broadsheet.write.Publisher;

/**
 * Encoded images kept between builds, keyed by the source's content hash and the encoder's
 * settings, so a rebuild encodes only new or changed images. It lives beside the output folder
 * ({@code .public.broadsheet-images/} for {@code public/}), never inside the published site; the
 * published files are hard links to its files.
 *
 * <p>Layout: one folder per key, holding the encoded files and, written last, {@code sizes}: one
 * line {@code width height} for the source, then {@code name width height} per size, the last line
 * the thumbnail. A folder without {@code sizes} is unfinished and encoded again. A folder whose
 * source was gone from a whole build is removed after it.
 */
final class ImageCache {
  private static final String INDEX = "sizes";
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
  private final Path dir;
  private final AtomicInteger encoded = new AtomicInteger();

  ImageCache(Path dir) {
    this.dir = dir;
  }

  /** The image cache of builds into {@code out}. */
  static Path folder(Path out) {
    Path abs = out.toAbsolutePath().normalize();
    return abs.resolveSibling("." + abs.getFileName() + ".broadsheet-images");
  }

  /** The folder of an encoded image: its files and its {@code sizes}. */
  Path entry(String key) {
    return dir.resolve(key);
  }

  /** The encoding of {@code source} under {@code key}: the cached one, else made now. */
  Encoder.Result get(String key, Path source, Encoder.Kind kind) throws IOException {
    Path entry = entry(key);
    Path index = entry.resolve(INDEX);
    if (Files.isRegularFile(index)) {
      try {
        return read(index);
      } catch (IOException | RuntimeException e) {
        // unreadable: encoded again below
      }
    }
    Files.createDirectories(dir);
    Path temp = Files.createTempDirectory(dir, ".encoding-");
    try {
      Encoder.Result result = Encoder.encode(source, temp, kind);
      write(temp.resolve(INDEX), result);
      for (Path f : list(temp)) {
        Publisher.readableByAll(f);
      }
      if (Files.exists(entry)) {
        Publisher.deleteTree(entry);
      }
      try {
        Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (!Files.isRegularFile(index)) { // another build just made it: theirs serves as well
          throw e;
        }
      }
      encoded.incrementAndGet();
      return result;
    } finally {
      if (Files.exists(temp)) {
        Publisher.deleteTree(temp);
      }
    }
  }

  /** How many images this build encoded (the others came from the cache). */
  int encoded() {
    return encoded.get();
  }

  /** Removes the entries this build did not use, and unfinished ones. Only key-named folders. */
  void keepOnly(Set<String> used) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    for (Path p : list(dir)) {
      String name = p.getFileName().toString();
      boolean stale = KEY.matcher(name).matches() && !used.contains(name);
      boolean unfinished = name.startsWith(".encoding-");
      if ((stale || unfinished) && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Publisher.deleteTree(p);
      }
    }
  }

  private static List<Path> list(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.toList();
    }
  }

  private static void write(Path index, Encoder.Result r) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append(r.width()).append(' ').append(r.height()).append('\n');
    for (Encoder.Written w : r.sizes()) {
      out.append(w.name()).append(' ').append(w.width()).append(' ').append(w.height());
      out.append('\n');
    }
    Encoder.Written t = r.thumb();
    out.append(t.name()).append(' ').append(t.width()).append(' ').append(t.height()).append('\n');
    Files.writeString(index, out, StandardCharsets.UTF_8);
  }

  private static Encoder.Result read(Path index) throws IOException {
    List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
    String[] source = lines.get(0).split(" ");
    List<Encoder.Written> sizes = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(" ");
      if (!Files.isRegularFile(index.resolveSibling(f[0]))) {
        throw new IOException("missing " + f[0]);
      }
      sizes.add(new Encoder.Written(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2])));
    }
    Encoder.Written thumb = sizes.remove(sizes.size() - 1);
    if (sizes.isEmpty()) {
      throw new IOException("no sizes");
    }
    return new Encoder.Result(
        Integer.parseInt(source[0]), Integer.parseInt(source[1]), sizes, thumb);
  }
}
