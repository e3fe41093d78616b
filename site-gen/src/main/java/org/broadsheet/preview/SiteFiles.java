package org.broadsheet.preview;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The files of a built site, read-only: a folder on disk, or a packed zip mounted as a file system
 * (served straight from the zip, never extracted). Answers which file a request path names, and
 * refuses every path that would leave the site.
 */
public final class SiteFiles implements Closeable {
  static final String INDEX = "index.html";

  private final Resource resource;
  private final Path root;
  private final Path realRoot;
  private final Closeable mount;

  private SiteFiles(Resource resource, Closeable mount) throws IOException {
    this.resource = resource;
    this.root = resource.getPath();
    this.realRoot = root.toRealPath();
    this.mount = mount;
  }

  /** A site folder, such as {@code public/}. */
  public static SiteFiles folder(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("not a folder: " + dir);
    }
    return new SiteFiles(ResourceFactory.root().newResource(dir.toAbsolutePath()), () -> { });
  }

  /**
   * A zip written by {@code broadsheet pack}. The site sits at the top of the zip, or in its one
   * top-level folder.
   */
  public static SiteFiles zip(Path zipFile) throws IOException {
    ResourceFactory.Closeable factory = ResourceFactory.closeable();
    try {
      Resource top = factory.newJarFileResource(zipFile.toAbsolutePath().toUri());
      if (top == null || !top.exists()) {
        throw new IOException("cannot open zip " + zipFile);
      }
      return new SiteFiles(siteRootIn(top), factory);
    } catch (IOException | RuntimeException e) {
      factory.close();
      throw e instanceof IOException io ? io : new IOException("cannot open zip " + zipFile + ": " + e.getMessage(), e);
    }
  }

  /** Opens a folder or, for a {@code .zip} file, the archive. */
  public static SiteFiles open(Path site) throws IOException {
    return Files.isDirectory(site) ? folder(site) : zip(site);
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

  /** The site root as a path (on the default or the zip file system). */
  public Path root() {
    return root;
  }

  /**
   * The regular file that a decoded request path names: the file itself, or a folder's
   * {@code index.html}. Empty when there is none, or when the path (or a symlink on it) leads
   * outside the site.
   */
  public Optional<Path> lookup(String decodedPath) {
    String relative = decodedPath.startsWith("/") ? decodedPath.substring(1) : decodedPath;
    if (relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0) {
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

  @Override
  public void close() throws IOException {
    mount.close();
  }
}
