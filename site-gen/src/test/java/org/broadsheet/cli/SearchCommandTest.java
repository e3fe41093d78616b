package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.build.SiteFixture;
import org.broadsheet.cli.MainTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code broadsheet search} with hostile input: it answers, or refuses with exit 2 and a reason.
 */
class SearchCommandTest {
  @TempDir static Path dir;
  static String site;

  @BeforeAll
  static void build() throws Exception {
    SiteFixture.write(dir, MainTest.SITE);
    Run build = MainTest.run("build", "--source", dir.toString());
    assertEquals(0, build.code(), build.err());
    site = dir.resolve("public").toString();
  }

  static Run search(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "search";
    all[1] = "--site";
    all[2] = site;
    System.arraycopy(args, 0, all, 3, args.length);
    return MainTest.run(all);
  }

  @Test
  void snippetsForATerminalDecodeWhatLucenesEncoderWrites() {
    String html =
        org.apache.lucene.search.highlight.SimpleHTMLEncoder.htmlEncode(
            "jly/sep <CCI> \"a\" & b's");
    assertEquals(
        "[jly/sep <CCI> \"a\" & b's]", SearchCommand.terminal("<mark>" + html + "</mark>"));
  }

  @Test
  void sixHundredWordQueryAnswersWithResults() throws Exception {
    StringBuilder words = new StringBuilder("vienna nuclear");
    for (int i = 0; i < 600; i++) {
      words.append(" filler").append(i);
    }
    Run r = search("--json", words.toString());
    assertEquals(0, r.code(), r.err());
    Map<String, Object> json = JSON.std.mapFrom(r.out());
    assertEquals(2, ((Number) json.get("total")).intValue(), r.out());
    Run pasted = search(List.of("vienna talks ".repeat(400).split(" ")).toArray(String[]::new));
    assertEquals(0, pasted.code(), pasted.err());
    assertTrue(pasted.out().startsWith("2 results\n"), pasted.out()); // any of its two words
  }

  @Test
  void hugeOffsetOrLimitIsRefusedWithExitTwo() {
    for (String[] args :
        List.of(
            new String[] {"--offset", "2147483647", "vienna"},
            new String[] {"--offset", "9995", "vienna"},
            new String[] {"--limit", "-3", "vienna"},
            new String[] {"--limit", "2147483647", "vienna"},
            new String[] {"--offset", "-1", "vienna"})) {
      Run r = search(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
      assertTrue(r.err().startsWith("broadsheet: "), r.err());
      assertEquals("", r.out());
    }
    Run deep = search("--offset", "9990", "vienna");
    assertEquals(0, deep.code(), deep.err());
    assertTrue(deep.out().startsWith("2 results"), deep.out());
  }

  @Test
  void unreadableDatesAreRefusedWithExitTwoAndSaySo() {
    Run yesterday = search("--from", "yesterday", "vienna");
    assertEquals(2, yesterday.code(), yesterday.out() + yesterday.err());
    assertEquals(
        "broadsheet: from must be a date, YYYY-MM-DD (or YYYY-MM, YYYY), was \"yesterday\"\n",
        yesterday.err());
    Run month13 = search("--to", "2024-13-45", "vienna");
    assertEquals(2, month13.code());
    assertTrue(month13.err().contains("to must be a date"), month13.err());
    Run good = search("--from", "2023", "--to", "2023-01-01", "vienna");
    assertEquals(0, good.code(), good.err());
    assertTrue(good.out().startsWith("1 result"), good.out());
  }

  @Test
  void textThatIsNotANumberOrASortIsRefusedWithTheParsersMessage() {
    Run ten = search("--limit", "ten", "vienna");
    assertEquals(2, ten.code(), ten.out() + ten.err());
    assertEquals("broadsheet: limit must be a whole number, was \"ten\"\n", ten.err());
    Run newest = search("--sort", "newest", "vienna");
    assertEquals(2, newest.code(), newest.out() + newest.err());
    assertEquals("broadsheet: sort must be relevance or date, was \"newest\"\n", newest.err());
    Run backwards = search("--from", "2024", "--to", "2023", "vienna");
    assertEquals(2, backwards.code());
    assertEquals("broadsheet: from must not be after to, was from 2024 to 2023\n", backwards.err());
    assertEquals(0, search("--sort", "DATE", "--limit", "5", "vienna").code());
  }

  @Test
  @SuppressWarnings("unchecked")
  void facetsAreCountedWhenAskedForInTheSameShapeAsTheApi() throws Exception {
    Run r = search("--json", "--facets", "vienna");
    assertEquals(0, r.code(), r.err());
    Map<String, Object> facets = (Map<String, Object>) JSON.std.mapFrom(r.out()).get("facets");
    assertEquals(
        List.of(Map.of("value", "2023", "count", 1), Map.of("value", "2022", "count", 1)),
        facets.get("year"));
    assertTrue(
        ((List<?>) facets.get("tags")).contains(Map.of("value", "economy", "count", 1)),
        facets.toString());
    assertFalse(JSON.std.mapFrom(search("--json", "vienna").out()).containsKey("facets"));
    Run text = search("--facets", "vienna");
    assertTrue(text.out().contains("\nyear: 2023 (1), 2022 (1)\n"), text.out());
  }

  @Test
  void anIndexOfAnotherFormatIsRefusedWithExitTwoAndTheAdviceToRebuild(@TempDir Path old)
      throws Exception {
    Path lucene = old.resolve("search/lucene");
    Files.createDirectories(lucene);
    try (var files = Files.list(Path.of(site, "search/lucene"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, lucene.resolve(f.getFileName()));
      }
    }
    try (FSDirectory dir = FSDirectory.open(lucene);
        IndexWriter w =
            new IndexWriter(
                dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      w.setLiveCommitData(
          Map.<String, String>of().entrySet()); // as indexes were before they described themselves
      w.commit();
    }
    Run r = MainTest.run("search", "--site", old.toString(), "vienna");
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(
        "broadsheet: the search index has no format version: it was built by another Broadsheet version; "
            + "rebuild the site\n",
        r.err());
  }

  @Test
  void theAnalyzerIsTheIndexsOwnWhereverTheSiteWasMoved(@TempDir Path dir) throws Exception {
    SiteFixture.write(
        dir,
        "-- site.yaml --\ntitle: Nachrichten\nlanguage: de\n"
            + """
        -- content/a.md --
        ---
        title: Verhandlungen in Wien
        date: 2022-08-08
        ---
        Die Unterhändler verhandelten über die Änderungen des Abkommens.
        """);
    assertEquals(0, MainTest.run("build", "--source", dir.toString()).code());
    Path moved =
        Files.move(
            dir.resolve("public"),
            Files.createDirectories(dir.resolve("elsewhere")).resolve("copy"));
    Files.delete(dir.resolve("site.yaml")); // nothing beside the site says German any more
    // found through German analysis (Änderungen and Änderung -> anderung), which English does not
    // do
    Run r = MainTest.run("search", "--site", moved.toString(), "Änderung");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("1 result"), r.out());
  }

  @Test
  void explainPrintsUnderEachHitWhatEachWordAddsInEachFieldAndWhatMatchedNothing() {
    Run r = search("--explain", "vienna", "talks", "talks", "zebra");
    assertEquals(0, r.code(), r.err());
    String[] hits = r.out().split("\n\n");
    assertEquals(3, hits.length, r.out());
    String a = hits[1];
    assertTrue(a.startsWith("1. Vienna talks resume\n"), a);
    assertEquals(
        score(a),
        a.substring(a.indexOf("   explain: ") + 12, a.indexOf('\n', a.indexOf("   explain: "))),
        "the total is the hit's score: " + a);
    for (String part :
        List.of(
            "  text:talk ×2 ",
            "  text:vienna ",
            "  title:talk ×0.2 ",
            "  title:vienna ×0.1 ",
            "(tf 2, in 1 of 2 stories, 9 words vs ",
            "\n     no match: zebra")) {
      assertTrue(a.contains(part), part + " in\n" + a);
    }
    assertTrue(
        a.indexOf("text:talk ×2") < a.indexOf("text:vienna"),
        "largest part first: a rare word typed twice");
    assertTrue(hits[2].contains("\n     no match: talk, zebra"), hits[2]);
    assertEquals(
        score(hits[2]),
        hits[2].substring(hits[2].indexOf("explain: ") + 9, hits[2].indexOf("explain: ") + 14));
    assertFalse(search("vienna").out().contains("explain"));
  }

  @Test
  void explainSaysWhenAPhraseNoStoryHoldsWasSearchedByItsWords() {
    Run r = search("--explain", "\"talks vienna\"");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out().startsWith("2 results\n(no story holds the quoted phrases and prefixes as typed"),
        r.out());
    assertTrue(
        r.out().contains("  text:talk ") && r.out().contains("\n     no match: \"talk vienna\"\n"),
        r.out());
  }

