package org.broadsheet.serve;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The files of a built site, read-only: a folder on disk, or a packed zip mounted as a file system
 * (served straight from the zip, never extracted). Answers which file a request path names, and
 * refuses every path that would leave the site or names a hidden file ({@code .git/}, {@code
 * .broadsheet-site}): any segment that starts with a dot.
 */
public final class SiteFiles implements Closeable {
  static final String INDEX = "index.html";

  private final Resource resource;
  private final Path root;
  private final Path realRoot;
  private final Closeable mount;
  private final ServeLimits limits;

  private SiteFiles(Resource resource, Closeable mount, ServeLimits limits) throws IOException {
    this.resource = resource;
    this.root = resource.getPath();
    this.realRoot = root.toRealPath();
    this.mount = mount;
    this.limits = limits;
  }

  /** A site folder, such as {@code public/}. */
  public static SiteFiles folder(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("not a folder: " + dir);
    }
    return new SiteFiles(ResourceFactory.root().newResource(dir.toAbsolutePath()), () -> {}, null);
  }

  /**
   * A zip written by {@code broadsheet pack}. The site sits at the top of the zip, or in its one
   * top-level folder. The archive is {@link ZipAudit checked} first and refused whole when it holds
   * an entry that leads out, a link or a zip bomb.
   */
  static SiteFiles zip(Path zipFile, ServeLimits limits) throws IOException {
    ZipAudit.check(zipFile, limits);
    ResourceFactory.Closeable factory = ResourceFactory.closeable();
    try {
      Resource top = factory.newJarFileResource(zipFile.toAbsolutePath().toUri());
      if (top == null || !top.exists()) {
        throw new IOException("cannot open zip " + zipFile);
      }
      return new SiteFiles(siteRootIn(top), factory, limits);
    } catch (IOException | RuntimeException e) {
      factory.close();
      throw e instanceof IOException io
          ? io
          : new IOException("cannot open zip " + zipFile + ": " + e.getMessage(), e);
    }
  }

  /** Opens a folder or, for a {@code .zip} file, the archive. */
  static SiteFiles open(Path site, ServeLimits limits) throws IOException {
    return Files.isDirectory(site) ? folder(site) : zip(site, limits);
  }

  private static Resource siteRootIn(Resource top) {
    if (top.resolve(INDEX) != null && top.resolve(INDEX).exists()) {
      return top;
    }
    var children = top.list();
    if (children.size() == 1 && children.get(0).isDirectory()) {
      return children.get(0);
    }
    return top;
  }

  /** The site root as a Jetty resource, for {@code ResourceHandler}. */
  Resource resource() {
    return resource;
  }

  /** Whether the files are entries of a zip (whose sizes are checked as they are read). */
  boolean isZip() {
    return limits != null;
  }

  /**
   * Reads a file that {@link #lookup} found, as a stream: an entry of a zip is inflated as it is
   * read, and fails past its declared size or over the limits.
   */
  InputStream newInputStream(Path file) throws IOException {
    return isZip() ? InflatedEntry.open(file, limits) : Files.newInputStream(file);
  }

  /** The site root as a path (on the default or the zip file system). */
  public Path root() {
    return root;
  }

  /**
   * The regular file that a decoded request path names: the file itself, or a folder's {@code
   * index.html}. Empty when there is none, or when the path (or a symlink on it) leads outside the
   * site.
   */
  public Optional<Path> lookup(String decodedPath) {
    String relative = decodedPath.startsWith("/") ? decodedPath.substring(1) : decodedPath;
    if (relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0 || hidden(relative)) {
      return Optional.empty();
    }
    Path target = root.resolve(relative).normalize();
    if (!target.startsWith(root)) {
      return Optional.empty();
    }
    if (Files.isDirectory(target)) {
      target = target.resolve(INDEX);
    }
    if (!Files.isRegularFile(target)) {
      return Optional.empty();
    }
    try {
      Path real = target.toRealPath();
      return real.startsWith(realRoot) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
          ? Optional.of(target)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether a segment of the path starts with a dot: {@code .git/config}, {@code a/.env}. */
  static boolean hidden(String relative) {
    for (String segment : relative.split("/")) {
      if (segment.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    mount.close();
  }
}
