package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The theme speaks the site's language (its strings, dates and direction), and an article in
 * another language carries its own on its element.
 */
class LanguagesTest {
  private static String site(String language, String extra) {
    return """
        -- site.yaml --
        title: Zeitung
        baseUrl: https://news.example/
        language: %s
        -- content/one.md --
        ---
        title: Eins
        date: 2024-12-01T10:00:00Z
        updated: 2024-12-02T10:00:00Z
        authors: [Ana Lima]
        tags: [wirtschaft]
        source: Agentur
        license: CC-BY-4.0
        ---
        Text.
        -- content/two.md --
        ---
        title: Zwei
        date: 2024-03-05T10:00:00Z
        tags: [wirtschaft]
        ---
        Mehr Text.
        """
            .formatted(language)
        + extra;
  }

  private static Path build(Path dir, String spec) throws Exception {
    Path site = SiteFixture.write(dir, spec);
    BuildResult r = new SiteBuilder(Progress.quiet()).build(SiteBuilderTest.options(site));
    assertEquals(0, r.leftOut(), r.diagnostics().toString());
    return site;
  }

  @Test
  void aGermanSiteSpeaksGermanAndWritesGermanDates(@TempDir Path dir) throws Exception {
    Path site = build(dir, site("de", ""));
    String home = SiteFixture.read(site, "public/index.html");
    assertTrue(home.contains("<html lang=\"de\" dir=\"ltr\">"), home);
    assertTrue(home.contains("aria-label=\"Top-Meldungen\""), home); // the front page's strings
    assertTrue(home.contains("placeholder=\"Suchen…\""), home);
    assertTrue(home.contains(">1. Dezember 2024</time>"), home);
    assertFalse(home.contains(">Latest<") || home.contains("Search…"), home);
    String article = SiteFixture.read(site, "public/articles/one/index.html");
    assertTrue(article.contains("1 Min. Lesezeit"), article);
    assertTrue(article.contains("Aktualisiert am <time"), article);
    assertTrue(article.contains(">2. Dezember 2024</time>"), article);
    assertTrue(article.contains("Von <a href="), article);
    assertTrue(article.contains("Quelle und Lizenz"), article);
    assertFalse(article.contains(" lang=\"de\" dir=\"ltr\">\n  <header"), "the page says so once");
    String tag = SiteFixture.read(site, "public/tags/wirtschaft/index.html");
    assertTrue(tag.contains("2 Artikel"), tag);
    assertTrue(tag.contains("<title>Schlagwort: wirtschaft"), tag);
    String month = SiteFixture.read(site, "public/archive/2024/index.html");
    assertTrue(month.contains("Dezember 2024"), month);
    assertTrue(month.contains("März 2024"), month);
    assertTrue(month.contains("<span class=\"count\">1 Artikel</span>"), month);
    assertFalse(month.contains("1 article"), month);
    String search = SiteFixture.read(site, "public/search/index.html");
    assertTrue(search.contains("data-date-locale=\"de\""), search);
    assertTrue(search.contains("\"search.button\":\"Suchen\""), search);
  }

  @Test
  void aPersianSiteRunsRightToLeftWithPersianDigitsInItsDates(@TempDir Path dir) throws Exception {
    Path site = build(dir, site("fa", ""));
    String home = SiteFixture.read(site, "public/index.html");
    assertTrue(home.contains("<html lang=\"fa\" dir=\"rtl\">"), home);
    assertTrue(home.contains("تازه‌ترین‌ها"), home);
    assertTrue(home.contains(">۱ دسامبر ۲۰۲۴</time>"), home);
    String archive = SiteFixture.read(site, "public/archive/index.html");
    assertTrue(archive.contains(">۲۰۲۴</a>"), archive);
    assertTrue(archive.contains("<span class=\"count\">۲</span>"), archive);
  }

