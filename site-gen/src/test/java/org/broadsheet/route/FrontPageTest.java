package org.broadsheet.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.Progress;
import org.broadsheet.build.SiteBuilder;
import org.broadsheet.build.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front page is a news front: the lead (the newest story with a picture among the first few),
 * the top stories, a rail per section, the latest list and the newest story per tag; its later
 * pages stay plain lists.
 */
class FrontPageTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

  private static String story(String slug, String date, String section, String tags, String image) {
    return "-- content/"
        + slug
        + ".md --\n---\ntitle: Story "
        + slug
        + "\ndate: "
        + date
        + "\nsection: "
        + section
        + "\ntags: ["
        + tags
        + "]\n"
        + (image.isEmpty() ? "" : "image: " + image + "\nimageAlt: Picture of " + slug + "\n")
        + "summary: Summary of "
        + slug
        + "\n---\nBody of "
        + slug
        + ".\n";
  }

  private static Path build(Path dir, String stories) throws IOException {
    SiteFixture.write(
        dir,
        "-- site.yaml --\ntitle: Gazette\nbaseUrl: https://news.example/\npageSize: 8\n" + stories);
    if (stories.contains("image: pic.jpg")) {
      ImageIO.write(
          new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB),
          "jpg",
          dir.resolve("content/pic.jpg").toFile());
    }
    new SiteBuilder(Progress.quiet()).build(BuildOptions.of(dir).withClock(NOW));
    return dir.resolve("public");
  }

  private static List<String> all(String regex, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void theLeadIsTheNewestStoryWithAPictureAndEverySectionHasARail(@TempDir Path dir)
      throws IOException {
    StringBuilder s = new StringBuilder();
    s.append(story("s01", "2024-12-01", "world", "a", ""));
    s.append(story("s02", "2024-11-01", "business", "a, b", "pic.jpg"));
    for (int i = 3; i <= 12; i++) {
      s.append(
          story(
              String.format("s%02d", i),
              String.format("2024-%02d-01", 13 - i),
              i % 3 == 0 ? "world" : i % 3 == 1 ? "business" : "sport",
              i % 2 == 0 ? "b" : "c",
              ""));
    }
    Path out = build(dir, s.toString());
    String home = SiteFixture.read(out, "index.html");

    String lead = all("<article class=\"lead\">(.*?)</article>", home).get(0);
    assertTrue(lead.contains("Story s02"), lead);
    assertTrue(lead.contains("fetchpriority=\"high\""), lead);
    assertTrue(lead.contains("srcset=\"./media/"), lead);
    assertTrue(home.contains("<meta property=\"og:image\" content=\"https://news.example/media/"));

    List<String> top = all("<div class=\"top-stories\">(.*?)</div>\n</section>", home);
    assertEquals(
        List.of("s01", "s03", "s04", "s05"), all("Story (s\\d\\d)</a>", top.get(0)), top.get(0));

    // a rail per section, the section with the newest story first; the lead is not repeated
    List<String> rails =
        all("<section class=\"rail\" aria-labelledby=\"rail-\\d\">(.*?)</section>", home);
    assertEquals(3, rails.size(), home);
    assertTrue(rails.get(0).contains(">world</a></h2>"), rails.get(0));
    assertEquals(List.of("s01", "s03", "s06"), all("Story (s\\d\\d)</a>", rails.get(0)));
    assertTrue(rails.get(1).contains(">business</a></h2>"), rails.get(1));
    assertFalse(rails.get(1).contains("Story s02"), "the lead stays in its place");

    // the latest list holds the rest of the first page, then a link to page 2
    String latest = all("<ol class=\"latest\">(.*?)</ol>", home).get(0);
    assertEquals(List.of("s06", "s07", "s08"), all("Story (s\\d\\d)</a>", latest));
    assertTrue(home.contains("<a rel=\"next\" href=\"./page/2/\">More stories →</a>"), home);

    String tags = all("<ul class=\"by-tag\">(.*?)</ul>", home).get(0);
    assertEquals(
        List.of("a", "b", "c"), all("rel=\"tag\" href=\"\\./tags/[a-z]/\">([a-z])</a>", tags));
    assertTrue(tags.contains("Story s01"), tags);

    String page2 = SiteFixture.read(out, "page/2/index.html");
    assertFalse(page2.contains("class=\"lead\""), page2);
    assertFalse(page2.contains("class=\"rail\""), page2);
    assertEquals(List.of("s09", "s10", "s11", "s12"), all("Story (s\\d\\d)</a>", page2));
    // and links back to the front page, whose link within the site is "" (its folder's)
    assertTrue(page2.contains("<a rel=\"prev\" href=\"../../\">"), page2);
  }

  @Test
  void aSiteWithOneSectionAndNoPicturesStillHasALeadAndAList(@TempDir Path dir) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      s.append(
          story(String.format("s%02d", i), String.format("2024-%02d-01", 13 - i), "news", "x", ""));
    }
    String home = SiteFixture.read(build(dir, s.toString()), "index.html");
    assertTrue(home.contains("<section class=\"front-top no-image\""), home);
    String lead = all("<article class=\"lead\">(.*?)</article>", home).get(0);
    assertTrue(lead.contains("Story s01") && lead.contains("Summary of s01"), lead);
    assertFalse(home.contains("<img"), home);
    assertFalse(home.contains("aria-labelledby=\"rail-"), "no rail repeating the one section");
    assertEquals(
        List.of("s06"),
        all(
            "<h3 class=\"card-title\"><a href=\"\\./articles/s\\d\\d/\">Story (s\\d\\d)</a>",
            home));
    assertTrue(home.contains("<meta name=\"twitter:card\" content=\"summary\">"));
  }
}
