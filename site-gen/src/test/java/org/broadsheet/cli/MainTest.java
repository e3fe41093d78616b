package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.broadsheet.build.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  static final String SITE =
      """
      -- content/a.md --
      ---
      title: Vienna talks resume
      date: 2022-08-08
      tags: [diplomacy]
      ---
      Negotiators met in Vienna for talks on the nuclear deal.
      -- content/b.md --
      ---
      title: Rates rise
      date: 2023-01-01
      tags: [economy]
      ---
      The central bank raised interest rates in Vienna and elsewhere.
      """;

  @Test
  void lucenesNotesAboutTheJvmStayOffStderrButItsSevereMessagesDoNot() {
    Main.quietLibraryLogs();
    Logger lucene =
        Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");
    assertFalse(lucene.isLoggable(Level.INFO), "Using MemorySegmentIndexInput ...");
    assertFalse(lucene.isLoggable(Level.WARNING), "please update Apache Lucene ...");
    assertTrue(lucene.isLoggable(Level.SEVERE));
    assertTrue(
        Logger.getLogger("com.example.Other").isLoggable(Level.INFO), "other loggers unchanged");
  }

  @Test
  void buildThenSearchPrintsTheJsonShape(@TempDir Path dir) throws Exception {
    SiteFixture.write(dir, SITE);
    Run build = run("build", "--source", dir.toString());
    assertEquals(0, build.code(), build.err());
    assertTrue(build.err().contains("built 2 articles"), build.err());
    Run search =
        run("search", "--site", dir.resolve("public").toString(), "--json", "vienna", "-rates");
    assertEquals(0, search.code(), search.err());
    Map<String, Object> json = JSON.std.mapFrom(search.out());
    assertEquals(1, ((Number) json.get("total")).intValue());
    @SuppressWarnings("unchecked")
    Map<String, Object> hit = ((List<Map<String, Object>>) json.get("hits")).get(0);
    assertEquals(
        List.of("id", "title", "url", "date", "score", "snippet"), List.copyOf(hit.keySet()));
    assertEquals("a", hit.get("id"));
    assertEquals("articles/a/", hit.get("url"));
    assertTrue(((String) hit.get("snippet")).contains("<mark>Vienna</mark>"));
  }

  @Test
  void searchFiltersAndSortsFromTheCommandLine(@TempDir Path dir) throws Exception {
    SiteFixture.write(dir, SITE);
    run("build", "--source", dir.toString());
    String site = dir.resolve("public").toString();
    assertTrue(
        run("search", "--site", site, "--tag", "economy", "vienna").out().startsWith("1 result"));
    String byDate = run("search", "--site", site, "--sort", "date", "vienna").out();
    assertTrue(byDate.indexOf("Rates rise") < byDate.indexOf("Vienna talks resume"), byDate);
  }

  @Test
  void buildFailsWithExitCodeOneAndAPositionWhenAnArticleIsLeftOut(@TempDir Path dir)
      throws Exception {
    SiteFixture.write(dir, SITE + "-- content/bad.md --\n---\ntitle: x\ndate: someday\n---\nb\n");
    Run build = run("build", "--source", dir.toString());
    assertEquals(1, build.code());
    assertTrue(
        build.err().contains("content/bad.md:3:1: error: 'date' is not an ISO 8601 date"),
        build.err());
    assertTrue(build.err().contains("1 left out"), build.err());
    assertTrue(
        Files.exists(dir.resolve("public/articles/a/index.html")),
        "the other articles still build");
  }

  @Test
  void strictFailsOnWarnings(@TempDir Path dir) throws Exception {
    SiteFixture.write(dir, SITE + "-- content/w.md --\n---\ntitle: x\nmood: calm\n---\nb\n");
    assertEquals(0, run("check", "--source", dir.toString()).code());
    Run strict = run("check", "--strict", "--source", dir.toString());
    assertEquals(1, strict.code());
    assertTrue(
        strict
            .err()
            .contains(
                "content/w.md:3:1: warning: front-matter key 'mood' is not one of Broadsheet's"),
        strict.err());
    assertTrue(strict.err().contains("    mood: calm\n    ^"), strict.err());
  }

  @Test
  void newWritesADraftWithFrontMatter(@TempDir Path dir) throws Exception {
    Run created = run("new", "--source", dir.toString(), "Harbour strike ends");
    assertEquals(0, created.code(), created.err());
    Path file = Path.of(created.out().strip());
    String text = Files.readString(file);
    assertTrue(file.getFileName().toString().equals("harbour-strike-ends.md"));
    assertTrue(text.startsWith("---\ntitle: Harbour strike ends\ndate: "), text);
    assertTrue(text.contains("draft: true"), text);
    assertEquals(0, run("check", "--source", dir.toString()).code(), "a new article parses");
  }

  @Test
  void checkExplainShowsWhatTheWireParserMadeOfAFile(@TempDir Path dir) throws Exception {
    SiteFixture.write(
        dir,
        "-- content/w/2020-05-14-strike.txt --\n"
            + "ROTTERDAM, May 14 - Dock workers walked out on Tuesday over pay.\n"
            + "    Talks resume next week, the union said.\n Reuter\n");
    Run explain =
        run(
            "check",
            "--source",
            dir.toString(),
            "--explain",
            dir.resolve("content/w/2020-05-14-strike.txt").toString());
    assertEquals(0, explain.code(), explain.err());
    assertTrue(explain.out().startsWith("content/w/2020-05-14-strike.txt\n"), explain.out());
    assertTrue(explain.out().contains("dateline  ROTTERDAM"), explain.out());
    assertTrue(explain.out().contains("source    Reuters"), explain.out());
    assertTrue(explain.out().contains("2 paragraph(s)"), explain.out());
  }

  @Test
  void anEnglishSiteGetsOnlyTheEnglishRuntimeAndItsFileScriptOnlyWhenBuiltForDisk(@TempDir Path dir)
      throws Exception {
    SiteFixture.write(dir, SITE);
    assertEquals(0, run("build", "--source", dir.toString(), "--no-progress").code());
    assertEquals(
        List.of("search-js.js", "search.wasm", "wasm-gc-runtime.js"),
        runtimeFiles(dir.resolve("public/search/runtime")));
    try (var english = Main.class.getResourceAsStream("/broadsheet-search/search-en.wasm")) {
      assertArrayEquals(
          english.readAllBytes(),
          Files.readAllBytes(dir.resolve("public/search/runtime/search.wasm")),
          "the English module, under the one name search.js asks for");
    }
    assertEquals(0, run("build", "--source", dir.toString(), "--offline", "--no-progress").code());
    assertEquals(
        List.of("search-js.js", "search.wasm", "search.wasm.js", "wasm-gc-runtime.js"),
        runtimeFiles(dir.resolve("public/search/runtime")));
  }

  private static List<String> runtimeFiles(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void buildAndPackTakeNoProgress(@TempDir Path dir) throws Exception {
    SiteFixture.write(dir, SITE);
    Run build = run("build", "--source", dir.toString(), "--no-progress");
    assertEquals(0, build.code(), build.err());
    Run pack = run("pack", "--source", dir.toString(), "--no-progress");
    assertEquals(0, pack.code(), pack.err());
  }

  @Test
  void versionAndHelpWork() {
    assertTrue(run("--version").out().startsWith("broadsheet "));
    Run help = run("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("build") && help.out().contains("search"), help.out());
  }

  @Test
  void aCommandNamedFirstIsTheOnlyOneReadAndAnythingElseSeesThemAll() {
    List<String> all =
        List.of("build", "search", "check", "new", "serve", "pack", "import", "help");
    assertEquals(
        List.of("build"),
        List.copyOf(
            Main.commandLineFor(new String[] {"build", "--clean"}).getSubcommands().keySet()));
    for (String[] args :
        List.of(new String[] {}, new String[] {"help", "build"}, new String[] {"buidl"})) {
      assertEquals(
          all,
          List.copyOf(Main.commandLineFor(args).getSubcommands().keySet()),
          String.join(" ", args));
    }
    Run mistyped = run("buidl");
    assertTrue(mistyped.err().contains("Did you mean: broadsheet build?"), mistyped.err());
  }
}
