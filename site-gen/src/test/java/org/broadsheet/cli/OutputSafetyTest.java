package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.broadsheet.build.SiteFixture;
import org.broadsheet.write.OutputGuard;
import org.broadsheet.write.TreeHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --out} never deletes the sources or files Broadsheet did not write. */
class OutputSafetyTest {
  /**
   * dir/site is the source (content/, templates/, static/, site.yaml), dir/notes an unrelated
   * folder, dir/notes.txt an unrelated file, dir/to-site and dir/to-content links.
   */
  static Path workspace(Path dir) throws Exception {
    SiteFixture.write(
        dir.resolve("site"),
        MainTest.SITE
            + """
        -- site.yaml --
        title: Safe
        -- templates/404.ftlh --
        <p>lost</p>
        -- static/robots.txt --
        User-agent: *
        """);
    SiteFixture.write(
        dir,
        "-- notes/todo.txt --\nbuy milk\n-- notes/deep/plan.md --\nplan\n-- notes.txt --\nkeep me\n");
    Files.createSymbolicLink(dir.resolve("to-site"), dir.resolve("site"));
    Files.createSymbolicLink(dir.resolve("to-content"), dir.resolve("site/content"));
    return dir.resolve("site");
  }

  @ParameterizedTest(name = "--out {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "site               | it is the site's source folder",
        ".                  | it contains the site's source folder",
        "site/content       | it is the site's content/ folder",
        "site/content/2024  | it lies inside the site's content/ folder",
        "site/templates     | it is the site's templates/ folder",
        "site/static        | it is the site's static/ folder",
        "notes.txt          | it is a file, not a folder",
        "site/site.yaml     | it is a file, not a folder",
        "notes              | is not a site built by Broadsheet",
        "to-site            | it is the site's source folder",
        "to-site/content/x  | it lies inside the site's content/ folder",
        "to-content         | it is the site's content/ folder"
      })
  void aDangerousOutIsRefusedWithExitTwoAndEveryFileSurvives(
      String out, String reason, @TempDir Path dir) throws Exception {
    Path site = workspace(dir);
    Map<String, String> before = TreeHash.of(dir);
    MainTest.Run build =
        MainTest.run("build", "--source", site.toString(), "--out", dir.resolve(out).toString());
    assertEquals(2, build.code(), build.err());
    assertTrue(
        build.err().startsWith("broadsheet: refusing to build into " + dir.resolve(out)),
        build.err());
    assertTrue(build.err().contains(reason), build.err());
    assertTrue(build.err().contains("--out"), "says how to proceed: " + build.err());
    assertEquals(before, TreeHash.of(dir), "the source and unrelated files survive byte for byte");
  }

  @Test
  void forceDoesNotOpenTheSources(@TempDir Path dir) throws Exception {
    Path site = workspace(dir);
    Map<String, String> before = TreeHash.of(dir);
    for (String out : new String[] {"site", "site/content", "to-site", "."}) {
      MainTest.Run build =
          MainTest.run(
              "build",
              "--force",
              "--source",
              site.toString(),
              "--out",
              dir.resolve(out).toString());
      assertEquals(2, build.code(), build.err());
    }
    assertEquals(before, TreeHash.of(dir));
  }

  @Test
  void aForeignFolderNamesWhatItHoldsAndHowToProceed(@TempDir Path dir) throws Exception {
    Path site = workspace(dir);
    MainTest.Run build =
        MainTest.run(
            "build", "--source", site.toString(), "--out", dir.resolve("notes").toString());
    assertTrue(build.err().contains("(deep, todo.txt)"), build.err());
    assertTrue(build.err().contains("no " + OutputGuard.MARKER + " file"), build.err());
    assertTrue(build.err().contains("pass --force"), build.err());
  }

  @Test
  void anEarlierBuildANewFolderAndAnEmptyFolderAreFine(@TempDir Path dir) throws Exception {
    Path site = workspace(dir);
    Map<String, String> notes = TreeHash.of(dir.resolve("notes"));
    assertEquals(0, MainTest.run("build", "--source", site.toString()).code());
    assertTrue(Files.isRegularFile(site.resolve("public/" + OutputGuard.MARKER)));
    Files.writeString(site.resolve("public/stale.html"), "from an earlier build");
    MainTest.Run again = MainTest.run("build", "--source", site.toString());
    assertEquals(0, again.code(), again.err());
    assertFalse(
        Files.exists(site.resolve("public/stale.html")), "an earlier build is replaced as a whole");
    Files.createDirectories(dir.resolve("empty"));
    assertEquals(
        0,
        MainTest.run("build", "--source", site.toString(), "--out", dir.resolve("empty").toString())
            .code());
    assertTrue(Files.exists(dir.resolve("empty/index.html")));
    assertEquals(notes, TreeHash.of(dir.resolve("notes")));
  }

  @Test
  void forceReplacesAForeignFolder(@TempDir Path dir) throws Exception {
    Path site = workspace(dir);
    Map<String, String> source = TreeHash.of(site);
    MainTest.Run build =
        MainTest.run(
            "build",
            "--force",
            "--source",
            site.toString(),
            "--out",
            dir.resolve("notes").toString());
    assertEquals(0, build.code(), build.err());
    assertTrue(Files.exists(dir.resolve("notes/index.html")));
    assertFalse(Files.exists(dir.resolve("notes/todo.txt")));
    assertEquals(source, TreeHash.of(site));
  }

  @Test
  void aStaleStagingFolderIsRemovedByTheNextBuildAndAnUnrelatedSiblingSurvives(@TempDir Path dir)
      throws Exception {
    Path site = workspace(dir);
    SiteFixture.write(
        site, "-- .public.building-123/index.html --\nkilled\n-- .public-notes/n.txt --\nmine\n");
    assertEquals(0, MainTest.run("build", "--source", site.toString()).code());
    assertFalse(Files.exists(site.resolve(".public.building-123")));
    assertEquals("mine\n", Files.readString(site.resolve(".public-notes/n.txt")));
  }

  @ParameterizedTest(name = "pack --out {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "site/site.yaml        | the file exists and is not a zip",
        "notes.txt             | the file exists and is not a zip",
        "notes                 | it is a folder",
        "site/content/site.zip | it lies inside the site's content/ folder",
        "to-content/site.zip   | it lies inside the site's content/ folder",
        "site/static/site.zip  | it lies inside the site's static/ folder"
      })
  void packRefusesToReplaceWhatIsNotItsZip(String out, String reason, @TempDir Path dir)
      throws Exception {
    Path site = workspace(dir);
    Map<String, String> before = TreeHash.of(dir);
    MainTest.Run pack =
        MainTest.run("pack", "--source", site.toString(), "--out", dir.resolve(out).toString());
    assertEquals(2, pack.code(), pack.err());
    assertTrue(
        pack.err().startsWith("broadsheet: refusing to write the archive to " + dir.resolve(out)),
        pack.err());
    assertTrue(pack.err().contains(reason), pack.err());
    assertEquals(before, TreeHash.of(dir));
  }

  @Test
  void packReplacesItsEarlierZipAndForceReplacesAnyFile(@TempDir Path dir) throws Exception {
    Path site = workspace(dir);
    assertEquals(0, MainTest.run("pack", "--source", site.toString()).code());
    MainTest.Run again = MainTest.run("pack", "--source", site.toString());
    assertEquals(0, again.code(), again.err());
    MainTest.Run forced =
        MainTest.run(
            "pack",
            "--force",
            "--source",
            site.toString(),
            "--out",
            dir.resolve("notes.txt").toString());
    assertEquals(0, forced.code(), forced.err());
    assertTrue(
        new String(
                Files.readAllBytes(dir.resolve("notes.txt")),
                0,
                2,
                java.nio.charset.StandardCharsets.ISO_8859_1)
            .equals("PK"));
  }
}
