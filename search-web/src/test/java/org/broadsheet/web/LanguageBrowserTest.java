package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.broadsheet.content.Article;
import org.broadsheet.search.SearchHit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * German, French, Arabic and Persian sites searched in headless Chromium over http: the browser and
 * the JVM both build the analyzer the index records (IndexInfo: language and stop words, as the
 * browser cannot read Lucene's resource files), and must answer stemmed, normalised and stop-word
 * queries alike (and longer queries, where most words must match): same ids, order, float bits of
 * the scores and snippets, through WasmGC and the JavaScript fallback.
 */
class LanguageBrowserTest {
  @TempDir Path tmp;

  /**
   * A small site in one language, the queries compared, what the JVM must find for some of them (so
   * stemming and normalisation are really exercised, not just equally absent), and a query of stop
   * words only (which finds every article, like an empty one).
   */
  record Site(
      String language,
      List<Article> articles,
      List<Parity.Query> queries,
      Map<String, String> jvmFinds,
      String onlyStopWords) {
    @Override
    public String toString() {
      return language;
    }

    List<Parity.Query> allQueries() {
      List<Parity.Query> all = new ArrayList<>(queries);
      jvmFinds.keySet().stream().sorted().map(Parity.Query::of).forEach(all::add);
      all.add(Parity.Query.of(onlyStopWords));
      return all;
    }
  }

  static Stream<Site> sites() {
    return Stream.of(german(), french(), arabic(), persian());
  }

  static Site german() {
    String de = "de";
    List<Article> articles =
        List.of(
            BrowserSite.article(
                de,
                "bahn",
                "Bundestag beschließt Gesetz zur Bahnreform",
                "Der Bundestag hat am Donnerstag das Gesetz zur Reform der Bahn beschlossen. Die Opposition stimmte dagegen.",
                "2024-03-01T10:00:00Z",
                "Inland",
                List.of("Politik", "Verkehr")),
            BrowserSite.article(
                de,
                "gesetze",
                "Regierung legt neue Gesetze vor",
                "Die Regierung hat die neuen Gesetze nicht beschlossen, und der Minister kündigte Änderungen für das nächste Jahr an.",
                "2023-06-12T08:00:00Z",
                "Inland",
                List.of("Politik")),
            BrowserSite.article(
                de,
                "haushalt",
                "Streit um den Haushalt",
                "Die Minister verhandeln über die Änderungen des Haushalts; die Länder fordern mehr Geld für Schulen.",
                "2022-11-20T12:00:00Z",
                "Inland",
                List.of("Finanzen", "Ökonomie")),
            BrowserSite.article(
                de,
                "koeln",
                "Sperrung der Hauptstraße in Köln",
                "Wegen Bauarbeiten bleibt die Hauptstraße in Köln bis Mai gesperrt. Busse fahren eine Umleitung.",
                "2021-01-05T09:00:00Z",
                "Regional",
                List.of("Verkehr")),
            BrowserSite.article(
                de,
                "wirtschaft",
                "Wirtschaft wächst langsamer",
                "Die deutsche Wirtschaft ist im dritten Quartal nur leicht gewachsen, meldet das Statistische Bundesamt.",
                "2024-08-15T16:30:00Z",
                "Wirtschaft",
                List.of("Ökonomie")));
    List<Parity.Query> queries =
        List.of(
            Parity.Query.of("Gesetz"),
            Parity.Query.of("die Gesetze der Regierung"),
            Parity.Query.of("\"Gesetz zur Reform\""),
            Parity.Query.of("Bahn -Gesetze"),
            Parity.Query.of("Bundes*"),
            Parity.Query.of("Köln Umleitungen"),
            Parity.Query.of("über"),
            Parity.Query.of("-die"),
            // four words, so three must match (minimumNumberShouldMatch): alone, and under a filter
            Parity.Query.of("die Regierung, der Minister und die Änderungen der Gesetze"),
            new Parity.Query(
                "die Regierung, der Minister und die Änderungen der Gesetze",
                null,
                "Inland",
                null,
                null,
                "relevance"),
            new Parity.Query("", "ÖKONOMIE", null, null, null, "date"),
            new Parity.Query("die Minister", null, "inland", null, null, "relevance"));
    Map<String, String> finds =
        Map.of(
            "Gesetze", "bahn", // plural finds the singular: German light stemmer
            "Hauptstrasse", "koeln", // ß = ss: German normalisation
            "Haushalt", "haushalt", // genitive Haushalts
            "Änderung", "haushalt", // Änderungen, umlaut folded
            "\"Gesetze nicht beschlossen\"", "gesetze"); // a phrase across a dropped stop word
    return new Site(de, articles, queries, finds, "die und der");
  }

  static Site french() {
    String fr = "fr";
    List<Article> articles =
        List.of(
            BrowserSite.article(
                fr,
                "energie",
                "L'Assemblée nationale adopte la loi sur l'énergie",
                "Les députés ont adopté la nouvelle loi sur l'énergie nucléaire après un long débat à Paris.",
                "2024-03-01T10:00:00Z",
                "France",
                List.of("Politique", "Énergie")),
            BrowserSite.article(
                fr,
                "budget",
                "Le gouvernement présente son budget",
                "Le ministre de l'Économie a présenté les budgets des ministères ; les syndicats critiquent les économies prévues.",
                "2023-06-12T08:00:00Z",
                "Économie",
                List.of("Budget")),
            BrowserSite.article(
                fr,
                "greve",
                "Grève dans les transports",
                "Les cheminots sont en grève contre la réforme des retraites ; les trains ne circulent plus à Lyon.",
                "2022-11-20T12:00:00Z",
                "France",
                List.of("Social")),
            BrowserSite.article(
                fr,
                "climat",
                "Les lois européennes sur le climat",
                "Bruxelles veut des lois plus strictes pour réduire les émissions des voitures.",
                "2021-01-05T09:00:00Z",
                "Europe",
                List.of("Énergie")),
            BrowserSite.article(
                fr,
                "elections",
                "Élections municipales à Marseille",
                "Les électeurs ont voté dimanche ; le maire sortant a été réélu au premier tour.",
                "2024-08-15T16:30:00Z",
                "France",
                List.of("Politique")));
    List<Parity.Query> queries =
        List.of(
            Parity.Query.of("loi"),
            Parity.Query.of("les lois sur le climat"),
            Parity.Query.of("\"nouvelle loi\""),
            Parity.Query.of("budget -syndicats"),
            Parity.Query.of("Marseil*"),
            Parity.Query.of("réforme des retraites"),
            Parity.Query.of("à"),
            Parity.Query.of("-les"),
            Parity.Query.of("le gouvernement, le ministre et le budget des économies"),
            new Parity.Query(
                "le gouvernement, le ministre et le budget des économies",
                null,
                "Économie",
                null,
                null,
                "relevance"),
            new Parity.Query("", "ÉNERGIE", null, null, null, "date"),
            new Parity.Query("le ministre", null, "économie", null, null, "relevance"));
    Map<String, String> finds =
        Map.of(
            "lois", "energie", // plural finds the singular: French light stemmer
            "energie", "energie", // no accent finds l'énergie: elision and accent folding
            "gouvernements", "budget",
            "\"loi sur l'énergie\"", "energie"); // a phrase across a dropped stop word
    return new Site(fr, articles, queries, finds, "le la les de");
  }

  static Site arabic() {
    String ar = "ar";
    List<Article> articles =
        List.of(
            BrowserSite.article(
                ar,
                "budget",
                "الحكومة توافق على الميزانية الجديدة",
                "وافقت الحكومة على الميزانية الجديدة بعد نقاش طويل في البرلمان.",
                "2024-03-01T10:00:00Z",
                "سياسة",
                List.of("اقتصاد")),
            BrowserSite.article(
                ar,
                "talks",
                "مفاوضات السلام في القاهرة",
                "استؤنفت المفاوضات في القاهرة مع وفود من الدول العربية.",
                "2023-06-12T08:00:00Z",
                "سياسة",
                List.of("دبلوماسية")),
            BrowserSite.article(
                ar,
                "oil",
                "ارتفاع أسعار النفط",
                "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار أوبك.",
                "2022-11-20T12:00:00Z",
                "اقتصاد",
                List.of("اقتصاد", "نفط")));
    List<Parity.Query> queries =
        List.of(
            Parity.Query.of("النفط"),
            Parity.Query.of("\"أسعار النفط\""),
            Parity.Query.of("مفاوضات -القاهرة"),
            Parity.Query.of("الميزانية في البرلمان"),
            new Parity.Query("", "اقتصاد", null, null, null, "date"));
    Map<String, String> finds =
        Map.of(
            "حكومة", "budget", // the article is stripped: Arabic light stemmer
            "مفاوضات", "talks");
    return new Site(ar, articles, queries, finds, "في على من");
  }

  static Site persian() {
    String fa = "fa";
    List<Article> articles =
        List.of(
            BrowserSite.article(
                fa,
                "budget",
                "دولت بودجه جدید را تصویب کرد",
                "دولت پس از بحث طولانی در مجلس بودجه جدید را تصویب کرد.",
                "2024-03-01T10:00:00Z",
                "سیاست",
                List.of("اقتصاد")),
            BrowserSite.article(
                fa,
                "talks",
                "مذاکرات صلح در ژنو",
                "مذاکرات با کشورهای دیگر در ژنو ادامه خواهد داشت.",
                "2023-06-12T08:00:00Z",
                "سیاست",
                List.of("دیپلماسی")),
            BrowserSite.article(
                fa,
                "oil",
                "افزایش قیمت نفت",
                "قیمت نفت در بازارهای جهانی افزایش یافت و کتاب‌فروشان نگران هستند.",
                "2022-11-20T12:00:00Z",
                "اقتصاد",
                List.of("اقتصاد", "نفت")));
    List<Parity.Query> queries =
        List.of(
            Parity.Query.of("نفت"),
            Parity.Query.of("\"قیمت نفت\""),
            Parity.Query.of("مذاکرات -ژنو"),
            Parity.Query.of("کتاب‌فروشان"),
            new Parity.Query("", "اقتصاد", null, null, null, "date"));
    Map<String, String> finds =
        Map.of(
            "يافت", "oil", // Arabic yeh finds the Persian one: Persian normalisation
            "بودجه", "budget");
    return new Site(fa, articles, queries, finds, "در و با");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sites")
  void browserAnswersExactlyAsTheJvm(Site s) throws Exception {
    try (BrowserFixture fixture = BrowserFixture.open(tmp, s.articles(), 4096, s.language())) {
      for (Map.Entry<String, String> e : s.jvmFinds().entrySet()) {
        List<String> ids =
            Parity.jvm(fixture.jvm, Parity.Query.of(e.getKey())).hits().stream()
                .map(SearchHit::id)
                .toList();
        assertTrue(
            ids.contains(e.getValue()), s + ": " + e.getKey() + " finds " + ids + " on the JVM");
      }
      assertEquals(
          s.articles().size(),
          Parity.jvm(fixture.jvm, Parity.Query.of(s.onlyStopWords())).total(),
          s + ": stop words only find everything on the JVM");

      assertEquals(
          List.of(),
          fixture.differences(fixture.server.url("search/index.html"), s.allQueries(), true));
      assertEquals("wasm-gc", fixture.driver.executeScript("return window.broadsheet.runtime"));
      assertEquals(
          List.of(),
          fixture.differences(
              fixture.server.url("search/index.html?runtime=js"), s.allQueries(), true));
      assertEquals("js", fixture.driver.executeScript("return window.broadsheet.runtime"));
    }
  }
}
