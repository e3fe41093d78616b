package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.broadsheet.cli.MainTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code broadsheet new site DIR}, and {@code new "Title"} beside it. */
class NewSiteTest {
  @TempDir Path dir;

  @Test
  void newSiteMakesAStarterSiteThatChecksAndBuildsStrictlyClean() throws Exception {
    Path site = dir.resolve("harbour-times");
    Run made = MainTest.run("new", "site", site.toString());
    assertEquals(0, made.code(), made.err());
    assertTrue(made.out().contains("Next:"), made.out());
    assertTrue(made.out().contains("broadsheet serve"), made.out());
    assertTrue(made.out().contains("baseUrl"), made.out());

    String yaml = Files.readString(site.resolve("site.yaml"));
    assertTrue(yaml.contains("title: \"Harbour Times\""), yaml);
    for (String key :
        new String[] {"description", "baseUrl", "language", "timeZone", "pageSize", "author"}) {
      assertTrue(yaml.contains("\n" + key + ": "), key + " in\n" + yaml);
    }
    assertTrue(yaml.lines().filter(l -> l.startsWith("#")).count() >= 10, "explained: " + yaml);
    assertTrue(Files.exists(site.resolve(".gitignore")));

    Run check = MainTest.run("check", "--strict", "--source", site.toString());
    assertEquals(0, check.code(), check.err());
    assertTrue(check.err().contains("checked 2 articles"), check.err());
    assertTrue(check.err().contains("0 errors, 0 warnings"), check.err());

    Run build = MainTest.run("build", "--strict", "--no-progress", "--source", site.toString());
    assertEquals(0, build.code(), build.err());
    assertTrue(Files.exists(site.resolve("public/articles/welcome/index.html")));
    String feed = Files.readString(site.resolve("public/feed.xml"));
    assertTrue(feed.contains("https://news.example/articles/welcome/"), feed);
  }

  @Test
  void newSiteRefusesAFolderThatIsNotEmptyAndWritesNothing() throws Exception {
    Path site = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(site.resolve("notes.txt"), "mine");
    Run made = MainTest.run("new", "site", site.toString());
    assertEquals(2, made.code());
    assertTrue(made.err().contains("is not empty; nothing written"), made.err());
    assertFalse(Files.exists(site.resolve("site.yaml")));
    assertFalse(Files.exists(site.resolve("content")));
    assertEquals("mine", Files.readString(site.resolve("notes.txt")));

    Files.writeString(dir.resolve("file"), "x");
    assertEquals(2, MainTest.run("new", "site", dir.resolve("file").toString()).code());
  }

  @Test
  void newSiteTakesAnEmptyFolder() throws Exception {
    Path site = Files.createDirectories(dir.resolve("empty"));
    assertEquals(0, MainTest.run("new", "site", site.toString()).code());
    assertTrue(Files.exists(site.resolve("site.yaml")));
  }

  @Test
  void newArticleIsStillTheDefaultAndHasItsOwnName() throws Exception {
    Path site = dir.resolve("paper");
    assertEquals(0, MainTest.run("new", "site", site.toString()).code());
    Run shorthand = MainTest.run("new", "--source", site.toString(), "Harbour strike ends");
    assertEquals(0, shorthand.code(), shorthand.err());
    assertTrue(shorthand.out().strip().endsWith("harbour-strike-ends.md"), shorthand.out());
    Run named =
        MainTest.run("new", "article", "--source", site.toString(), "--section", "port", "Ships");
    assertEquals(0, named.code(), named.err());
    String text = Files.readString(Path.of(named.out().strip()));
    assertTrue(text.startsWith("---\ntitle: Ships\n"), text);
    assertTrue(text.contains("section: port"), text);
    assertEquals(1, MainTest.run("new", "article", "--source", site.toString(), "Ships").code());
  }

  @Test
  void newWithNothingToMakeIsAUsageError() {
    Run none = MainTest.run("new");
    assertEquals(2, none.code());
    assertTrue(none.err().contains("new site DIR"), none.err());
  }
}
