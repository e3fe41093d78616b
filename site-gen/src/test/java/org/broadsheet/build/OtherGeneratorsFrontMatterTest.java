package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content written for Hugo and Jekyll builds as it is: their keys map, others become params. */
class OtherGeneratorsFrontMatterTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

  static BuildResult build(Path dir, String spec) throws Exception {
    SiteFixture.write(dir, "-- site.yaml --\nbaseUrl: https://news.example/\n" + spec);
    return new SiteBuilder(Progress.quiet()).build(BuildOptions.of(dir).withClock(NOW));
  }

  static List<Diagnostic> at(BuildResult r, Severity severity) {
    return r.diagnostics().stream().filter(d -> d.severity() == severity).toList();
  }

  @Test
  void hugoKeysMapToBroadsheetFieldsWithoutAWarning(@TempDir Path dir) throws Exception {
    BuildResult r =
        build(
            dir,
            """
            -- content/posts/strike.md --
            ---
            title: Dockers strike
            author: Ana Lima
            categories: [Business, Ports]
            description: Dock workers walked out over pay.
            publishDate: 2024-05-14T08:00:00Z
            lastmod: 2024-05-15T10:00:00Z
            tags: [labour]
            ---
            The body.
            """);
    assertEquals(List.of(), at(r, Severity.WARNING));
    assertEquals(List.of(), at(r, Severity.ERROR));
    String page = SiteFixture.read(dir, "public/articles/strike/index.html");
    assertTrue(page.contains("\"datePublished\":\"2024-05-14T08:00:00Z\""), page);
    assertTrue(page.contains("\"dateModified\":\"2024-05-15T10:00:00Z\""), page);
    assertTrue(page.contains("\"articleSection\":\"Business\""), page);
    assertTrue(page.contains("content=\"Dock workers walked out over pay.\""), page);
    assertTrue(Files.exists(dir.resolve("public/sections/business/index.html")));
    assertTrue(Files.exists(dir.resolve("public/tags/ports/index.html")), "further categories");
    assertTrue(Files.exists(dir.resolve("public/tags/labour/index.html")));
    assertTrue(Files.exists(dir.resolve("public/authors/ana-lima/index.html")));
  }

  @Test
  void otherKeysAreKeptAsParamsForTemplatesAndOnlyNoted(@TempDir Path dir) throws Exception {
    BuildResult r =
        build(
            dir,
            """
            -- templates/article.ftlh --
            <p id="mood">${article.card.params.mood}</p><p id="n">${article.card.params.rank}</p>\
            <#list article.card.params.crew as c><i>${c}</i></#list>\
            <p id="w">${article.card.weight}</p>
            -- content/a.md --
            ---
            title: A
            date: 2024-01-01
            mood: "<calm>"
            rank: 3
            crew: [Ana, Bo]
            weight: 7
            ---
            Body.
            """);
    assertEquals(List.of(), at(r, Severity.WARNING));
    assertTrue(
        at(r, Severity.NOTE).stream()
            .anyMatch(d -> d.message().contains("'mood'") && d.message().contains("params.mood")),
        r.diagnostics().toString());
    String page = SiteFixture.read(dir, "public/articles/a/index.html");
    assertTrue(page.contains("<p id=\"mood\">&lt;calm&gt;</p>"), page);
    assertTrue(page.contains("<p id=\"n\">3</p><i>Ana</i><i>Bo</i>"), page);
    assertTrue(page.contains("<p id=\"w\">7</p>"), page);
  }

  @Test
  void weightOrdersArticlesOfTheSameDateLowerFirst(@TempDir Path dir) throws Exception {
    build(
        dir,
        """
        -- content/a.md --
        ---
        title: Alpha
        date: 2024-01-01
        weight: 5
        ---
        x
        -- content/b.md --
        ---
        title: Beta
        date: 2024-01-01
        weight: 1
        ---
        x
        -- content/c.md --
        ---
        title: Gamma
        date: 2024-01-01
        ---
        x
        """);
    String home = SiteFixture.read(dir, "public/index.html");
    int beta = home.indexOf(">Beta<");
    int alpha = home.indexOf(">Alpha<");
    int gamma = home.indexOf(">Gamma<");
    assertTrue(beta > 0 && beta < alpha && alpha < gamma, home);
  }

  @Test
  void expiredAndNotYetPublishedArticlesAreLeftOut(@TempDir Path dir) throws Exception {
    BuildResult r =
        build(
            dir,
            """
            -- content/old.md --
            ---
            title: Old offer
            date: 2023-01-01
            expiryDate: 2024-06-01
            ---
            x
            -- content/later.md --
            ---
            title: Embargoed
            date: 2024-12-01
            publishDate: 2025-02-01
            ---
            x
            -- content/now.md --
            ---
            title: Current
            date: 2024-01-01
            expiryDate: 2026-01-01
            ---
            x
            """);
    assertEquals(1, r.articles());
    assertEquals(2, r.skipped());
    assertFalse(Files.exists(dir.resolve("public/articles/old")));
    assertFalse(Files.exists(dir.resolve("public/articles/later")));
    assertTrue(Files.exists(dir.resolve("public/articles/now/index.html")));
    assertEquals(List.of(), at(r, Severity.WARNING));
  }

  @Test
  void aliasesWriteRedirectPagesThatWorkUnderAnyBasePath(@TempDir Path dir) throws Exception {
    BuildResult r =
        build(
            dir,
            """
            -- content/a.md --
            ---
            title: Moved "story"
            date: 2024-01-01
            aliases: [/2019/03/old-story/, /old/page.html, "posts/x"]
            ---
            x
            """);
    assertEquals(List.of(), at(r, Severity.WARNING));
    String redirect = SiteFixture.read(dir, "public/2019/03/old-story/index.html");
    assertTrue(
        redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../../articles/a/\">"),
        redirect);
    assertTrue(
        redirect.contains("<link rel=\"canonical\" href=\"https://news.example/articles/a/\">"),
        redirect);
    assertTrue(
        redirect.contains("<a href=\"../../../articles/a/\">Moved &quot;story&quot;</a>"),
        redirect);
    assertTrue(redirect.contains("noindex"), redirect);
    assertTrue(
        SiteFixture.read(dir, "public/old/page.html").contains("url=../articles/a/\""),
        "a file alias is written as that file");
    assertTrue(Files.exists(dir.resolve("public/posts/x/index.html")));
    assertFalse(
        SiteFixture.read(dir, "public/sitemap.xml").contains("old-story"),
        "redirects are not in the sitemap");
  }

  @Test
  void offlineRedirectsLinkToTheArticlesIndexFile(@TempDir Path dir) throws Exception {
    SiteFixture.write(
        dir, "-- content/a.md --\n---\ntitle: A\ndate: 2024-01-01\naliases: [/old/a/]\n---\nx\n");
    new SiteBuilder(Progress.quiet()).build(BuildOptions.of(dir).withClock(NOW).withOffline(true));
    String redirect = SiteFixture.read(dir, "public/old/a/index.html");
    assertTrue(redirect.contains("url=../../articles/a/index.html\""), redirect);
  }

  @Test
  void aliasesThatWouldLeaveTheSiteOrOverwriteAPageAreRefused(@TempDir Path dir) throws Exception {
    BuildResult r =
        build(
            dir,
            """
            -- content/a.md --
            ---
            title: A
            date: 2024-01-01
            aliases:
              - ../../etc/evil/
              - https://elsewhere.example/x
              - /.git/hooks/
              - "/x?y=1"
              - /search/
              - /articles/b/
              - /index.html
              - /feed.xml/
              - /fine/
            ---
            x
            -- content/b.md --
            ---
            title: B
            date: 2024-01-02
            aliases: [/fine/]
            ---
            x
            """);
    List<String> warnings = at(r, Severity.WARNING).stream().map(Diagnostic::message).toList();
    assertEquals(9, warnings.size(), warnings.toString());
    assertTrue(
        warnings.stream().anyMatch(w -> w.contains("'../../etc/evil/'")), warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.contains("is a URL")), warnings.toString());
    assertTrue(
        warnings.stream().anyMatch(w -> w.contains("would overwrite articles/b/index.html")));
    assertTrue(warnings.stream().anyMatch(w -> w.contains("would overwrite index.html")));
    assertTrue(warnings.stream().anyMatch(w -> w.contains("would overwrite feed.xml/index.html")));
    assertTrue(
        warnings.stream().anyMatch(w -> w.contains("'/fine/' would overwrite fine/index.html")),
        "the second article's alias of the same path");
    assertFalse(Files.exists(dir.resolve("etc")));
    assertFalse(Files.exists(dir.resolve("public/.git")));
    assertTrue(SiteFixture.read(dir, "public/fine/index.html").contains("articles/b/"));
    assertTrue(SiteFixture.read(dir, "public/articles/b/index.html").contains("<h1"));
  }

  @Test
  void jekyllPostNamesGiveTheDateAndSlug(@TempDir Path dir) throws Exception {
    BuildResult r =
        build(
            dir,
            """
            -- content/_posts/2023-07-04-harbour-reopens.md --
            ---
            layout: post
            title: Harbour reopens
            ---
            x
            -- content/_posts/2023-07-05-own-date.md --
            ---
            title: Own date
            date: 2023-08-01 09:30:00 +0200
            ---
            x
            -- content/notes/2023-07-06-not-a-post.md --
            ---
            title: Not a post
            ---
            x
            """);
    assertEquals(List.of(), at(r, Severity.ERROR));
    String page = SiteFixture.read(dir, "public/articles/harbour-reopens/index.html");
    assertTrue(page.contains("\"datePublished\":\"2023-07-04T00:00:00Z\""), page);
    String own = SiteFixture.read(dir, "public/articles/own-date/index.html");
    assertTrue(own.contains("\"datePublished\":\"2023-08-01T09:30:00+02:00\""), own);
    assertTrue(Files.exists(dir.resolve("public/articles/2023-07-06-not-a-post/index.html")));
    assertTrue(
        at(r, Severity.NOTE).stream().anyMatch(d -> d.message().contains("params.layout")),
        "Jekyll's layout is a param");
  }
}