  @Test
  void theArchiveChartRunsRightToLeftOnARightToLeftPage(@TempDir Path dir) throws Exception {
    // March and December 2024: the year page's chart has a bar for each, March's first in the page
    List<Integer> ltr = barsAndAxis(build(dir.resolve("de"), site("de", "")));
    assertTrue(ltr.get(0) < ltr.get(1), "time runs left to right: " + ltr);
    assertTrue(ltr.get(2) < ltr.get(0), "the count axis stands on the left: " + ltr);

    List<Integer> rtl = barsAndAxis(build(dir.resolve("fa"), site("fa", "")));
    assertTrue(rtl.get(0) > rtl.get(1), "time runs right to left: " + rtl);
    assertTrue(rtl.get(2) > rtl.get(0), "the count axis stands on the right: " + rtl);
    String persian = SiteFixture.read(dir.resolve("fa"), "public/archive/2024/index.html");
    assertTrue(persian.contains("text-anchor=\"end\">۱</text>"), "its numbers in Persian digits");
    String years = SiteFixture.read(dir.resolve("fa"), "public/archive/index.html");
    assertTrue(years.contains("text-anchor=\"middle\">۲۰۲۴</text>"), "the years' labels too");
  }

  /** The x of the year page's March and December bars, then of its count axis's numbers. */
  private static List<Integer> barsAndAxis(Path site) throws Exception {
    String page = SiteFixture.read(site, "public/archive/2024/index.html");
    String chart = page.substring(page.indexOf("<figure class=\"timeline\">"));
    List<Integer> xs = new ArrayList<>();
    Matcher bars = Pattern.compile("<rect x=\"(\\d+)\"").matcher(chart);
    while (bars.find()) {
      xs.add(Integer.parseInt(bars.group(1)));
    }
    assertEquals(2, xs.size(), chart);
    Matcher axis =
        Pattern.compile("<text x=\"(\\d+)\" y=\"\\d+\" text-anchor=\"end\">").matcher(chart);
    assertTrue(axis.find(), chart);
    xs.add(Integer.parseInt(axis.group(1)));
    return xs;
  }

  @Test
  void anArabicSiteRunsRightToLeft(@TempDir Path dir) throws Exception {
    Path site = build(dir, site("ar", ""));
    String page = SiteFixture.read(site, "public/articles/one/index.html");
    assertTrue(page.contains("<html lang=\"ar\" dir=\"rtl\">"), page);
    assertTrue(page.contains("١ ديسمبر ٢٠٢٤"), page);
    assertTrue(page.contains("دقيقة واحدة للقراءة"), page);
  }

  @Test
  void anArticleInAnotherLanguageCarriesItsLanguageDirectionStringsAndDates(@TempDir Path dir)
      throws Exception {
    Path site =
        build(
            dir,
            site(
                "en",
                """
                -- content/fa.md --
                ---
                title: گزارش
                date: 2024-12-03T10:00:00Z
                lang: fa-IR
                ---
                متن.
                """));
    String page = SiteFixture.read(site, "public/articles/fa/index.html");
    assertTrue(page.contains("<html lang=\"en\" dir=\"ltr\">"), page);
    assertTrue(page.contains("data-article-id=\"fa\" lang=\"fa-IR\" dir=\"rtl\">"), page);
    assertTrue(page.contains("۳ دسامبر ۲۰۲۴"), page);
    assertTrue(page.contains("۱ دقیقه مطالعه"), page);
    assertTrue(page.contains(">Newer<") || page.contains(">Older<"), "the site's strings around");
    String home = SiteFixture.read(site, "public/index.html");
    assertTrue(
        home.matches("(?s).*lang=\"fa-IR\" dir=\"rtl\"><a href=\"[^\"]+\">گزارش</a>.*"), home);
    assertTrue(home.contains(">3 December 2024</time>"), "listed in the site's language");
    String atom = SiteFixture.read(site, "public/feed.xml");
    assertTrue(atom.contains("<entry xml:lang=\"fa-IR\">"), atom);
    assertTrue(atom.contains("<entry>"), "the site's language is the feed's");
    assertTrue(SiteFixture.read(site, "public/feed.json").contains("\"language\" : \"fa-IR\""));
    String english = SiteFixture.read(site, "public/articles/one/index.html");
    assertTrue(english.contains("data-article-id=\"one\">"), "no lang where it is the site's");
  }

  @Test
  void aSitesOwnMessagesOverrideTheThemesAndAddLanguages(@TempDir Path dir) throws Exception {
    Path site =
        build(
            dir,
            site(
                "it",
                """
                -- templates/messages/messages_it.properties --
                home.latest=Ultime notizie
                front.top=In primo piano
                """));
    String home = SiteFixture.read(site, "public/index.html");
    assertTrue(home.contains("aria-label=\"In primo piano\""), home);
    assertTrue(home.contains(">1 dicembre 2024</time>"), home);
    assertTrue(home.contains("placeholder=\"Search…\""), "English where the site has none");
  }
}
