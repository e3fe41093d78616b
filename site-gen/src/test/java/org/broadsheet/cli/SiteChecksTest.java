package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.broadsheet.build.SiteFixture;
import org.broadsheet.cli.MainTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a build says about the site folder itself: no baseUrl, no content/. */
class SiteChecksTest {
  @TempDir Path dir;

  @Test
  void aMissingBaseUrlIsAWarningAndWithStrictAnError() throws Exception {
    SiteFixture.write(dir, MainTest.SITE + "-- site.yaml --\ntitle: Daily\n");
    Run build = MainTest.run("build", "--no-progress", "--source", dir.toString());
    assertEquals(0, build.code(), build.err());
    assertTrue(
        build.err().contains("site.yaml:1: warning: no baseUrl (it sets none): canonical URLs"),
        build.err());
    assertTrue(build.err().contains("--base-url"), build.err());
    assertTrue(build.err().contains("0 errors, 1 warnings"), build.err());

    Run strict = MainTest.run("build", "--strict", "--no-progress", "--source", dir.toString());
    assertEquals(1, strict.code(), strict.err());
    Run check = MainTest.run("check", "--strict", "--source", dir.toString());
    assertEquals(1, check.code(), check.err());
    assertTrue(check.err().contains("no baseUrl"), check.err());
  }

  @Test
  void noSiteYamlAtAllIsTheSameWarning() throws Exception {
    SiteFixture.write(dir, MainTest.SITE);
    Run check = MainTest.run("check", "--source", dir.toString());
    assertEquals(0, check.code(), check.err());
    assertTrue(
        check.err().contains("site.yaml: warning: no baseUrl (there is no site.yaml)"),
        check.err());
  }

  @Test
  void aBaseUrlFromSiteYamlOrTheCommandLineSilencesIt() throws Exception {
    SiteFixture.write(dir, MainTest.SITE);
    Run flag =
        MainTest.run(
            "build",
            "--strict",
            "--no-progress",
            "--base-url",
            "https://news.example/",
            "--source",
            dir.toString());
    assertEquals(0, flag.code(), flag.err());
    assertFalse(flag.err().contains("baseUrl"), flag.err());
    assertTrue(
        Files.readString(dir.resolve("public/feed.xml")).contains("https://news.example/"),
        "the feed uses it");

    Files.writeString(dir.resolve("site.yaml"), "baseUrl: https://daily.example/\n");
    Run yaml = MainTest.run("check", "--strict", "--source", dir.toString());
    assertEquals(0, yaml.code(), yaml.err());
  }

  @Test
  void aFolderWithoutContentIsRefusedByBuildCheckAndPack() throws Exception {
    Files.writeString(dir.resolve("site.yaml"), "title: Daily\nbaseUrl: https://d.example/\n");
    for (String command : new String[] {"build", "check", "pack"}) {
      Run run = MainTest.run(command, "--source", dir.toString());
      assertEquals(2, run.code(), command + ": " + run.err());
      assertTrue(
          run.err().contains("there is no content/ folder in " + dir), command + ": " + run.err());
      assertTrue(run.err().contains("broadsheet new site DIR"), run.err());
    }
    assertFalse(Files.exists(dir.resolve("public")), "no empty site published");
    assertFalse(Files.exists(dir.resolve("site.zip")));

    Files.writeString(dir.resolve("content"), "not a folder");
    Run file = MainTest.run("build", "--source", dir.toString());
    assertEquals(2, file.code());
    assertTrue(file.err().contains("is not a folder"), file.err());
  }

  @Test
  void anIncrementalBuildReportsEachWarningOnce() throws Exception {
    SiteFixture.write(
        dir,
        MainTest.SITE
            + "-- site.yaml --\nbaseUrl: https://d.example/\n"
            + "-- content/w.md --\n---\ntitle: Calm\ndate: 2022-01-03\n---\n"
            + "Quiet [mood](javascript:calm()).\n");
    assertEquals(0, MainTest.run("build", "--no-progress", "--source", dir.toString()).code());
    Files.writeString(
        dir.resolve("content/b.md"),
        "---\ntitle: Rates rise\ndate: 2023-01-01\n---\nRates rose [again](javascript:fine()).\n");
    Run again = MainTest.run("build", "--no-progress", "--source", dir.toString());
    assertEquals(0, again.code(), again.err());
    assertEquals(
        1,
        again
                .err()
                .split(java.util.regex.Pattern.quote("unsafe link 'javascript:calm()'"), -1)
                .length
            - 1,
        again.err());
    assertTrue(again.err().contains("unsafe link 'javascript:fine()'"), again.err());
    assertTrue(again.err().contains("0 errors, 2 warnings"), again.err());
  }

  @Test
  void anArticleWithoutATitleIsAWarningAndTakesItsLead() throws Exception {
    SiteFixture.write(
        dir,
        "-- site.yaml --\nbaseUrl: https://d.example/\n"
            + "-- content/a.md --\n---\ndate: 2022-01-02\n---\nPort reopens after storm. More.\n");
    Run check = MainTest.run("check", "--source", dir.toString());
    assertEquals(0, check.code(), check.err());
    assertTrue(
        check.err().contains("content/a.md:1:1: warning: front matter has no 'title'"),
        check.err());
    assertEquals(1, MainTest.run("check", "--strict", "--source", dir.toString()).code());
  }
}