  @Test
  @SuppressWarnings("unchecked")
  void explainWithJsonAddsAnExplainObjectToEveryHitAndNothingElse() throws Exception {
    Run r = search("--explain", "--json", "vienna", "talks", "talks", "zebra");
    assertEquals(0, r.code(), r.err());
    List<Map<String, Object>> hits =
        (List<Map<String, Object>>) JSON.std.mapFrom(r.out()).get("hits");
    assertEquals(2, hits.size());
    for (Map<String, Object> hit : hits) {
      Map<String, Object> explain = (Map<String, Object>) hit.get("explain");
      assertEquals(hit.get("score"), explain.get("total"), "the same float: " + hit);
      assertEquals(false, explain.get("relaxed"));
      assertTrue(((List<?>) explain.get("unmatched")).contains("zebra"), explain.toString());
    }
    List<Map<String, Object>> parts =
        (List<Map<String, Object>>) ((Map<String, Object>) hits.get(0).get("explain")).get("parts");
    assertEquals(
        Map.of("field", "text", "match", "talk", "kind", "term", "weight", 2.0),
        Map.of(
            "field",
            parts.get(0).get("field"),
            "match",
            parts.get(0).get("match"),
            "kind",
            parts.get(0).get("kind"),
            "weight",
            parts.get(0).get("weight")));
    assertEquals(
        Map.of("freq", 2.0, "docFreq", 1, "docCount", 2),
        Map.of(
            "freq",
            ((Map<String, Object>) parts.get(0).get("bm25")).get("freq"),
            "docFreq",
            ((Map<String, Object>) parts.get(0).get("bm25")).get("docFreq"),
            "docCount",
            ((Map<String, Object>) parts.get(0).get("bm25")).get("docCount")));
    Run plain = search("--json", "vienna", "talks", "talks", "zebra");
    assertFalse(plain.out().contains("explain"), plain.out());
    Map<String, Object> relaxed =
        (Map<String, Object>)
            ((List<Map<String, Object>>)
                    JSON.std
                        .mapFrom(search("--explain", "--json", "\"talks vienna\"").out())
                        .get("hits"))
                .get(0)
                .get("explain");
    assertEquals(true, relaxed.get("relaxed"));
    assertEquals(List.of("\"talk vienna\""), relaxed.get("unmatched"));
  }

  /** The score a hit's text block prints: {@code (score 1.069)}. */
  private static String score(String hit) {
    int at = hit.indexOf("(score ") + 7;
    return hit.substring(at, hit.indexOf(')', at));
  }
}
