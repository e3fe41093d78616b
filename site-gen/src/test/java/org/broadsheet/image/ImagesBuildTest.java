package org.broadsheet.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.Progress;
import org.broadsheet.build.SiteBuilder;
import org.broadsheet.build.SiteFixture;
import org.broadsheet.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures in a built site: the sizes are written and named in {@code srcset}, sharing cards and
 * JSON-LD carry absolute URLs, the logo is the favicon and publisher logo, and a rebuild takes the
 * sizes from the image cache instead of encoding them again.
 */
class ImagesBuildTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final String SITE =
      """
      -- site.yaml --
      title: Gazette
      baseUrl: https://news.example/paper/
      logo: /images/logo.png
      -- content/2024/harbour.md --
      ---
      title: Harbour reopens
      date: 2024-05-02
      section: business
      image: harbour.jpg
      imageAlt: Cranes over the quay
      imageCaption: The quay at dawn.
      imageCredit: "Photo: A. Writer"
      ---
      Ships are back.
      -- content/2024/shared.md --
      ---
      title: Shared picture
      date: 2024-04-01
      section: world
      image: /images/chart.png
      imageAlt: A chart
      ---
      A chart.
      -- content/2024/remote.md --
      ---
      title: Remote picture
      date: 2024-03-01
      section: world
      image: https://cdn.example/p.jpg
      imageAlt: Far away
      ---
      Elsewhere.
      -- content/2024/missing.md --
      ---
      title: Missing picture
      date: 2024-02-01
      section: world
      image: nowhere.jpg
      imageAlt: Gone
      ---
      Nothing to see.
      """;

  static BuildOptions options(Path site) {
    return BuildOptions.of(site).withClock(NOW);
  }

  static Path site(Path dir) throws IOException {
    SiteFixture.write(dir, SITE);
    picture(dir.resolve("content/2024/harbour.jpg"), 2000, 1200, false, Color.BLUE);
    picture(dir.resolve("static/images/chart.png"), 700, 400, true, Color.RED);
    picture(dir.resolve("static/images/logo.png"), 300, 300, true, Color.BLACK);
    return dir;
  }

  static void picture(Path file, int w, int h, boolean alpha, Color color) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage img =
        new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(color);
    g.fillRect(w / 4, h / 4, w / 2, h / 2);
    g.dispose();
    ImageIO.write(img, alpha ? "png" : "jpg", file.toFile());
  }

  private static BufferedImage read(Path file) throws IOException {
    return ImageIO.read(file.toFile());
  }

  @Test
  void picturesAreWrittenInTheirSizesAndNamedBySrcsetWithAbsoluteSharingUrls(@TempDir Path dir)
      throws IOException {
    Path site = site(dir);
    BuildResult result = new SiteBuilder(Progress.quiet()).build(options(site));
    Path out = site.resolve("public");

    String page = SiteFixture.read(out, "articles/harbour/index.html");
    Matcher srcset = Pattern.compile("srcset=\"([^\"]+)\"").matcher(page);
    assertTrue(srcset.find(), page);
    List<String> candidates = List.of(srcset.group(1).split(", "));
    assertEquals(3, candidates.size(), srcset.group(1));
    int[] widths = {480, 960, 1600};
    for (int i = 0; i < 3; i++) {
      String[] c = candidates.get(i).split(" ");
      assertEquals(widths[i] + "w", c[1]);
      assertTrue(c[0].startsWith("../../media/"), c[0]);
      Path file = out.resolve("articles/harbour/").resolve(c[0]).normalize();
      assertEquals(widths[i], read(file).getWidth(), file.toString());
      assertEquals(widths[i] * 3 / 5, read(file).getHeight(), file.toString());
    }
    assertTrue(page.contains("width=\"960\" height=\"576\""), page);
    assertTrue(page.contains("alt=\"Cranes over the quay\""), page);
    assertTrue(
        page.contains("<figcaption>The quay at dawn. <span class=\"credit\">Photo: A. Writer"));

    String large = candidates.get(2).split(" ")[0].substring("../../".length());
    String absolute = "https://news.example/paper/" + large;
    assertTrue(page.contains("<meta property=\"og:image\" content=\"" + absolute + "\">"), page);
    assertTrue(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    assertTrue(
        page.contains("\"image\":{\"@type\":\"ImageObject\",\"url\":\"" + absolute + "\""), page);
    assertTrue(page.contains("\"width\":1600,\"height\":960"), page);
    Matcher logo =
        Pattern.compile("\"logo\":\\{\"@type\":\"ImageObject\",\"url\":\"([^\"]+)\"").matcher(page);
    assertTrue(logo.find(), page);
    assertTrue(logo.group(1).startsWith("https://news.example/paper/media/"), logo.group(1));
    String logoFile = logo.group(1).substring("https://news.example/paper/".length());
    assertEquals(300, read(out.resolve(logoFile)).getWidth());

    // the favicon is the logo's icon, on every page; the originals are published where they were
    Matcher icon =
        Pattern.compile("<link rel=\"icon\" href=\"\\./([^\"]+)\" type=\"image/png\">")
            .matcher(SiteFixture.read(out, "index.html"));
    assertTrue(icon.find());
    assertEquals(64, read(out.resolve(icon.group(1))).getWidth());
    assertTrue(Files.isRegularFile(out.resolve("2024/harbour.jpg")));
    assertTrue(Files.isRegularFile(out.resolve("images/chart.png")));

    // a picture with transparency stays PNG, and is never scaled up
    String shared = SiteFixture.read(out, "articles/shared/index.html");
    assertTrue(shared.contains("srcset=\"../../media/"), shared);
    assertTrue(shared.contains("chart-480.png 480w, ../../media/"), shared);
    assertTrue(shared.contains("chart-700.png 700w\""), shared);
    assertFalse(shared.contains("chart-960"), shared);

    // a remote picture is shown from its URL; a missing one is a warning and no picture
    String remote = SiteFixture.read(out, "articles/remote/index.html");
    assertTrue(remote.contains("<img src=\"https://cdn.example/p.jpg\" alt=\"Far away\""), remote);
    assertTrue(
        remote.contains("<meta property=\"og:image\" content=\"https://cdn.example/p.jpg\">"));
    String missing = SiteFixture.read(out, "articles/missing/index.html");
    assertFalse(missing.contains("<figure"), missing);
    assertTrue(missing.contains("<meta name=\"twitter:card\" content=\"summary\">"), missing);
    List<Diagnostic> warnings =
        result.diagnostics().stream()
            .filter(d -> d.path().equals("content/2024/missing.md"))
            .toList();
    assertEquals(1, warnings.size(), result.diagnostics().toString());
    assertTrue(warnings.get(0).message().contains("'content/2024/nowhere.jpg' not found"));
    assertEquals(3, result.imagesEncoded(), "the photograph, the chart and the logo");
  }

  @Test
  void aRebuildTakesTheSizesFromTheCacheAndEncodesOnlyAChangedPicture(@TempDir Path dir)
      throws IOException {
    Path site = site(dir);
    assertEquals(3, new SiteBuilder(Progress.quiet()).build(options(site)).imagesEncoded());
    Path out = site.resolve("public");
    Path cache = ImageCache.folder(out);
    Path published = firstMedia(out, "harbour-960.jpg");
    Object before = Files.readAttributes(published, "unix:ino");

    BuildResult again = new SiteBuilder(Progress.quiet()).build(options(site));
    assertEquals(0, again.imagesEncoded(), "nothing encoded again");
    Path republished = firstMedia(out, "harbour-960.jpg");
    assertEquals(published, republished, "same content, same name");
    assertEquals(before, Files.readAttributes(republished, "unix:ino"), "the cached file itself");

    // a clean output folder still finds the cache beside it
    Publisher_deleteTree(out);
    assertEquals(0, new SiteBuilder(Progress.quiet()).build(options(site)).imagesEncoded());

    picture(site.resolve("content/2024/harbour.jpg"), 2000, 1200, false, Color.GREEN);
    assertEquals(1, new SiteBuilder(Progress.quiet()).build(options(site)).imagesEncoded());
    assertNotEquals(
        published.getParent().getFileName(),
        firstMedia(out, "harbour-960.jpg").getParent().getFileName());
    try (Stream<Path> entries = Files.list(cache)) {
      assertEquals(3, entries.count(), "the old picture's sizes are dropped from the cache");
    }
  }

  @Test
  void anOfflineBuildLinksEverySizeRelativelySoItOpensFromDisk(@TempDir Path dir)
      throws IOException {
    Path site = site(dir);
    new SiteBuilder(Progress.quiet()).build(options(site).withOffline(true));
    Path out = site.resolve("public");
    for (String pagePath : List.of("index.html", "articles/harbour/index.html")) {
      String page = SiteFixture.read(out, pagePath);
      Matcher refs = Pattern.compile("(?:src|srcset|href)=\"([^\"]*media/[^\"]*)\"").matcher(page);
      int found = 0;
      while (refs.find()) {
        for (String candidate : refs.group(1).split(", ")) {
          String ref = candidate.split(" ")[0];
          assertFalse(ref.startsWith("/") || ref.contains(":"), ref);
          Path target = out.resolve(pagePath).getParent().resolve(ref).normalize();
          assertTrue(Files.isRegularFile(target), pagePath + " -> " + ref);
          found++;
        }
      }
      assertTrue(found >= 2, pagePath);
    }
  }

  @Test
  void withoutALogoPagesNameTheThemesFavicon(@TempDir Path dir) throws IOException {
    SiteFixture.write(
        dir,
        "-- site.yaml --\ntitle: G\n-- content/a.md --\n---\ntitle: A\ndate: 2024-01-01\n---\nA.\n");
    new SiteBuilder(Progress.quiet()).build(options(dir));
    String page = SiteFixture.read(dir.resolve("public"), "articles/a/index.html");
    assertTrue(
        page.contains(
            "<link rel=\"icon\" href=\"../../assets/favicon.svg\" type=\"image/svg+xml\">"),
        page);
    assertTrue(Files.isRegularFile(dir.resolve("public/assets/favicon.svg")));
    assertFalse(page.contains("\"logo\""), page);
  }

  private static Path firstMedia(Path out, String name) throws IOException {
    try (Stream<Path> files = Files.walk(out.resolve("media"))) {
      return files.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
    }
  }

  private static void Publisher_deleteTree(Path dir) throws IOException {
    org.broadsheet.write.Publisher.deleteTree(dir);
  }
}
