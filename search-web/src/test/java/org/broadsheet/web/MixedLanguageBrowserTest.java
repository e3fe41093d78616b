package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.content.Article;
import org.broadsheet.search.SearchHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An English site with Persian stories (as Mehr and Tehran Times publish) searched in headless
 * Chromium over http: each article is indexed in its own language's fields, and the browser must
 * analyse every query in both languages as the JVM does, so it loads the full runtime (search.wasm,
 * which has the Persian analyzer) although the site's language is English. Same ids, order, float
 * bits of the scores and snippets, through WasmGC and the JavaScript fallback.
 */
class MixedLanguageBrowserTest {
  @TempDir Path tmp;

  static List<Article> articles() {
    return List.of(
        BrowserSite.article(
            "en",
            "oil-en",
            "Oil prices rise after OPEC decision",
            "Crude oil prices climbed on world markets on Monday after OPEC agreed to cut output, traders in Tehran said.",
            "2024-03-04T10:00:00Z",
            "Economy",
            List.of("Oil")),
        BrowserSite.article(
            "en",
            "exports-en",
            "Iran's oil exports to Asia grow",
            "Iranian crude exports to Asian buyers grew last month while oil prices held steady in Asian markets.",
            "2024-02-01T09:00:00Z",
            "Economy",
            List.of("Oil", "Trade")),
        BrowserSite.article(
            "en",
            "talks-en",
            "Nuclear talks resume in Vienna",
            "Iranian and European negotiators resumed talks on the nuclear agreement in Vienna on Tuesday.",
            "2023-11-21T08:00:00Z",
            "Politics",
            List.of("Diplomacy")),
        BrowserSite.article(
            "en",
            "book-en",
            "Tehran book fair opens",
            "The 35th Tehran International Book Fair opened with domestic and foreign publishers.",
            "2023-05-10T07:00:00Z",
            "Culture",
            List.of("Books")),
        BrowserSite.article(
            "fa",
            "oil-fa",
            "افزایش قیمت نفت پس از تصمیم اوپک",
            "قیمت نفت خام روز دوشنبه پس از توافق اوپک برای کاهش تولید در بازارهای جهانی افزایش یافت. معامله‌گران در تهران گفتند که تقاضا همچنان بالاست.",
            "2024-03-04T11:00:00Z",
            "Economy",
            List.of("نفت")),
        BrowserSite.article(
            "fa",
            "exports-fa",
            "صادرات نفت ایران به آسیا",
            "صادرات نفت خام ایران به کشورهای آسیایی در ماه گذشته افزایش یافت و قیمت نفت در بازار آسیا ثابت ماند.",
            "2024-02-01T10:00:00Z",
            "Economy",
            List.of("نفت", "Trade")),
        BrowserSite.article(
            "fa",
            "talks-fa",
            "مذاکرات هسته‌ای در وین از سر گرفته شد",
            "مذاکره‌کنندگان ایرانی و اروپایی روز سه‌شنبه گفتگوها درباره توافق هسته‌ای را در وین از سر گرفتند.",
            "2023-11-21T09:00:00Z",
            "Politics",
            List.of("Diplomacy")),
        BrowserSite.article(
            "fa",
            "book-fa",
            "نمایشگاه کتاب تهران گشایش یافت",
            "سی و پنجمین نمایشگاه بین‌المللی کتاب تهران با حضور ناشران داخلی و خارجی کار خود را آغاز کرد.",
            "2023-05-10T08:00:00Z",
            "Culture",
            List.of("Books")));
  }

  static List<Parity.Query> queries() {
    List<Parity.Query> queries = new ArrayList<>();
    for (String q :
        List.of(
            "oil",
            "prices",
            "نفت",
            "oil نفت",
            "\"oil prices\"",
            "\"قیمت نفت\"",
            "pric*",
            "صادر*",
            "\u0643\u062a\u0627\u0628",
            "\u064a\u0627\u0641\u062a",
            "\u0643\u062a\u0627*",
            "نفت -دوشنبه",
            "oil -Monday",
            "book fair نمایشگاه کتاب",
            "what did the Iranian negotiators say about the nuclear talks in Vienna",
            "مذاکرات هسته‌ای ایران و اروپا در وین",
            "\"no such phrase\" oil نفت")) {
      queries.add(Parity.Query.of(q));
    }
    queries.add(new Parity.Query("", "نفت", null, null, null, "date"));
    queries.add(new Parity.Query("oil نفت", null, "economy", null, null, "relevance"));
    queries.add(
        new Parity.Query("تهران Tehran", null, null, "2023-01-01", "2023-12-31", "relevance"));
    return queries;
  }

  @Test
  void browserLoadsEveryLanguagesAnalyzerAndAnswersExactlyAsTheJvm() throws Exception {
    try (BrowserFixture fixture = BrowserFixture.open(tmp, articles(), 4096, "en")) {
      List<String> both =
          Parity.jvm(fixture.jvm, Parity.Query.of("oil نفت")).hits().stream()
              .map(SearchHit::id)
              .toList();
      assertTrue(
          both.containsAll(List.of("oil-en", "oil-fa")), "the JVM finds both languages: " + both);
      List<String> kaf =
          Parity.jvm(fixture.jvm, Parity.Query.of("\u0643\u062a\u0627\u0628")).hits().stream()
              .map(SearchHit::id)
              .toList();
      assertEquals(List.of("book-fa"), kaf, "Persian normalisation on the JVM");

      assertEquals(
          List.of(), fixture.differences(fixture.server.url("search/index.html"), queries(), true));
      assertEquals("wasm-gc", fixture.driver.executeScript("return window.broadsheet.runtime"));
      assertEquals(List.of("search.wasm"), wasmServed(fixture));
      assertArrayEquals(
          runtime("search.wasm"),
          siteModule(fixture),
          "the full runtime: the English one has no Persian analyzer");
      assertEquals(
          List.of(),
          fixture.differences(fixture.server.url("search/index.html?runtime=js"), queries(), true));
      assertEquals("js", fixture.driver.executeScript("return window.broadsheet.runtime"));
    }
  }

  @Test
  void anEnglishOnlySiteKeepsTheSmallerEnglishRuntime() throws Exception {
    try (BrowserFixture fixture = BrowserFixture.open(tmp, articles().subList(0, 4), 4096, "en")) {
      assertEquals(
          List.of(),
          fixture.differences(
              fixture.server.url("search/index.html"),
              List.of(Parity.Query.of("oil prices")),
              true));
      assertEquals(List.of("search.wasm"), wasmServed(fixture));
      assertArrayEquals(runtime("search-en.wasm"), siteModule(fixture));
    }
  }

  /** The one wasm module the site got (its search.wasm, whichever build that is). */
  private static byte[] siteModule(BrowserFixture fixture) throws IOException {
    return Files.readAllBytes(fixture.site.resolve("search/runtime/search.wasm"));
  }

  /** A module of the compiled runtime, as the jar ships it. */
  private static byte[] runtime(String name) throws IOException {
    try (InputStream in =
        MixedLanguageBrowserTest.class
            .getClassLoader()
            .getResourceAsStream("broadsheet-search/" + name)) {
      assertNotNull(in, name);
      return in.readAllBytes();
    }
  }

  /** The runtime modules the server served (to the page or its search worker). */
  private static List<String> wasmServed(BrowserFixture fixture) {
    Pattern wasm = Pattern.compile("/search/runtime/([^ ?]+\\.wasm)");
    return fixture.server.log.stream()
        .map(wasm::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .distinct()
        .toList();
  }
}
