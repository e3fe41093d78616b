package org.broadsheet.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.broadsheet.write.OutputGuard;

/**
 * The output site on a Hadoop file system. The build writes into a staging folder beside it and
 * swaps it in at the end, as a local build does, so a failed build leaves the last site as it was;
 * the parts' indexes go to a work folder beside it, removed at the end. The output must be absent,
 * empty, or a site Broadsheet built (its {@code .broadsheet-site} marker), and may not hold the
 * source: nothing else is ever replaced.
 */
final class SiteOutput {
  private final FileSystem fs;
  private final org.apache.hadoop.fs.Path out;
  private final org.apache.hadoop.fs.Path staging;
  private final org.apache.hadoop.fs.Path work;

  private SiteOutput(
      FileSystem fs,
      org.apache.hadoop.fs.Path out,
      org.apache.hadoop.fs.Path staging,
      org.apache.hadoop.fs.Path work) {
    this.fs = fs;
    this.out = out;
    this.staging = staging;
    this.work = work;
  }

  /** Checks {@code out} against {@code source} and names this build's folders beside it. */
  static SiteOutput check(URI out, URI source, String buildId, Configuration conf)
      throws IOException {
    org.apache.hadoop.fs.Path path = folder(out);
    FileSystem fs = path.getFileSystem(conf);
    path = fs.makeQualified(path);
    org.apache.hadoop.fs.Path src = folder(source);
    src = src.getFileSystem(conf).makeQualified(src);
    if (path.getParent() == null) {
      throw new IOException("refusing to build into the root of a file system: " + path);
    }
    if (within(src, path)) {
      throw new IOException("refusing to build into " + path + ": it holds the source " + src);
    }
    for (String kept : List.of("content", "templates", "static")) {
      if (within(path, new org.apache.hadoop.fs.Path(src, kept))) {
        throw new IOException("refusing to build into " + path + ": it is inside the source");
      }
    }
    if (fs.exists(path)) {
      if (!fs.getFileStatus(path).isDirectory()) {
        throw new IOException("refusing to build into " + path + ": it is a file");
      }
      boolean empty = fs.listStatus(path).length == 0;
      if (!empty && !fs.exists(new org.apache.hadoop.fs.Path(path, OutputGuard.MARKER))) {
        throw new IOException(
            "refusing to replace "
                + path
                + ": it is not empty and no Broadsheet build wrote it (no "
                + OutputGuard.MARKER
                + ")");
      }
    }
    String name = path.getName();
    org.apache.hadoop.fs.Path parent = path.getParent();
    return new SiteOutput(
        fs,
        path,
        new org.apache.hadoop.fs.Path(parent, "." + name + ".spark-staging-" + buildId),
        new org.apache.hadoop.fs.Path(parent, "." + name + ".spark-work-" + buildId));
  }

  /** A folder's path without the trailing slash a URI of a folder may end in. */
  static org.apache.hadoop.fs.Path folder(URI uri) {
    String s = uri.toString();
    while (s.endsWith("/") && !s.endsWith(":/") && !s.endsWith("://")) {
      s = s.substring(0, s.length() - 1);
    }
    return new org.apache.hadoop.fs.Path(s);
  }

  /** Whether {@code inner} is {@code outer} or below it (same scheme and authority). */
  private static boolean within(org.apache.hadoop.fs.Path inner, org.apache.hadoop.fs.Path outer) {
    URI i = inner.toUri();
    URI o = outer.toUri();
    if (!java.util.Objects.equals(i.getScheme(), o.getScheme())
        || !java.util.Objects.equals(blank(i.getAuthority()), blank(o.getAuthority()))) {
      return false;
    }
    String op = o.getPath().endsWith("/") ? o.getPath() : o.getPath() + "/";
    return i.getPath().equals(o.getPath()) || i.getPath().startsWith(op);
  }

  private static String blank(String authority) {
    return authority == null ? "" : authority;
  }

  URI staging() {
    return staging.toUri();
  }

  /** The work folder: the parts' indexes, until the commit. */
  URI work() {
    return work.toUri();
  }

  /** Where part {@code n} leaves its index in the {@code work} folder. */
  static URI partIndex(URI work, int n) {
    return new org.apache.hadoop.fs.Path(
            new org.apache.hadoop.fs.Path(work), String.format("index/part-%05d", n))
        .toUri();
  }

  /** Where part {@code n} leaves its articles' bodies in the {@code work} folder. */
  static URI partBodies(URI work, int n) {
    return new org.apache.hadoop.fs.Path(
            new org.apache.hadoop.fs.Path(work), String.format("bodies/part-%05d", n))
        .toUri();
  }

  /**
   * The folder at {@code uri} as a local path when it is on the local file system, which the build
   * then reads and writes with Java's own file API. Hadoop's local file system, without its native
   * library, starts a process ({@code chmod}, {@code ls -ld}) for each file and folder it creates
   * or lists: 37,000 processes for 10,000 stories, which cost more than the build's own work.
   */
  static Optional<Path> localPath(URI uri, Configuration conf) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
    FileSystem fs = path.getFileSystem(conf);
    return "file".equals(fs.getScheme())
        ? Optional.of(Path.of(fs.makeQualified(path).toUri()))
        : Optional.empty();
  }

  /** Copies every file below the local folder {@code dir} to the same place below {@code to}. */
  static void upload(Path dir, URI to, Configuration conf) throws IOException {
    Optional<Path> local = localPath(to, conf);
    if (local.isPresent()) {
      copyTree(dir, local.get());
      return;
    }
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(to);
    FileSystem fs = target.getFileSystem(conf);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String relative = dir.relativize(f).toString().replace('\\', '/');
        fs.copyFromLocalFile(
            false,
            true,
            new org.apache.hadoop.fs.Path(f.toUri()),
            new org.apache.hadoop.fs.Path(target, relative));
      }
    }
  }

  private static void copyTree(Path dir, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Path target = to.resolve(dir.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * Copies the folder {@code from} on its file system into the local folder {@code to}, or gives it
   * as it is when it is local.
   */
  static Path local(URI from, Path to, Configuration conf) throws IOException {
    Optional<Path> local = localPath(from, conf);
    if (local.isPresent()) {
      return local.get();
    }
    org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(from);
    FileSystem fs = source.getFileSystem(conf);
    fs.copyToLocalFile(false, source, new org.apache.hadoop.fs.Path(to.toUri()), true);
    return to;
  }

  /** Swaps the staging folder in as the site; the last site and the work folder are removed. */
  void commit() throws IOException {
    org.apache.hadoop.fs.Path old = null;
    if (fs.exists(out)) {
      old = new org.apache.hadoop.fs.Path(out.getParent(), staging.getName() + "-old");
      rename(out, old);
    }
    rename(staging, out);
    if (old != null) {
      fs.delete(old, true);
    }
    fs.delete(work, true);
  }

  /** After a failure: this build's staging and work folders go; the site stays as it was. */
  void abandon() {
    try {
      fs.delete(staging, true);
      fs.delete(work, true);
    } catch (IOException e) {
      System.err.println("broadsheet: could not remove " + staging + " or " + work + ": " + e);
    }
  }

  private void rename(org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path to)
      throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot rename " + from + " to " + to);
    }
  }
}
