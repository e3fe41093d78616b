package org.broadsheet.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.broadsheet.serve.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code broadsheet serve} on a real project: the real pipeline, incremental rebuilds, live reload.
 */
class PreviewBuildTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path site;
  @TempDir Path work; // holds the output folder and, beside it, the build cache
  private Path out;
  private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
  private PreviewServer preview;
  private Http http;
  private EventStream events;

  @BeforeEach
  void start() throws Exception {
    out = work.resolve("public");
    write(
        "site.yaml",
        "title: \"Test Wire\"\nbaseUrl: \"https://example.org/\"\nlanguage: en\npageSize: 2\n");
    write(
        "content/2024/vienna.md",
        article(
            "Vienna talks resume",
            "2024-03-01T09:00:00Z",
            "diplomacy",
            "Negotiators met in Vienna to revive the nuclear agreement."));
    write(
        "content/2024/harvest.md",
        article(
            "Wheat harvest beats forecasts",
            "2024-02-01T09:00:00Z",
            "economy",
            "Farmers brought in a record wheat harvest."));
    write(
        "content/2024/port.md",
        article(
            "Port strike ends",
            "2024-01-15T09:00:00Z",
            "economy",
            "Dock workers returned after a week-long strike."));
    write(
        "content/2024/plan.md",
        "---\ntitle: \"Budget plan leaked\"\ndate: 2024-04-01T09:00:00Z\ndraft: true\n"
            + "section: economy\n---\nA draft about the budget.\n");
    write(
        "content/2026/later.md",
        article(
            "Election results",
            "2026-05-01T09:00:00Z",
            "politics",
            "Votes were counted overnight."));
    preview =
        PreviewServer.start(
            site,
            new PreviewBuild(site, out.resolve("site"), CLOCK),
            "127.0.0.1",
            0,
            new PrintStream(terminal, true, StandardCharsets.UTF_8));
    http = new Http(preview.port());
    events = new EventStream(preview.port());
    events.next("hello", WAIT);
  }

  @AfterEach
  void stop() throws Exception {
    events.close();
    preview.close();
  }

  private void write(String path, String text) throws Exception {
    Path file = site.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static String article(String title, String date, String section, String body) {
    return "---\ntitle: \""
        + title
        + "\"\ndate: "
        + date
        + "\nsection: "
        + section
        + "\ntags: [news]\n---\n"
        + body
        + "\n";
  }

  private long total(String query) throws Exception {
    Map<String, Object> json = JSON.std.mapFrom(http.get("/api/search?q=" + query).body());
    return ((Number) json.get("total")).longValue();
  }

  @Test
  void editedArticleIsServedAndReloadIsSent() throws Exception {
    assertTrue(http.get("/articles/vienna/").body().contains("Vienna talks resume"));
    write(
        "content/2024/vienna.md",
        article(
            "Vienna talks stall",
            "2024-03-01T09:00:00Z",
            "diplomacy",
            "Negotiators left Vienna without the zanzibar accord."));
    events.next("reload", WAIT);
    String page = http.get("/articles/vienna/").body();
    assertTrue(page.contains("Vienna talks stall"), page);
    assertTrue(
        http.get("/page/2/").body().contains("Vienna talks stall"),
        "the listing shows the new title");
    assertTrue(
        http.get("/articles/harvest/").body().contains("Vienna talks stall"),
        "the neighbour's previous/next link has the new title");
    assertEquals(1, total("zanzibar"), "the search index has the new text");
  }

  @Test
  void brokenFrontMatterShowsTheProblemKeepsTheLastGoodPageAndRecovers() throws Exception {
    write(
        "content/2024/vienna.md",
        "---\ntitle: \"Vienna talks resume\"\ndate: [not a date\n---\nBroken.\n");
    EventStream.Event problems = events.next("problems", WAIT);
    assertTrue(
        problems.data().matches(".*content/2024/vienna.md:\\d+:\\d+: error: broken YAML.*"),
        problems.data());
    assertTrue(http.get("/articles/vienna/").body().contains("Negotiators met in Vienna"));
    assertTrue(terminal.toString(StandardCharsets.UTF_8).contains("content/2024/vienna.md:"));

    write(
        "content/2024/vienna.md",
        article(
            "Vienna talks resume",
            "2024-03-01T09:00:00Z",
            "diplomacy",
            "Negotiators met again in Vienna."));
    events.next("reload", WAIT);
    assertTrue(http.get("/articles/vienna/").body().contains("Negotiators met again"));
    assertTrue(preview.status().ok());
  }

  @Test
  void deletingABrokenArticleClearsItsProblem() throws Exception {
    write(
        "content/2024/broken.md", "---\ntitle: \"Never good\"\ndate: [not a date\n---\nBroken.\n");
    EventStream.Event problems = events.next("problems", WAIT);
    assertTrue(problems.data().contains("content/2024/broken.md:"), problems.data());
    Files.delete(site.resolve("content/2024/broken.md"));
    events.next("reload", WAIT);
    assertTrue(preview.status().ok(), preview.status().problems().toString());
    try (EventStream late = new EventStream(preview.port())) {
      assertFalse(
          late.next("hello", WAIT).data().contains("broken.md"),
          "a page opened now shows no overlay");
    }
  }

  @Test
  void deletedArticleIsGoneFromPageListingsAndSearch() throws Exception {
    assertEquals(1, total("harvest"));
    Files.delete(site.resolve("content/2024/harvest.md"));
    events.next("reload", WAIT);
    assertEquals(404, http.get("/articles/harvest/").statusCode());
    assertFalse(http.get("/").body().contains("Wheat harvest"));
    assertFalse(http.get("/sections/economy/").body().contains("Wheat harvest"));
    assertEquals(0, total("harvest"));
  }

  @Test
  void renamedFileMovesItsPage() throws Exception {
    Files.move(site.resolve("content/2024/port.md"), site.resolve("content/2024/dock-strike.md"));
    events.next("reload", WAIT);
    assertEquals(404, http.get("/articles/port/").statusCode());
    assertTrue(http.get("/articles/dock-strike/").body().contains("Port strike ends"));
    assertTrue(http.get("/sections/economy/page/2/").body().contains("articles/dock-strike/"));
    assertEquals(1, total("dock"));
  }

  @Test
  void newArticleAppearsEverywhereAndShiftsPagination() throws Exception {
    write(
        "content/2024/new.md",
        article(
            "Bridge reopens",
            "2024-12-01T09:00:00Z",
            "economy",
            "The river bridge reopened to traffic."));
    events.next("reload", WAIT);
    assertEquals(200, http.get("/articles/new/").statusCode());
    assertTrue(http.get("/").body().contains("Bridge reopens"));
    assertTrue(http.get("/page/3/").body().contains("Wheat harvest"), "pages after it moved along");
    assertEquals(1, total("bridge"));
  }

  @Test
  void aPersianArticleAddedToAnEnglishSiteIsSearchableWithPersianAnalysis() throws Exception {
    assertEquals(0, total(URLEncoder.encode("کتاب", StandardCharsets.UTF_8)));
    write(
        "content/2024/ketab.md",
        "---\ntitle: \"نمایشگاه کتاب تهران گشایش یافت\"\ndate: 2024-05-10T08:00:00Z\n"
            + "lang: fa\nsection: culture\n---\nنمایشگاه بین‌المللی کتاب تهران با حضور ناشران داخلی و خارجی آغاز شد.\n");
    events.next("reload", WAIT);
    assertEquals(200, http.get("/articles/ketab/").statusCode());
    // Arabic kaf and yeh, as many keyboards type them, find the Persian spelling: Persian
    // normalisation
    assertEquals(1, total(URLEncoder.encode("\u0643\u062a\u0627\u0628", StandardCharsets.UTF_8)));
    assertEquals(1, total(URLEncoder.encode("\u064a\u0627\u0641\u062a", StandardCharsets.UTF_8)));
    assertEquals(1, total("harvest"), "English articles are still found");
    assertEquals(
        2,
        total(URLEncoder.encode("harvest کتاب", StandardCharsets.UTF_8)),
        "a query in both finds both");
  }

  @Test
  void draftsAndFutureArticlesWearBadges() throws Exception {
    String draft = http.get("/articles/plan/").body();
    assertTrue(draft.contains("badge-draft"), draft);
    assertTrue(http.get("/articles/later/").body().contains("badge-future"));
  }

  @Test
  void templateChangeRerendersThePagesUsingIt() throws Exception {
    Path theme = Files.createDirectories(site.resolve("templates"));
    try (var in =
        getClass().getClassLoader().getResourceAsStream("broadsheet/theme/article.ftlh")) {
      String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Files.writeString(
          theme.resolve("article.ftlh"),
          template.replace("</article>", "<p>EDITED-TEMPLATE</p></article>"));
    }
    events.next("reload", WAIT);
    assertTrue(http.get("/articles/port/").body().contains("EDITED-TEMPLATE"));
    assertFalse(http.get("/").body().contains("EDITED-TEMPLATE"));
  }

  @Test
  void brokenTemplateIsReportedWithItsPosition() throws Exception {
    Path theme = Files.createDirectories(site.resolve("templates"));
    Files.writeString(
        theme.resolve("article.ftlh"),
        "<#import \"base.ftlh\" as base>\n<p>${page.nope.nope}</p>\n");
    EventStream.Event problems = events.next("problems", WAIT);
    assertTrue(problems.data().contains("templates/article.ftlh:2"), problems.data());
    Files.delete(theme.resolve("article.ftlh"));
    try {
      events.next("reload", WAIT);
    } catch (AssertionError e) {
      throw new AssertionError(terminal.toString(StandardCharsets.UTF_8), e);
    }
    assertTrue(preview.status().ok());
  }

  @Test
  void endlessRecursionInATemplateIsShownInTheOverlayAndTheServerRecovers() throws Exception {
    Path theme = Files.createDirectories(site.resolve("templates"));
    Files.writeString(
        theme.resolve("article.ftlh"), "<#macro r n>${n}<@r n=n+1/></#macro>\n<@r n=0/>\n");
    EventStream.Event problems = events.next("problems", WAIT);
    assertTrue(problems.data().contains("templates/article.ftlh:1"), problems.data());
    assertTrue(problems.data().contains("calls itself without end"), problems.data());
    Files.delete(theme.resolve("article.ftlh"));
    events.next("reload", WAIT);
    assertTrue(preview.status().ok());
  }
}
