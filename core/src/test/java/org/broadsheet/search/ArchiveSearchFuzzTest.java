package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.broadsheet.content.Article;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The query language and the request's other parameters over a small in-memory index. The input is
 * the query text on its first line, then optional {@code key=value} lines ({@code limit}, {@code
 * offset}, {@code tag}, {@code section}, {@code from}, {@code to}, {@code sort}, {@code facets}),
 * read by {@link SearchParameters} as every reader does, so seeds stay readable. The parameters may
 * be refused ({@link IllegalArgumentException}, a 400 / exit 2); once made, a search always
 * answers. Inputs: {@code ArchiveSearchFuzzTestInputs/}.
 */
class ArchiveSearchFuzzTest {
  private static final ArchiveSearch SEARCH = open();

  private static ArchiveSearch open() {
    try {
      ByteBuffersDirectory dir = new ByteBuffersDirectory();
      try (SearchIndexWriter w = SearchIndexWriter.open(dir, "en", ZoneId.of("UTC"), true)) {
        for (Article a :
            List.of(
                ArchiveSearchTest.article(
                    "rates",
                    "Central bank raises interest rates",
                    "The bank raised rates by half a point.",
                    "2022-07-21T12:00:00Z",
                    List.of("Interest Rates"),
                    "business"),
                ArchiveSearchTest.article(
                    "vienna",
                    "Talks in Vienna",
                    "Negotiators met in Vienna on the nuclear deal <b>again</b>.",
                    "2022-08-08T06:00:00Z",
                    List.of("diplomacy"),
                    "world"),
                ArchiveSearchTest.article(
                    "old",
                    "Harbour strike",
                    "Dock workers ended their strike, said Reuter.",
                    "1987-02-26T00:00:00Z",
                    List.of(),
                    "business"),
                ArchiveSearchTest.article(
                    "undated",
                    "Undated wire",
                    "No date was given for this story & its <script>.",
                    null,
                    List.of("x"),
                    ""))) {
          w.put(a, "articles/" + a.slug() + "/");
        }
        w.optimizeAndCommit();
      }
      return new ArchiveSearch(DirectoryReader.open(dir), "en");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void anyQueryAnswersOrIsRefusedUpFront(byte[] bytes) throws IOException {
    SearchRequest request;
    try {
      request = request(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException refused) {
      return; // the documented refusal of a bad parameter
    }
    SearchResults results = SEARCH.search(request);
    assertTrue(
        results.hits().size() <= request.limit() && results.total() >= results.hits().size(),
        results.total() + " total, " + results.hits().size() + " hits");
    Object json =
        JSON.std.anyFrom(SearchJson.results(request, results)); // the answer is always JSON
    assertTrue(json instanceof java.util.Map, String.valueOf(json));
  }

  /** Through the parser that every reader uses: the fuzzer reaches its checks too. */
  private static SearchRequest request(String input) {
    String[] lines = input.split("\n", -1);
    Map<String, String> params = new HashMap<>();
    params.put("q", lines[0]);
    for (int i = 1; i < lines.length; i++) {
      int eq = lines[i].indexOf('=');
      params.put(
          eq < 0 ? lines[i] : lines[i].substring(0, eq), eq < 0 ? "" : lines[i].substring(eq + 1));
    }
    return SearchParameters.parse(params::get);
  }
}
