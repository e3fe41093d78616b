package org.broadsheet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.broadsheet.api.SearchJson;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.config.SiteConfigLoader;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.search.ArchiveSearch;
import org.broadsheet.search.SearchHit;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResults;
import org.broadsheet.search.SearchSchema;
import org.broadsheet.search.SortOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Search a built site's Lucene index.",
        "Words (short queries need all, long ones most), \"exact phrases\", -excluded, prefix*."})
final class SearchCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "What to look for.")
  java.util.List<String> query = java.util.List.of();

  @Option(names = "--site", description = "Built site folder (holding search/lucene/). Default: ./public.")
  Path site = Path.of("public");

  @Option(names = "--limit", description = "Hits to show (default ${DEFAULT-VALUE}).")
  int limit = 10;

  @Option(names = "--offset", description = "Hits to skip (offset + limit at most 10000).")
  int offset;

  @Option(names = "--tag", description = "Only articles with this tag.")
  String tag;

  @Option(names = "--section", description = "Only articles in this section.")
  String section;

  @Option(names = "--from", description = "First day, YYYY-MM-DD (or YYYY-MM, YYYY).")
  String from;

  @Option(names = "--to", description = "Last day, YYYY-MM-DD (or YYYY-MM, YYYY).")
  String to;

  @Option(names = "--sort", description = "relevance or date (default ${DEFAULT-VALUE}).")
  SortOrder sort = SortOrder.RELEVANCE;

  @Option(names = "--language", description = "Analyzer language (default: from site.yaml beside the site, else en).")
  String language;

  @Option(names = "--json", description = "Print {\"total\", \"hits\": [{id, title, url, date, score, snippet}]}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    // checks limit, offset and dates first: a bad one exits 2 with the reason (see Main)
    SearchRequest request = new SearchRequest(String.join(" ", query), limit, offset, tag, section, from, to, sort,
        false);
    Path index = site.resolve("search/lucene");
    if (!Files.isDirectory(index)) {
      spec.commandLine().getErr().println("broadsheet: no search index at " + index + " (build the site first)");
      return 2;
    }
    String lang = language != null ? language
        : SiteConfigLoader.load(site.toAbsolutePath().getParent(), new Diagnostics()).language();
    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      SearchResults results = new ArchiveSearch(reader, SearchSchema.analyzer(lang)).search(request);
      if (json) {
        out.println(SearchJson.write(results));
        return 0;
      }
      out.println(results.total() + " result" + (results.total() == 1 ? "" : "s"));
      int rank = offset;
      for (SearchHit h : results.hits()) {
        out.printf("%n%d. %s%n   %s  %s  (score %.3f)%n   %s%n", ++rank, h.title(),
            h.date().isEmpty() ? "undated" : h.date().substring(0, 10), h.url(), h.score(), terminal(h.snippet()));
      }
      return 0;
    }
  }

  /** The snippet for a terminal: marks as brackets, entities decoded. */
  static String terminal(String html) {
    return html.replace("<mark>", "[").replace("</mark>", "]").replace("&quot;", "\"").replace("&#x27;", "'")
        .replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
