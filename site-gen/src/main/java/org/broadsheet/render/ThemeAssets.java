package org.broadsheet.render;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The theme's static assets ({@code assets/**}): the default theme's, overridden file by file by
 * the site's {@code templates/assets/}. CSS and JS get a content hash in their name so they can be
 * cached forever.
 */
public final class ThemeAssets {
  private final Map<String, byte[]> files;

  private ThemeAssets(Map<String, byte[]> files) {
    this.files = files;
  }

  public static ThemeAssets load(Path siteTemplates) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    readClasspathAssets(files);
    Path siteAssets = siteTemplates == null ? null : siteTemplates.resolve("assets");
    if (siteAssets != null && Files.isDirectory(siteAssets)) {
      readTree(siteAssets, files);
    }
    return new ThemeAssets(files);
  }

  /** Asset name (e.g. {@code style.css}) -> contents. */
  public Map<String, byte[]> files() {
    return files;
  }

  /**
   * The published path of an asset: {@code assets/style.css} -> {@code assets/style.1a2b3c4d.css}.
   */
  public static String fingerprinted(String name, byte[] content) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot);
    if (!ext.equals(".css") && !ext.equals(".js")) {
      return "assets/" + name;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
      return "assets/" + name.substring(0, dot) + "." + HexFormat.of().formatHex(hash, 0, 4) + ext;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A script of the default theme as the site gets it: without its comment lines (those whose first
   * non-blank characters are {@code //}), indentation and blank lines. search.js documents itself
   * at length; this takes its download from 15.4 to 10.5 KB gzip, and it comes before the first
   * search. Only for scripts with no string that spans lines (no template literal, no line ending
   * in a backslash), as the default theme's are ({@code ThemeAssetsTest}); a site's own scripts are
   * published as they are.
   */
  static byte[] compactScript(byte[] script) {
    StringBuilder out = new StringBuilder(script.length);
    for (String line : new String(script, StandardCharsets.UTF_8).split("\n", -1)) {
      String code = line.strip();
      if (!code.isEmpty() && !code.startsWith("//")) {
        out.append(code).append('\n');
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void readClasspathAssets(Map<String, byte[]> files) throws IOException {
    Map<String, byte[]> theme = new TreeMap<>();
    readDefaultTheme(theme);
    theme.forEach(
        (name, bytes) -> files.put(name, name.endsWith(".js") ? compactScript(bytes) : bytes));
  }

  private static void readDefaultTheme(Map<String, byte[]> files) throws IOException {
    URL marker = ThemeAssets.class.getClassLoader().getResource(Templates.THEME + "/base.ftlh");
    if (marker == null) {
      throw new IOException(
          "default theme not on the classpath (" + Templates.THEME + "/base.ftlh)");
    }
    if (marker.getProtocol().equals("jar")) {
      readJar(marker, files);
      return;
    }
    try {
      readTree(Path.of(marker.toURI()).getParent().resolve("assets"), files);
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  /**
   * The assets from the jar the theme is in, read with the jar's own index, which the class loader
   * has already read (a zip file system over the CLI jar's 9,800 entries took 50-100 ms to open on
   * the build's critical path). A jar of its own each call, closed after: nothing shared between
   * threads or builds.
   */
  static void readJar(URL marker, Map<String, byte[]> files) throws IOException {
    JarURLConnection connection = (JarURLConnection) marker.openConnection();
    connection.setUseCaches(false);
    String prefix = Templates.THEME + "/assets/";
    try (JarFile jar = connection.getJarFile()) {
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
          try (InputStream in = jar.getInputStream(entry)) {
            files.put(entry.getName().substring(prefix.length()), in.readAllBytes());
          }
        }
      }
    }
  }

  private static void readTree(Path dir, Map<String, byte[]> files) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String name = dir.relativize(p).toString().replace('\\', '/');
        try (InputStream in = Files.newInputStream(p)) {
          files.put(name, in.readAllBytes());
        }
      }
    }
  }
}
