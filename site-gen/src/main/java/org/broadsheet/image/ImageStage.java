package org.broadsheet.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.content.Slugs;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.write.Publisher;

/**
 * The images of a build: every article's picture and the site's logo, published in the sizes pages
 * offer ({@code media/<hash>/<name>-480.jpg}, {@code -960}, {@code -1600}, {@code -thumb}). Sizes
 * are encoded once per content and kept in an {@link ImageCache} beside the output, so a rebuild
 * publishes hard links to them and encodes only what changed. The files themselves are published
 * where they are (see the build's static copy); files named by their content hash can be cached
 * forever.
 *
 * <p>A picture that is missing, lies outside the site, or cannot be decoded is a warning: the
 * article is shown without it, or (not decodable: SVG, WebP) with the file as it is.
 */
public final class ImageStage {
  /** What the encoder makes; part of every key, so new settings encode every image again. */
  private static final String SETTINGS = "2 480,960,1600 thumb 320x213 q0.8 logo 600 icon 64";

  private final Path site;
  private final Publisher publisher;
  private final Diagnostics diagnostics;
  private final ImageCache cache;
  private final Map<String, Optional<Renditions>> bySource = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Set<String> used = ConcurrentHashMap.newKeySet();
  private final Set<String> published = ConcurrentHashMap.newKeySet();

  /**
   * @param site the site folder (content/, static/)
   * @param out the output folder; the cache lives beside it
   */
  public ImageStage(Path site, Path out, Publisher publisher, Diagnostics diagnostics) {
    this.site = site.toAbsolutePath().normalize();
    this.publisher = publisher;
    this.diagnostics = diagnostics;
    this.cache = new ImageCache(ImageCache.folder(out));
  }

  /** The distinct local pictures of the archive's articles, in a stable order. */
  public static List<String> sources(Archive archive) {
    Set<String> sources = new TreeSet<>();
    for (Article a : archive.articles()) {
      a.image().filter(i -> !i.remote()).ifPresent(i -> sources.add(i.src()));
    }
    return new ArrayList<>(sources);
  }

  /** Publishes one picture's sizes (once, however many articles show it). Thread-safe. */
  public void picture(String src) {
    bySource.put(src, publish(src, Encoder.Kind.PICTURE));
  }

  /** Publishes the site's logo as its sizes and its icon; empty without one. */
  public Optional<Renditions> logo(String logo) {
    if (logo.isEmpty() || logo.startsWith("http://") || logo.startsWith("https://")) {
      return Optional.empty();
    }
    Optional<Renditions> r = publish(logo, Encoder.Kind.LOGO);
    if (r.isEmpty()) {
      diagnostics.add(
          Diagnostic.warning("site.yaml", "logo '" + logo + "' not found; no logo is used"));
    }
    return r;
  }

  /**
   * Warns about each article whose picture is missing (once per article), and returns the pictures
   * found: source path -> their sizes.
   */
  public Map<String, Renditions> pictures(Archive archive) {
    for (Article a : archive.articles()) {
      a.image()
          .filter(i -> !i.remote())
          .filter(i -> bySource.getOrDefault(i.src(), Optional.empty()).isEmpty())
          .ifPresent(
              i ->
                  diagnostics.add(
                      Diagnostic.warning(
                          a.sourcePath(),
                          "image '"
                              + i.src()
                              + "' not found (put it beside the article, or under"
                              + " static/images/ and write /images/...); shown without it")));
    }
    Map<String, Renditions> found = new ConcurrentHashMap<>();
    bySource.forEach((src, r) -> r.ifPresent(x -> found.put(src, x)));
    return Map.copyOf(found);
  }

  /** Removes cached encodings that this build did not use; call after a successful build. */
  public void prune() throws IOException {
    cache.keepOnly(used);
  }

  /** How many images this build encoded; the others came from the cache. */
  public int encoded() {
    return cache.encoded();
  }

  private Optional<Renditions> publish(String src, Encoder.Kind kind) {
    Optional<Path> file = fileOf(src);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    String original = publishedPath(src);
    try {
      byte[] bytes = Files.readAllBytes(file.get());
      String key = key(kind, bytes);
      Encoder.Result result;
      synchronized (locks.computeIfAbsent(key, k -> new Object())) {
        result = cache.get(key, file.get(), kind);
      }
      used.add(key);
      String folder = "media/" + key.substring(0, 12) + "/" + stem(src) + "-";
      List<Renditions.Size> sizes = new ArrayList<>();
      for (Encoder.Written w : result.sizes()) {
        sizes.add(publish(key, w, folder));
      }
      return Optional.of(
          new Renditions(
              key,
              result.width(),
              result.height(),
              sizes,
              publish(key, result.thumb(), folder),
              original));
    } catch (Encoder.Undecodable e) {
      diagnostics.add(
          Diagnostic.warning(
              src, "image " + e.getMessage() + "; published as it is, without smaller sizes"));
      return Optional.of(new Renditions("", 0, 0, List.of(), null, original));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish the sizes of " + src, e);
    }
  }

  private Renditions.Size publish(String key, Encoder.Written w, String folder) {
    String path = folder + w.name();
    if (published.add(path) && !publisher.keep(cache.entry(key).resolve(w.name()), path)) {
      throw new UncheckedIOException(
          new IOException("the image cache lost " + key + "/" + w.name() + " during the build"));
    }
    return new Renditions.Size(path, w.width(), w.height());
  }

  /**
   * The file of a site path, if it is a regular file that lies in the site folder, or in the folder
   * {@code content/} or {@code static/} links to (as the content walker accepts them).
   */
  private Optional<Path> fileOf(String src) {
    Path file = site.resolve(src).normalize();
    if (!file.startsWith(site) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Path real = file.toRealPath();
      for (Path root : List.of(site, site.resolve("content"), site.resolve("static"))) {
        if (Files.exists(root) && real.startsWith(root.toRealPath())) {
          return Optional.of(real);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    diagnostics.add(Diagnostic.warning(src, "image links outside the site folder; not published"));
    return Optional.empty();
  }

  /** Where the build's static copy publishes a file: {@code content/} and {@code static/} go. */
  static String publishedPath(String src) {
    for (String top : List.of("content/", "static/")) {
      if (src.startsWith(top)) {
        return src.substring(top.length());
      }
    }
    return src;
  }

  /**
   * The file name without its extension, as a URL-safe name: {@code Harbour 2.JPG} -> harbour-2.
   */
  static String stem(String src) {
    String name = src.substring(src.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String stem = Slugs.slugify(dot > 0 ? name.substring(0, dot) : name);
    return stem.isEmpty() ? "image" : stem;
  }

  private static String key(Encoder.Kind kind, byte[] bytes) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((SETTINGS + " " + kind + "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
