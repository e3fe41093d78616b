package org.broadsheet.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildMojoTest {
  static BuildMojo mojo(Path project, RecordingLog log) {
    BuildMojo mojo = Sites.goal(new BuildMojo(), project, log);
    mojo.out = project.resolve("target/broadsheet").toFile();
    return mojo;
  }

  @Test
  void buildPublishesTheSiteWithThePomsOptions(@TempDir Path dir) throws Exception {
    Sites.write(dir, "content/good.md", Sites.GOOD, "content/draft.md", Sites.DRAFT);
    RecordingLog log = new RecordingLog();
    BuildMojo mojo = mojo(dir, log);
    mojo.drafts = true;
    mojo.offline = true;
    mojo.baseUrl = "https://example.org/from-pom/";
    mojo.execute();

    Path site = dir.resolve("target/broadsheet");
    assertTrue(Files.isRegularFile(site.resolve("articles/good/index.html")));
    assertTrue(Files.isRegularFile(site.resolve("articles/draft/index.html")), "<drafts>");
    assertTrue(
        Files.readString(site.resolve("index.html")).contains("articles/good/index.html"),
        "<offline> links end in index.html");
    assertTrue(
        Files.readString(site.resolve("feed.xml"))
            .contains("https://example.org/from-pom/articles/good/"),
        "<baseUrl>");
    assertTrue(log.text().contains("info built 2 articles"), log.text());
  }

  @Test
  void aBrokenArticleFailsTheBuildWithItsPositionAfterTheRestIsPublished(@TempDir Path dir)
      throws Exception {
    Sites.write(dir, "content/good.md", Sites.GOOD, "content/bad.md", Sites.BROKEN);
    RecordingLog log = new RecordingLog();
    MojoFailureException e = assertThrows(MojoFailureException.class, mojo(dir, log)::execute);

    assertTrue(
        e.getMessage()
            .matches("Broadsheet: 1 error; the first: content/bad\\.md:3:\\d+: error: .*"),
        e.getMessage());
    assertTrue(
        log.lines.stream()
            .anyMatch(
                l ->
                    l.matches("(?s)error content/bad\\.md:3:\\d+: error: .*")
                        && l.contains("\n    date: 2024-13-45\n ")
                        && l.endsWith("^")),
        log.text());
    assertTrue(Files.isRegularFile(dir.resolve("target/broadsheet/articles/good/index.html")));
    assertFalse(Files.exists(dir.resolve("target/broadsheet/articles/bad")));
  }

  @Test
  void pathsAreRelativeToWhereMavenStartedOrElseAbsolute(@TempDir Path dir) throws Exception {
    Path project = Sites.write(dir.resolve("module"), "site/content/bad.md", Sites.BROKEN);
    RecordingLog log = new RecordingLog();
    BuildMojo mojo = mojo(project, log);
    mojo.source = project.resolve("site").toFile();
    mojo.executionRoot = dir.toFile(); // the reactor's root, above the module
    assertThrows(MojoFailureException.class, mojo::execute);
    assertTrue(log.text().contains("error module/site/content/bad.md:3:"), log.text());

    RecordingLog elsewhere = new RecordingLog();
    BuildMojo outside = mojo(project, elsewhere);
    outside.source = project.resolve("site").toFile();
    outside.executionRoot = dir.resolve("other").toFile();
    assertThrows(MojoFailureException.class, outside::execute);
    String absolute = project.resolve("site/content/bad.md").toAbsolutePath() + ":3:";
    assertTrue(elsewhere.text().contains("error " + absolute), elsewhere.text());
  }

  @Test
  void strictFailsOnAWarningThatOtherwisePasses(@TempDir Path dir) throws Exception {
    Sites.write(dir, "content/warns.md", Sites.WARNS);
    RecordingLog log = new RecordingLog();
    mojo(dir, log).execute();
    assertTrue(log.text().contains("warn content/warns.md:5:1: warning: unsafe link"), log.text());

    BuildMojo strict = mojo(dir, new RecordingLog());
    strict.out = dir.resolve("target/strict").toFile(); // a clean build: a rebuild shows it twice
    strict.strict = true;
    strict.baseUrl = "https://example.org/"; // else its missing baseUrl is a second warning
    MojoFailureException e = assertThrows(MojoFailureException.class, strict::execute);
    assertTrue(
        e.getMessage()
            .startsWith(
                "Broadsheet: 0 errors, 1 warning (strict); the first: content/warns.md:5:1:"),
        e.getMessage());
  }

  @Test
  void aBrokenThemeFailsTheBuildAtTheTemplatesLineAndPublishesNothing(@TempDir Path dir)
      throws Exception {
    Sites.write(
        dir,
        "content/good.md",
        Sites.GOOD,
        "templates/index.ftlh",
        "<#import \"base.ftlh\" as base>\n<p>${listing.heading</p>\n");
    RecordingLog log = new RecordingLog();
    MojoFailureException e = assertThrows(MojoFailureException.class, mojo(dir, log)::execute);
    assertTrue(
        e.getMessage().startsWith("Broadsheet: the theme failed, nothing was published: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("templates/index.ftlh:2:"), e.getMessage());
    assertTrue(log.text().contains("error templates/index.ftlh:2:"), log.text());
    assertFalse(Files.exists(dir.resolve("target/broadsheet")));
  }

  @Test
  void anOutputFolderBroadsheetDidNotBuildIsRefusedUnlessForced(@TempDir Path dir)
      throws Exception {
    Sites.write(dir, "content/good.md", Sites.GOOD, "target/broadsheet/notes.txt", "mine");
    BuildMojo mojo = mojo(dir, new RecordingLog());
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().startsWith("Broadsheet: refusing"), e.getMessage());
    assertEquals("mine", Files.readString(dir.resolve("target/broadsheet/notes.txt")));

    mojo.force = true;
    mojo.execute();
    assertTrue(Files.isRegularFile(dir.resolve("target/broadsheet/index.html")));
  }

  @Test
  void skipDoesNothing(@TempDir Path dir) throws Exception {
    Sites.write(dir, "content/bad.md", Sites.BROKEN);
    RecordingLog log = new RecordingLog();
    BuildMojo mojo = mojo(dir, log);
    mojo.skip = true;
    mojo.execute();
    assertFalse(Files.exists(dir.resolve("target")));
    assertEquals("info Broadsheet: skipped (broadsheet.skip)", log.text());
  }
}
