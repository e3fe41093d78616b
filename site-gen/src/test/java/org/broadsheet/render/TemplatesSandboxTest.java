package org.broadsheet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.broadsheet.build.SiteFixture;
import org.broadsheet.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A theme is code from a stranger (issue 10, item 7): it may not run commands, reach Java objects
 * or files outside the theme; its failures stop the build with exit 3 and a diagnostic, not a stack
 * trace.
 */
class TemplatesSandboxTest {
  static final String SITE =
      """
      -- site.yaml --
      title: Sandbox
      -- content/a.md --
      ---
      title: A
      date: 2024-01-02
      ---
      Body.
      """;

  @TempDir Path dir;

  record Run(int code, String err) {}

  private Run cli(String command, Path site) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {command, "--source", site.toString()},
            new PrintWriter(out),
            new PrintWriter(err));
    return new Run(code, err.toString());
  }

  /**
   * The site with its article page rendered by {@code template}: the one article is the only page
   * of the build's last render phase, so no other page is still being written when it fails.
   */
  private Path siteWithArticleTemplate(String template) throws Exception {
    Path site = SiteFixture.write(dir.resolve("site"), SITE);
    Files.createDirectories(site.resolve("templates"));
    Files.writeString(site.resolve("templates/article.ftlh"), template);
    return site;
  }

  /** Each attack writes the marker file if it gets to run a command. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "<#assign ex = 'freemarker.template.utility.Execute'?new()>${ex('touch MARKER')}",
        "<#assign oc = 'freemarker.template.utility.ObjectConstructor'?new()>"
            + "${oc('java.lang.ProcessBuilder', ['touch', 'MARKER']).start().waitFor()}",
        "<#assign ex = \"'freemarker.template.utility.Execute'?new()\"?eval>${ex('touch MARKER')}",
        "<#assign t = r\"<#assign ex = 'freemarker.template.utility.Execute'?new()>${ex('touch MARKER')}\"?interpret><@t/>",
        "<#setting new_builtin_class_resolver='unrestricted'><#assign ex = 'freemarker.template.utility.Execute'?new()>${ex('touch MARKER')}",
        "<#setting api_builtin_enabled=true>${site.assets?api.getClass().getName()}",
        "${site.assets?api.getClass().getName()}",
        "${site.getClass().getProtectionDomain().getCodeSource().getLocation()}",
        "${site.class.name}",
        "<#assign w = site.getClass()>${w}"
      })
  void templatesCannotRunCommandsOrReachJava(String attack) throws Exception {
    Path marker = dir.resolve("MARKER");
    Path site = siteWithArticleTemplate(attack.replace("MARKER", marker.toString()));
    Run build = cli("build", site);
    assertFalse(Files.exists(marker), "the command ran: " + attack);
    assertEquals(3, build.code(), build.err());
    assertTrue(build.err().contains("templates/article.ftlh:1:"), build.err());
    assertFalse(build.err().contains("\tat "), "no stack trace: " + build.err());
    assertFalse(Files.exists(site.resolve("public")), "nothing published");
  }

  @Test
  void checkReportsABrokenThemeWithExitThreeAndTheContentProblemsToo() throws Exception {
    Path marker = dir.resolve("MARKER");
    Path site =
        siteWithArticleTemplate(
            "<#assign ex = 'freemarker.template.utility.Execute'?new()>${ex('touch "
                + marker
                + "')}");
    SiteFixture.write(site, "-- content/bad.md --\n---\ntitle: x\ndate: someday\n---\nb\n");
    Run check = cli("check", site);
    assertEquals(3, check.code(), check.err());
    assertFalse(Files.exists(marker));
    assertTrue(check.err().contains("content/bad.md:3:1: error:"), check.err());
    assertTrue(check.err().contains("templates/article.ftlh:1:"), check.err());
    assertFalse(Files.exists(site.resolve("public")), "check writes nothing");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<#include '../site.yaml'>",
        "<#include '/../site.yaml'>",
        "<#include '../../secret.txt'>",
        "<#include 'file:///etc/passwd'>",
        "<#include '..\\\\site.yaml'>",
        "<#include 'link.ftlh'>",
        "<#import 'link.ftlh' as x>"
      })
  void templatesLoadNothingFromOutsideTheTheme(String attack) throws Exception {
    Files.writeString(Files.createDirectories(dir).resolve("secret.txt"), "SECRET");
    Path site = siteWithArticleTemplate(attack);
    Files.createSymbolicLink(site.resolve("templates/link.ftlh"), dir.resolve("secret.txt"));
    Run build = cli("build", site);
    assertEquals(3, build.code(), build.err());
    assertTrue(build.err().contains("templates/article.ftlh"), build.err());
    assertFalse(build.err().contains("SECRET"), build.err());
  }

  @Test
  void symlinksInsideTheThemeStillWork() throws Exception {
    Path site = siteWithArticleTemplate("<#include 'parts/shared.ftlh'>");
    Files.createDirectories(site.resolve("templates/real"));
    Files.writeString(site.resolve("templates/real/shared.ftlh"), "<p>shared part</p>");
    Files.createSymbolicLink(site.resolve("templates/parts"), site.resolve("templates/real"));
    Run build = cli("build", site);
    assertEquals(0, build.code(), build.err());
    assertEquals(
        "<p>shared part</p>", Files.readString(site.resolve("public/articles/a/index.html")));
  }

  @Test
  void theDefaultThemeStillRendersEveryPage() throws Exception {
    Path site = SiteFixture.write(dir.resolve("site"), SITE);
    Run build = cli("build", site);
    assertEquals(0, build.code(), build.err());
    assertTrue(Files.readString(site.resolve("public/articles/a/index.html")).contains("<h1>A"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<#macro r n>${n}<@r n=n+1/></#macro>\n<@r n=0/>",
        "<#function f n><#return f(n + 1)></#function>\n${f(0)}",
        "<#macro a><@b/></#macro><#macro b><@a/></#macro>\n<@a/>"
      })
  void endlessRecursionIsAThemeFailureWithAClearMessage(String template) throws Exception {
    Path site = siteWithArticleTemplate(template);
    Run build = cli("build", site);
    assertEquals(3, build.code(), build.err());
    assertTrue(build.err().contains("templates/article.ftlh:1:"), build.err());
    assertTrue(build.err().contains("calls itself without end"), build.err());
    assertFalse(build.err().contains("StackOverflowError"), build.err());
    assertFalse(build.err().contains("\tat "), build.err());
    try (Stream<Path> files = Files.list(site)) {
      assertTrue(
          files.noneMatch(p -> p.getFileName().toString().startsWith("public")),
          "no site, no staging folder");
    }
  }

  @Test
  void aSyntaxErrorIsAThemeFailureToo() throws Exception {
    Run build = cli("build", siteWithArticleTemplate("<p>\n<#if>broken\n"));
    assertEquals(3, build.code(), build.err());
    assertTrue(build.err().contains("templates/article.ftlh:2:"), build.err());
  }
}
