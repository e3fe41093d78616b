package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.parse.BlockEnds;
import org.broadsheet.parse.ParseContext;
import org.broadsheet.parse.Parsers;
import org.broadsheet.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subhead's full stop in the plain text ({@link BlockEnds}) shows in search snippets and changes
 * nothing the index holds: every language's analyzer gives the same terms at the same positions
 * with and without it, so phrase queries (also one across the subhead) and scores are as before.
 */
class SubheadSnippetTest {
  @TempDir Path site;

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(SearchSchema.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute step = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "+" + step.getPositionIncrement());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void theStopMakesNoTokenAndTakesNoPositionInAnyLanguage() throws IOException {
    String[][] samples = {
      {"en", "Knock-on effects", "The low water comes at a difficult moment"},
      {"de", "Folgen für die Industrie 2024", "Das niedrige Wasser kommt zur Unzeit"},
      {"fr", "Les conséquences", "Les basses eaux tombent mal"},
      {"es", "Efectos en cadena", "El bajo caudal llega en mal momento"},
      {"fa", "پیامدهای کم‌آبی", "کاهش آب در زمانی دشوار رخ می‌دهد"},
      {"ar", "الآثار المترتبة", "يأتي انخفاض المياه في وقت صعب"},
      {"it", "Effetti a catena", "L'acqua bassa arriva in un momento difficile"}
    };
    for (String[] s : samples) {
      Analyzer analyzer = SearchSchema.analyzer(s[0]);
      List<String> without = tokens(analyzer, s[1] + "\n" + s[2]);
      assertTrue(without.size() > 3, s[0] + ": " + without);
      assertEquals(
          without, tokens(analyzer, BlockEnds.closed(s[1]) + "\n" + s[2]), s[0] + ": " + s[1]);
    }
  }

  @Test
  void snippetsShowTheSubheadEndedAndPhrasesStillMatch() throws IOException {
    Path file = site.resolve("content/rhine.md");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        """
        ---
        title: Rhine runs low
        date: 2022-08-16T11:00:00Z
        ---
        Barges carried a third of their loads.

        ## Knock-on effects

        The low water comes at a difficult moment for industry.
        """);
    Article a =
        Parsers.standard(new ParseContext(ZoneId.of("UTC"), "en"))
            .parse(new SourceFile("content/rhine.md", file), new Diagnostics())
            .orElseThrow();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
        w.put(a, "articles/rhine/");
        w.optimizeAndCommit();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        ArchiveSearch search = new ArchiveSearch(reader, "en");
        SearchResults r = search.search(SearchRequest.of("\"knock-on effects\""));
        assertEquals(1, r.total());
        String shown = r.hits().get(0).snippet().replaceAll("\\s+", " ");
        assertTrue(
            shown.contains("<mark>Knock</mark>-on <mark>effects</mark>. The low water"), shown);
        // positions are as they were without the stop: a phrase across the subhead still matches
        assertEquals(1, search.search(SearchRequest.of("\"effects the low water\"")).total());
      }
    }
  }
}
