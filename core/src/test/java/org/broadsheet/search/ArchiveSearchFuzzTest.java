package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.broadsheet.content.Article;
import org.junit.jupiter.api.Timeout;

/**
 * The query language and the request's other parameters over a small in-memory index. The input
 * is the query text on its first line, then optional {@code key=value} lines ({@code limit},
 * {@code offset}, {@code tag}, {@code section}, {@code from}, {@code to}, {@code sort},
 * {@code facets}), so seeds stay readable. A {@link SearchRequest} may refuse its parameters
 * ({@link IllegalArgumentException}, a 400 / exit 2); once made, a search always answers.
 * Inputs: {@code ArchiveSearchFuzzTestInputs/}.
 */
class ArchiveSearchFuzzTest {
  private static final ArchiveSearch SEARCH = open();

  private static ArchiveSearch open() {
    try {
      ByteBuffersDirectory dir = new ByteBuffersDirectory();
      try (SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
        for (Article a : List.of(
            ArchiveSearchTest.article("rates", "Central bank raises interest rates", "The bank raised rates by half a point.", "2022-07-21T12:00:00Z", List.of("Interest Rates"), "business"),
            ArchiveSearchTest.article("vienna", "Talks in Vienna", "Negotiators met in Vienna on the nuclear deal <b>again</b>.", "2022-08-08T06:00:00Z", List.of("diplomacy"), "world"),
            ArchiveSearchTest.article("old", "Harbour strike", "Dock workers ended their strike, said Reuter.", "1987-02-26T00:00:00Z", List.of(), "business"),
            ArchiveSearchTest.article("undated", "Undated wire", "No date was given for this story & its <script>.", null, List.of("x"), ""))) {
          w.put(a, "articles/" + a.slug() + "/");
        }
        w.optimizeAndCommit();
      }
      return new ArchiveSearch(DirectoryReader.open(dir), SearchSchema.analyzer("en"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input; bench/fuzz.sh hands it to libFuzzer as -timeout
  @FuzzTest
  void anyQueryAnswersOrIsRefusedUpFront(byte[] bytes) throws IOException {
    SearchRequest request;
    try {
      request = request(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException refused) {
      return; // the documented refusal of a bad limit, offset or date
    }
    SearchResults results = SEARCH.search(request);
    assertTrue(results.hits().size() <= request.limit() && results.total() >= results.hits().size(),
        results.total() + " total, " + results.hits().size() + " hits");
  }

  private static SearchRequest request(String input) {
    String[] lines = input.split("\n", -1);
    int limit = 10;
    int offset = 0;
    String tag = null;
    String section = null;
    String from = null;
    String to = null;
    SortOrder sort = SortOrder.RELEVANCE;
    boolean facets = false;
    for (int i = 1; i < lines.length; i++) {
      int eq = lines[i].indexOf('=');
      String key = eq < 0 ? lines[i] : lines[i].substring(0, eq);
      String value = eq < 0 ? "" : lines[i].substring(eq + 1);
      switch (key) {
        case "limit" -> limit = number(value, limit);
        case "offset" -> offset = number(value, offset);
        case "tag" -> tag = value;
        case "section" -> section = value;
        case "from" -> from = value;
        case "to" -> to = value;
        case "sort" -> sort = value.equals("date") ? SortOrder.DATE : SortOrder.RELEVANCE;
        case "facets" -> facets = true;
        default -> { }
      }
    }
    return new SearchRequest(lines[0], limit, offset, tag, section, from, to, sort, facets);
  }

  private static int number(String value, int fallback) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
