package org.broadsheet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.search.ArchiveSearch;
import org.broadsheet.search.ExplainedResults;
import org.broadsheet.search.FacetCount;
import org.broadsheet.search.IndexInfo;
import org.broadsheet.search.SearchExplainer;
import org.broadsheet.search.SearchHit;
import org.broadsheet.search.SearchJson;
import org.broadsheet.search.SearchParameters;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code broadsheet search}. The options are taken as text and read by core's {@link
 * SearchParameters}, as {@code /api/search} and the browser read theirs, so a bad value is refused
 * (exit 2) with the message they give; the index is searched with the analyzer it records.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search a built site's Lucene index.",
      "Words (optional, ranked by BM25), \"exact phrases\", -excluded, prefix*. A bad option is"
          + " refused (exit 2) with the message /api/search gives."
    })
final class SearchCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "What to look for.")
  List<String> query = List.of();

  @Option(
      names = "--site",
      paramLabel = "DIR",
      description = "Built site folder (holding search/lucene/). Default: ./public.")
  Path site = Path.of("public");

  @Option(names = "--limit", paramLabel = "N", description = "Hits to show, 1..1000 (default 10).")
  String limit;

  @Option(
      names = "--offset",
      paramLabel = "N",
      description = "Hits to skip (offset + limit at most 10000).")
  String offset;

  @Option(names = "--tag", description = "Only articles with this tag.")
  String tag;

  @Option(names = "--section", description = "Only articles in this section.")
  String section;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "First day, YYYY-MM-DD (or YYYY-MM, YYYY).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Last day, YYYY-MM-DD (or YYYY-MM, YYYY).")
  String to;

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      description = "relevance or date (default relevance).")
  String sort;

  @Option(names = "--facets", description = "Also count the matches' sections, tags and years.")
  boolean facets;

  @Option(
      names = "--explain",
      description =
          "Also show why each hit ranks where it does: what each word adds in "
              + "each field (Lucene's explanation, condensed); with --json an \"explain\" object per hit.")
  boolean explain;

  @Option(
      names = "--json",
      description =
          "Print the JSON of /api/search: {\"total\", \"hits\": [{id, title, url, date, "
              + "score, snippet}]} (+ \"facets\").")
  boolean json;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    // checks every option first: a bad one exits 2 with the reason (see Main)
    SearchRequest request =
        SearchParameters.parse(
            SearchParameters.inOrder(
                String.join(" ", query),
                limit,
                offset,
                tag,
                section,
                from,
                to,
                sort,
                facets ? "true" : null));
    Path index = site.resolve("search/lucene");
    if (!Files.isDirectory(index)) {
      spec.commandLine()
          .getErr()
          .println("broadsheet: no search index at " + index + " (build the site first)");
      return 2;
    }
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      // an index of another format throws IndexFormatException: exit 2 with the advice to rebuild
      ArchiveSearch search = new ArchiveSearch(reader, IndexInfo.read(reader));
      ExplainedResults explained = explain ? new SearchExplainer(search).explain(request) : null;
      SearchResults results = explain ? explained.results() : search.search(request);
      if (json) {
        out.println(
            explain
                ? SearchJson.results(request, explained)
                : SearchJson.results(request, results));
        return 0;
      }
      out.println(results.total() + " result" + (results.total() == 1 ? "" : "s"));
      if (explain && explained.relaxed()) {
        out.println(ExplainText.RELAXED);
      }
      int rank = request.offset();
      for (int i = 0; i < results.hits().size(); i++) {
        SearchHit h = results.hits().get(i);
        out.printf(
            "%n%d. %s%n   %s  %s  (score %.3f)%n   %s%n",
            ++rank,
            h.title(),
            h.date().isEmpty() ? "undated" : h.date().substring(0, 10),
            h.url(),
            h.score(),
            terminal(h.snippet()));
        if (explain) {
          ExplainText.lines(explained.explanations().get(i))
              .forEach(line -> out.println("   " + line));
        }
      }
      if (request.facets()) {
        out.println();
        printFacets(out, results.facets());
      }
      return 0;
    }
  }

  /** One line per field: {@code section: business (4), world (2)}. */
  private static void printFacets(java.io.PrintWriter out, List<FacetCount> facets) {
    String field = null;
    StringBuilder line = new StringBuilder();
    for (FacetCount f : facets) {
      if (!f.field().equals(field)) {
        if (field != null) {
          out.println(line);
        }
        field = f.field();
        line.setLength(0);
        line.append(field).append(": ");
      } else {
        line.append(", ");
      }
      line.append(f.value()).append(" (").append(f.count()).append(')');
    }
    if (field != null) {
      out.println(line);
    }
  }

  /** The snippet for a terminal: marks as brackets, entities decoded. */
  static String terminal(String html) {
    return html.replace("<mark>", "[")
        .replace("</mark>", "]")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/") // Lucene's SimpleHTMLEncoder writes every slash so
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
