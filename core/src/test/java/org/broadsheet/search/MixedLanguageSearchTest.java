package org.broadsheet.search;

import static org.broadsheet.search.SearchRequestBuilder.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.broadsheet.content.Article;
import org.broadsheet.content.ArticleBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An English site that also publishes Persian stories, as Mehr and Tehran Times do: each article is
 * indexed with its own language's analysis, a query is analysed in both, and the results merge into
 * one ranking in which every article scores exactly as in an index of its language alone.
 */
class MixedLanguageSearchTest {
  static final List<Article> ENGLISH =
      List.of(
          article(
              "en",
              "oil-en",
              "Oil prices rise after OPEC decision",
              "Crude oil prices climbed on world markets on Monday after OPEC agreed to cut output, traders in Tehran said.",
              "2024-03-04T10:00:00Z",
              "Economy",
              List.of("Oil")),
          article(
              "en",
              "exports-en",
              "Iran's oil exports to Asia grow",
              "Iranian crude exports to Asian buyers grew last month while oil prices held steady in Asian markets.",
              "2024-02-01T09:00:00Z",
              "Economy",
              List.of("Oil", "Trade")),
          article(
              "en",
              "talks-en",
              "Nuclear talks resume in Vienna",
              "Iranian and European negotiators resumed talks on the nuclear agreement in Vienna on Tuesday.",
              "2023-11-21T08:00:00Z",
              "Politics",
              List.of("Diplomacy")),
          article(
              "en",
              "book-en",
              "Tehran book fair opens",
              "The 35th Tehran International Book Fair opened with domestic and foreign publishers.",
              "2023-05-10T07:00:00Z",
              "Culture",
              List.of("Books")));
  static final List<Article> PERSIAN =
      List.of(
          article(
              "fa",
              "oil-fa",
              "افزایش قیمت نفت پس از تصمیم اوپک",
              "قیمت نفت خام روز دوشنبه پس از توافق اوپک برای کاهش تولید در بازارهای جهانی افزایش یافت. "
                  + "معامله‌گران در تهران گفتند که تقاضا همچنان بالاست.",
              "2024-03-04T11:00:00Z",
              "Economy",
              List.of("نفت")),
          article(
              "fa",
              "exports-fa",
              "صادرات نفت ایران به آسیا",
              "صادرات نفت خام ایران به کشورهای آسیایی در ماه گذشته افزایش یافت و قیمت نفت در بازار آسیا ثابت ماند.",
              "2024-02-01T10:00:00Z",
              "Economy",
              List.of("نفت", "Trade")),
          article(
              "fa",
              "talks-fa",
              "مذاکرات هسته‌ای در وین از سر گرفته شد",
              "مذاکره‌کنندگان ایرانی و اروپایی روز سه‌شنبه گفتگوها درباره توافق هسته‌ای را در وین از سر گرفتند.",
              "2023-11-21T09:00:00Z",
              "Politics",
              List.of("Diplomacy")),
          article(
              "fa",
              "book-fa",
              "نمایشگاه کتاب تهران گشایش یافت",
              "سی و پنجمین نمایشگاه بین‌المللی کتاب تهران با حضور ناشران داخلی و خارجی کار خود را آغاز کرد.",
              "2023-05-10T08:00:00Z",
              "Culture",
              List.of("Books")));

  /** The fields of a one-language index, as format 2 had them. */
  static final Set<String> ONE_LANGUAGE_FIELDS =
      Set.of(
          "id",
          "text",
          "title",
          "byline",
          "body",
          "lead",
          "url",
          "date",
          "date_sort",
          "day",
          "tags",
          "section",
          "authors",
          "source",
          "year");

  static ByteBuffersDirectory mixed;
  static DirectoryReader reader;
  static ArchiveSearch search;

