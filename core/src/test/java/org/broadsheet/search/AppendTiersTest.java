package org.broadsheet.search;

import static org.broadsheet.search.SearchRequestBuilder.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.content.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped index's segment layout across rebuilds: old segments keep their files, so a returning
 * reader's browser, which caches the index by file and hash, downloads again only what changed.
 */
class AppendTiersTest {
  static final String[] WORDS = {
    "oil", "bank", "rates", "talks", "trade", "grain", "shipping", "markets", "opec", "crude",
    "wheat", "tariff", "currency", "bonds", "stocks", "profit", "merger", "strike", "port", "coffee"
  };

  static Article story(int n) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      body.append(WORDS[(n * 7 + i * i + i / 3) % WORDS.length]).append(i % 9 == 8 ? ". " : " ");
    }
    String date = String.format("2020-%02d-%02dT%02d:00:00Z", 1 + n % 12, 1 + n % 28, n % 24);
    return ArchiveSearchTest.article(
        "s" + n,
        "Story " + n + " " + WORDS[n % WORDS.length],
        body.toString(),
        date,
        List.of(WORDS[n % 5]),
        "News");
  }

  private static void write(Path index, boolean create, List<Article> stories) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index);
        SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), create)) {
      for (Article a : stories) {
        w.put(a, "articles/" + a.slug() + "/");
      }
      w.optimizeAndCommit();
    }
  }

  /** File name to content hash, for every file of the index. */
  private static Map<String, String> files(Path index) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> list = Files.list(index)) {
      for (Path f : (Iterable<Path>) list::iterator) {
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
        out.put(f.getFileName().toString(), HexFormat.of().formatHex(sha));
      }
    }
    return out;
  }

  /** Bytes of the old index that the new one no longer holds unchanged, as a share of all. */
  private static double rewritten(Path index, Map<String, String> before, Map<String, Long> sizes)
      throws Exception {
    Map<String, String> after = files(index);
    long old = 0;
    long gone = 0;
    for (Map.Entry<String, String> e : before.entrySet()) {
      old += sizes.get(e.getKey());
      if (!e.getValue().equals(after.get(e.getKey()))) {
        gone += sizes.get(e.getKey());
      }
    }
    return (double) gone / old;
  }

  private static Map<String, Long> sizes(Path index) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> list = Files.list(index)) {
      for (Path f : (Iterable<Path>) list::iterator) {
        out.put(f.getFileName().toString(), Files.size(f));
      }
    }
    return out;
  }

  private static int segments(Path index) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      assertEquals(0, reader.numDeletedDocs(), "no deleted documents are shipped");
      return reader.leaves().size();
    }
  }

  /**
   * Totals and the scores of the top hits, bit for bit: the statistics equal a clean build's.
   * (Which of several hits with equal scores comes first follows the doc id, and so the segment
   * layout.)
   */
  private static List<String> results(Path index) throws IOException {
    List<String> lines = new ArrayList<>();
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      ArchiveSearch search = new ArchiveSearch(reader, IndexInfo.read(reader));
      for (String q : List.of("oil", "bank rates", "\"crude oil\"", "story", "wheat -coffee")) {
        for (SortOrder sort : SortOrder.values()) {
          SearchResults r = search.search(request(q).sort(sort).build());
          lines.add(q + " " + sort + " " + r.total());
          r.hits().forEach(h -> lines.add(h.id() + " " + Float.floatToIntBits(h.score())));
        }
      }
    }
    return lines;
  }

  private static List<Article> stories(int from, int to) {
    List<Article> out = new ArrayList<>();
    for (int n = from; n < to; n++) {
      out.add(story(n));
    }
    return out;
  }

  @Test
  void aCleanBuildIsOneSegmentOfPlainFiles(@TempDir Path tmp) throws Exception {
    write(tmp, true, stories(0, 500));
    assertEquals(1, segments(tmp));
    Map<String, String> files = files(tmp);
    assertTrue(
        files.keySet().stream().anyMatch(n -> n.endsWith(".tim")), "no compound file: " + files);
    assertTrue(files.keySet().stream().noneMatch(n -> n.endsWith(".cfs")), files.toString());
  }

  @Test
  void addingOneArticleKeepsEveryOldSegmentFileAndRewritesUnderATenthOfTheIndex(@TempDir Path tmp)
      throws Exception {
    write(tmp, true, stories(0, 1000));
    Map<String, String> before = files(tmp);
    Map<String, Long> sizes = sizes(tmp);
    write(tmp, false, List.of(story(1000)));
    double share = rewritten(tmp, before, sizes);
    System.out.printf("one article added to 1,000: %.2f %% of the index rewritten%n", 100 * share);
    assertTrue(share < 0.10, "rewritten: " + share);
    before.keySet().stream()
        .filter(n -> n.startsWith("_"))
        .forEach(n -> assertTrue(Files.exists(tmp.resolve(n)), n + " kept"));
  }

  @Test
  void manyRebuildsStayWithinTheSegmentCapAndAnswerLikeACleanBuild(@TempDir Path tmp)
      throws Exception {
    Path tiers = tmp.resolve("tiers");
    write(tiers, true, stories(0, 400));
    double worst = 0;
    for (int step = 0; step < 40; step++) {
      Map<String, String> before = files(tiers);
      Map<String, Long> sizes = sizes(tiers);
      write(tiers, false, stories(400 + step * 3, 403 + step * 3));
      worst = Math.max(worst, rewritten(tiers, before, sizes));
      assertTrue(segments(tiers) <= AppendTiers.MAX_SEGMENTS, "step " + step);
    }
    System.out.printf("40 rebuilds adding 3 articles each: worst %.1f %% rewritten%n", 100 * worst);
    Path clean = tmp.resolve("clean");
    write(clean, true, stories(0, 520));
    assertEquals(results(clean), results(tiers));
  }

  @Test
  void replacingAnOldArticleLeavesNoDeletedDocumentsAndScoresLikeACleanBuild(@TempDir Path tmp)
      throws Exception {
    Path tiers = tmp.resolve("tiers");
    write(tiers, true, stories(0, 300));
    write(tiers, false, stories(300, 310));
    Article changed = story(5);
    Article edited =
        ArchiveSearchTest.article(
            changed.id(),
            changed.title(),
            "crude oil bank " + changed.body().text(),
            changed.date().orElseThrow().toString(),
            changed.tags(),
            changed.section());
    write(tiers, false, List.of(edited));
    segments(tiers); // asserts no deletions
    Path clean = tmp.resolve("clean");
    List<Article> all = new ArrayList<>(stories(0, 310));
    all.set(5, edited);
    write(clean, true, all);
    assertEquals(results(clean), results(tiers));
  }
}
