package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.content.Article;
import org.broadsheet.search.ArchiveSearch;
import org.broadsheet.search.IndexInfo;
import org.broadsheet.search.SearchJson;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.web.index.PageStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser's paged reading, run on the JVM (no Chromium): whatever pages each round names and
 * whatever stand-ins the speculative reads use, the final answer is the JVM's, byte for byte.
 */
class PagedSessionTest {
  @TempDir Path tmp;

  @Test
  void tinySiteWithTinyPagesAnswersLikeTheJvm() throws Exception {
    // 64-byte pages: almost every read misses at first, so every stand-in path runs
    assertSameAnswers(TinySiteBrowserTest.articles(), 64, TinySiteBrowserTest.QUERIES);
  }

  @Test
  void reutersAnswersLikeTheJvm() throws Exception {
    Path tarball = ReutersCorpus.tarball().orElse(null);
    Assumptions.assumeTrue(
        tarball != null, "no ../shared/corpus: Reuters paged-session test skipped");
    List<Article> articles = ReutersCorpus.load(tarball, Path.of("target"), 3000);
    PagedSession session = assertSameAnswers(articles, 1024, ReutersCorpus.queries(articles, 220));
    System.out.printf(
        "paged session, 3,000 stories, 220 queries: %d rounds, %d pages%n",
        session.rounds, session.pagesLoaded);
  }

  @Test
  void aTermsPostingsComeInTheRoundOfItsDictionaryBlock() throws Exception {
    Path site = tmp.resolve("site");
    BrowserSite.build(site, storiesOfEightWords(), 256);
    PagedSession session = new PagedSession(site);
    for (String word : List.of("opec", "vienna crude")) {
      int before = session.missingLog.size();
      SearchRequest request = Parity.Query.of(word).request();
      try (DirectoryReader reader =
          DirectoryReader.open(FSDirectory.open(site.resolve("search/lucene")))) {
        assertEquals(
            SearchJson.results(
                request, new ArchiveSearch(reader, IndexInfo.read(reader)).search(request)),
            session.search(request));
      }
      List<List<String>> rounds = session.missingLog.subList(before, session.missingLog.size());
      assertTrue(
          rounds.get(0).stream().anyMatch(p -> p.contains(".tim#"))
              && rounds.get(0).stream().anyMatch(p -> p.contains(".doc#")),
          "the dictionary and the postings in the first round: " + rounds);
      assertTrue(
          rounds.stream()
              .skip(1)
              .flatMap(List::stream)
              .noneMatch(p -> p.contains(".tim#") || p.contains(".doc#")),
          "no dictionary or postings after the first round: " + rounds);
    }
  }

  @Test
  void facetsOverRoundsOfPageLoadsEqualTheJvms() throws Exception {
    Path site = tmp.resolve("site");
    List<Article> all = storiesOfEightWords();
    all.addAll(TinySiteBrowserTest.articles());
    BrowserSite.build(site, all, 256);
    PagedSession session = new PagedSession(site);
    try (DirectoryReader reader =
        DirectoryReader.open(FSDirectory.open(site.resolve("search/lucene")))) {
      ArchiveSearch jvm = new ArchiveSearch(reader, IndexInfo.read(reader));
      for (Parity.Query q : TinySiteBrowserTest.QUERIES) {
        SearchRequest base = q.request();
        SearchRequest request =
            new SearchRequest(
                base.query(),
                base.limit(),
                base.offset(),
                base.tag(),
                base.section(),
                base.from(),
                base.to(),
                base.sort(),
                true);
        assertEquals(
            SearchJson.results(request, jvm.search(request)),
            session.search(request),
            q.toString());
      }
    }
    assertTrue(session.rounds > TinySiteBrowserTest.QUERIES.size(), session.rounds + " rounds");
  }

  /** 1,500 stories of eight words, each word in most of them. */
  private static List<Article> storiesOfEightWords() {
    List<Article> all = new java.util.ArrayList<>();
    String[] words = {"oil", "talks", "markets", "opec", "vienna", "bank", "central", "crude"};
    for (int i = 0; i < 1500; i++) {
      StringBuilder body = new StringBuilder();
      for (int w = 0; w < 80; w++) {
        body.append(words[(i * 5 + w * w) % words.length]).append(' ');
      }
      all.add(
          BrowserSite.article(
              "en",
              "g" + i,
              "Story " + i + " " + words[i % words.length],
              body.toString(),
              String.format("2022-%02d-%02dT10:00:00Z", 1 + i % 12, 1 + i % 28),
              i % 2 == 0 ? "Business" : "World",
              List.of(words[i % 3])));
    }
    return all;
  }