  static Article article(
      String lang,
      String id,
      String title,
      String body,
      String date,
      String section,
      List<String> tags) {
    return ArticleBuilder.article(id)
        .title(title)
        .summary(body.substring(0, Math.min(60, body.length())))
        .date(date)
        .authors("Desk")
        .section(section)
        .tags(tags)
        .source("Mehr News Agency")
        .lang(lang)
        .text(body)
        .build();
  }

  static ByteBuffersDirectory index(String language, List<Article> articles) throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (SearchIndexWriter w = SearchIndexWriter.open(dir, language, ZoneId.of("UTC"), true)) {
      for (Article a : articles) {
        w.put(a, "articles/" + a.slug() + "/");
      }
      w.optimizeAndCommit();
    }
    return dir;
  }

  static List<Article> both() {
    List<Article> all = new ArrayList<>(ENGLISH);
    all.addAll(PERSIAN);
    return all;
  }

  @BeforeAll
  static void open() throws IOException {
    mixed = index("en", both());
    reader = DirectoryReader.open(mixed);
    search = new ArchiveSearch(reader, IndexInfo.read(reader));
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    mixed.close();
  }

  static List<String> ids(SearchResults r) {
    return r.hits().stream().map(SearchHit::id).toList();
  }

  static SearchResults find(String query) throws IOException {
    return search.search(SearchRequest.of(query));
  }

  @Test
  void aPersianQueryFindsThePersianStoriesOnly() throws IOException {
    assertEquals(Set.of("oil-fa", "exports-fa"), Set.copyOf(ids(find("نفت"))));
    assertEquals(List.of("talks-fa"), ids(find("مذاکرات")));
  }

  @Test
  void persianNormalisationMatchesArabicYehAndKaf() throws IOException {
    assertEquals(List.of("book-fa"), ids(find("\u0643\u062a\u0627\u0628")), "Arabic kaf in كتاب");
    assertTrue(
        ids(find("\u064a\u0627\u0641\u062a"))
            .containsAll(List.of("oil-fa", "exports-fa", "book-fa")),
        "Arabic yeh in يافت");
  }

  @Test
  void anEnglishQueryFindsTheEnglishStoriesStemmed() throws IOException {
    assertEquals(Set.of("oil-en", "exports-en"), Set.copyOf(ids(find("price"))));
    assertEquals(List.of("talks-en"), ids(find("negotiator")));
  }

  @Test
  void aQueryInBothLanguagesRanksTheStoriesOfBoth() throws IOException {
    List<String> ids = ids(find("oil نفت"));
    assertEquals(
        Set.of("oil-en", "exports-en", "oil-fa", "exports-fa"), Set.copyOf(ids), ids.toString());
    List<String> book = ids(find("book fair نمایشگاه کتاب"));
    assertEquals(Set.of("book-en", "book-fa"), Set.copyOf(book.subList(0, 2)), book.toString());
  }

  /**
   * BM25 statistics are per field, and each language has its own: so are the scores, on an English
   * site with Persian stories and on a Persian site with English ones (whose long queries leave out
   * English common words all the same).
   */
  @Test
  void everyArticleScoresAsInAnIndexOfItsLanguageAlone() throws IOException {
    try (ByteBuffersDirectory en = index("en", ENGLISH);
        DirectoryReader enReader = DirectoryReader.open(en);
        ByteBuffersDirectory fa = index("fa", PERSIAN);
        DirectoryReader faReader = DirectoryReader.open(fa);
        ByteBuffersDirectory persianSite = index("fa", both());
        DirectoryReader persianSiteReader = DirectoryReader.open(persianSite)) {
      ArchiveSearch english = new ArchiveSearch(enReader, IndexInfo.read(enReader));
      ArchiveSearch persian = new ArchiveSearch(faReader, IndexInfo.read(faReader));
      ArchiveSearch persianFirst =
          new ArchiveSearch(persianSiteReader, IndexInfo.read(persianSiteReader));
      assertEquals(
          List.of("en"),
          IndexInfo.read(persianSiteReader).others().stream().map(IndexLanguage::code).toList());
      for (String q :
          List.of(
              "oil prices",
              "\"oil prices\"",
              "Iranian talks in Vienna about the nuclear agreement",
              "nucl*",
              "قیمت نفت",
              "\"قیمت نفت\"",
              "مذاکرات هسته‌ای در وین",
              "صادر*",
              "oil قیمت نفت exports")) {
        List<SearchHit> merged = new ArrayList<>(find(q).hits());
        List<SearchHit> alone = new ArrayList<>(english.search(SearchRequest.of(q)).hits());
        alone.addAll(persian.search(SearchRequest.of(q)).hits());
        alone.sort((a, b) -> Float.compare(b.score(), a.score()));
        assertEquals(scores(alone), scores(merged), q);
        assertEquals(
            scores(alone),
            scores(persianFirst.search(SearchRequest.of(q)).hits()),
            "Persian site: " + q);
      }
    }
  }

  static List<String> scores(List<SearchHit> hits) {
    return hits.stream().map(h -> h.id() + "=" + Float.floatToIntBits(h.score())).sorted().toList();
  }

  @Test
  void prefixesAreNormalisedInEachLanguage() throws IOException {
    assertEquals(Set.of("oil-en", "exports-en"), Set.copyOf(ids(find("PRIC*"))));
    assertEquals(List.of("book-fa"), ids(find("\u0643\u062a\u0627*")), "Arabic kaf in a prefix");
    assertEquals(List.of("exports-fa"), ids(find("صادر*")));
  }

  @Test
  void phrasesAndExclusionsWorkInEachLanguage() throws IOException {
    assertEquals(List.of("oil-fa"), ids(find("\"تصمیم اوپک\"")));
    assertEquals(List.of("oil-en"), ids(find("\"OPEC decision\"")));
    assertEquals(List.of("exports-fa"), ids(find("نفت -دوشنبه")));
    assertEquals(List.of("exports-en"), ids(find("oil -Monday")));
  }

  @Test
  void snippetsAndTitlesComeFromEachArticlesOwnLanguage() throws IOException {
    SearchHit fa = find("گشایش").hits().get(0);
    assertEquals("نمایشگاه کتاب تهران گشایش یافت", fa.title());
    assertTrue(
        find("کتاب").hits().get(0).snippet().contains("<mark>کتاب</mark>"),
        find("کتاب").hits().toString());
    SearchHit en = find("publisher").hits().get(0);
    assertEquals("Tehran book fair opens", en.title());
    assertTrue(en.snippet().contains("<mark>publishers</mark>"), en.snippet());
  }

  @Test
  void filtersAndFacetsCountEveryLanguage() throws IOException {
    SearchRequest economy = request("oil نفت").section("economy").facets().build();
    SearchResults r = search.search(economy);
    assertEquals(4, r.total());
    assertTrue(r.facets().contains(new FacetCount("tags", "نفت", 2)), r.facets().toString());
    assertTrue(r.facets().contains(new FacetCount("tags", "oil", 2)), r.facets().toString());
    assertTrue(r.facets().contains(new FacetCount("tags", "trade", 2)), r.facets().toString());
    SearchResults trade = search.search(request("").tag("Trade").sort(SortOrder.DATE).build());
    assertEquals(List.of("exports-fa", "exports-en"), ids(trade), "newest first, across languages");
    SearchResults y2023 =
        search.search(request("").from("2023-01-01").to("2023-12-31").sort(SortOrder.DATE).build());
    assertEquals(List.of("talks-fa", "talks-en", "book-fa", "book-en"), ids(y2023));
  }

  @Test
  void relatedArticlesAreFoundInTheArticlesOwnLanguage() throws IOException {
    RelatedArticles related = new RelatedArticles(reader, IndexInfo.read(reader));
    Article oil = PERSIAN.get(0);
    List<String> ids = related.ids(oil.id(), oil.lang(), oil.title(), oil.body().text(), 3);
    assertEquals("exports-fa", ids.get(0), ids.toString());
    assertTrue(ids.stream().allMatch(id -> id.endsWith("-fa")), ids.toString());
    Article oilEn = ENGLISH.get(0);
    List<String> en = related.ids(oilEn.id(), oilEn.lang(), oilEn.title(), oilEn.body().text(), 3);
    assertEquals("exports-en", en.get(0), en.toString());
  }

  @Test
  void theIndexRecordsItsOtherLanguagesAndKeepsOtherArticlesInSuffixedFields() throws IOException {
    IndexInfo info = IndexInfo.read(reader);
    assertEquals("en", info.language());
    assertEquals(List.of("fa"), info.others().stream().map(IndexLanguage::code).toList());
    assertEquals(SearchSchema.stopwords("fa"), info.others().get(0).stopwords());
    Set<String> fields = fieldNames(reader);
    assertTrue(
        fields.containsAll(List.of("text.fa", "title.fa", "byline.fa", "lang")), fields.toString());
    assertTrue(fields.containsAll(ONE_LANGUAGE_FIELDS), fields.toString());
  }

  @Test
  void aOneLanguageSitePaysNothing() throws IOException {
    try (ByteBuffersDirectory en = index("en", ENGLISH);
        DirectoryReader enReader = DirectoryReader.open(en)) {
      assertEquals(ONE_LANGUAGE_FIELDS, fieldNames(enReader), "no suffixed fields, no lang");
      assertEquals(
          Set.of(
              "broadsheet.format",
              "broadsheet.language",
              "broadsheet.stopwords",
              "broadsheet.longQueryStopwords"),
          enReader.getIndexCommit().getUserData().keySet());
      assertEquals(List.of(), IndexInfo.read(enReader).others());
    }
    // a language code naming the site's analysis (a region, another case) is the site's language
    List<Article> regional =
        ENGLISH.stream()
            .map(
                a ->
                    article(
                        "EN-gb",
                        a.id(),
                        a.title(),
                        a.body().text(),
                        a.date().orElseThrow().toString(),
                        a.section(),
                        a.tags()))
            .toList();
    try (ByteBuffersDirectory en = index("en", regional);
        DirectoryReader enReader = DirectoryReader.open(en)) {
      assertEquals(ONE_LANGUAGE_FIELDS, fieldNames(enReader));
    }
  }

  @Test
  void languagesWithoutAnAnalyzerShareTheStandardOneAndManyLanguagesStayWithinLucenesClauseLimit()
      throws IOException {
    List<Article> many = new ArrayList<>(both());
    String[] langs = {"de", "fr", "es", "ar", "pt", "it-IT"};
    for (String lang : langs) {
      many.add(
          article(
              lang,
              "x-" + lang,
              "Nachricht " + lang,
              "Ein Bericht aus Wien " + lang,
              "2022-01-01T00:00:00Z",
              "World",
              List.of()));
    }
    try (ByteBuffersDirectory dir = index("en", many);
        DirectoryReader r = DirectoryReader.open(dir)) {
      IndexInfo info = IndexInfo.read(r);
      assertEquals(
          List.of("ar", "de", "es", "fa", "fr", "std"),
          info.others().stream().map(IndexLanguage::code).toList());
      StringBuilder q = new StringBuilder("Wien nuclear talks");
      for (int i = 0; i < 600; i++) {
        q.append(" word").append(i);
      }
      SearchResults results = new ArchiveSearch(r, info).search(SearchRequest.of(q.toString()));
      assertTrue(
          ids(results).contains("x-pt")
              && ids(results).contains("x-it-IT")
              && ids(results).contains("x-de"),
          ids(results).toString());
    }
  }

  static Set<String> fieldNames(DirectoryReader reader) {
    Set<String> names = new TreeSet<>();
    for (FieldInfo f : FieldInfos.getMergedFieldInfos(reader)) {
      names.add(f.name);
    }
    return names;
  }
}