  @Test
  void anIndexInTiersAnswersLikeTheJvmAndPrefetchesEachSegmentsOwnFiles() throws Exception {
    List<Article> all = storiesOfEightWords();
    all.addAll(TinySiteBrowserTest.articles());
    Path single = tmp.resolve("single");
    BrowserSite.build(single, all, 256);
    PagedSession one = assertSameAnswers(single, TinySiteBrowserTest.QUERIES);
    Path tiers = tmp.resolve("tiers");
    BrowserSite.build(tiers, all.subList(0, all.size() - 1), 256);
    BrowserSite.append(tiers, all.subList(all.size() - 1, all.size()));
    try (DirectoryReader reader =
        DirectoryReader.open(FSDirectory.open(tiers.resolve("search/lucene")))) {
      assertEquals(2, reader.leaves().size(), "an old segment and a new one");
    }
    PagedSession two = assertSameAnswers(tiers, TinySiteBrowserTest.QUERIES);
    System.out.printf(
        "one segment: %d rounds, %d requests; two: %d rounds, %d requests%n",
        one.rounds, one.requests, two.rounds, two.requests);
    // without each segment's own files for the expected ranges, postings and stored fields came
    // a page per round
    assertTrue(two.rounds <= one.rounds + TinySiteBrowserTest.QUERIES.size() / 2, two.rounds + "");
  }

  private PagedSession assertSameAnswers(
      List<Article> articles, int pageSize, List<Parity.Query> queries) throws Exception {
    Path site = tmp.resolve("site");
    BrowserSite.build(site, articles, pageSize);
    return assertSameAnswers(site, queries);
  }

  private PagedSession assertSameAnswers(Path site, List<Parity.Query> queries) throws Exception {
    PagedSession session = new PagedSession(site);
    try (DirectoryReader reader =
        DirectoryReader.open(FSDirectory.open(site.resolve("search/lucene")))) {
      ArchiveSearch jvm = new ArchiveSearch(reader, IndexInfo.read(reader));
      for (Parity.Query q : queries) {
        assertEquals(
            SearchJson.results(q.request(), jvm.search(q.request())),
            session.search(q.request()),
            q.toString());
      }
    }
    assertTrue(session.rounds > 0, "the pages were loaded on demand");
    return session;
  }

  @Test
  void textParametersAreReadByTheOneParserAndABadOneAnswersItsMessage() throws Exception {
    Path site = tmp.resolve("site");
    BrowserSite.build(site, TinySiteBrowserTest.articles(), 4096);
    PagedSession session = new PagedSession(site);
    assertEquals(
        Map.of("error", "from must be a date, YYYY-MM-DD (or YYYY-MM, YYYY), was \"2024-13-01\""),
        JSON.std.mapFrom(session.search(Map.of("q", "oil", "from", "2024-13-01"))));
    assertEquals(
        Map.of("error", "limit must be between 1 and 1000, was -1"),
        JSON.std.mapFrom(session.search(Map.of("q", "oil", "limit", "-1"))));
    Map<String, Object> ok =
        JSON.std.mapFrom(
            session.search(
                Map.of("q", "oil", "limit", "2", "facets", "true", "tag", "", "sort", "")));
    assertEquals(4, ((Number) ok.get("total")).intValue(), ok.toString());
    assertEquals(2, ((List<?>) ok.get("hits")).size());
    assertTrue(((Map<?, ?>) ok.get("facets")).containsKey("section"), ok.toString());
  }

  @Test
  void anIndexThatDoesNotDescribeItselfIsRefused() throws Exception {
    Path lucene = tmp.resolve("old");
    try (FSDirectory dir = FSDirectory.open(lucene);
        IndexWriter old = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      Document doc = new Document();
      doc.add(new TextField("body", "oil prices", Field.Store.YES));
      old.addDocument(doc);
      old.commit(); // as Broadsheet wrote indexes before they carried their format
    }
    int pageSize = 1024;
    PageStore store = new PageStore(pageSize);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(lucene)) {
      for (Path f : files) {
        byte[] bytes = Files.readAllBytes(f);
        String name = f.getFileName().toString();
        store.addFile(name, bytes.length);
        for (int page = 0; page * pageSize < bytes.length; page++) {
          store.addPage(
              name,
              page,
              Arrays.copyOfRange(
                  bytes, page * pageSize, Math.min(bytes.length, (page + 1) * pageSize)));
        }
      }
    }
    String json = new BrowserSession(store).search(Map.of("q", "oil")::get);
    assertEquals(
        Map.of(
            "error",
            "the search index has no format version: it was built by another Broadsheet version; "
                + "rebuild the site"),
        JSON.std.mapFrom(json));
  }
}
