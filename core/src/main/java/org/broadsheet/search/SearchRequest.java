package org.broadsheet.search;

/**
 * One search, as the command line, the preview server and the browser ask it; they read it from
 * their parameters with {@link SearchParameters#parse}, which explains every refusal the same way.
 *
 * @param query the user's text: words, {@code "phrases"}, {@code -excluded}, {@code prefix*}
 * @param limit hits to return (1..1000)
 * @param offset hits to skip, for "more results"; {@code offset + limit} at most {@value
 *     #MAX_WINDOW}
 * @param tag only articles with this tag (case-insensitive), or null
 * @param section only articles in this section (case-insensitive), or null
 * @param from first day, {@code YYYY-MM-DD} inclusive ({@code YYYY-MM}, {@code YYYY}: its first
 *     day), or null
 * @param to last day, {@code YYYY-MM-DD} inclusive ({@code YYYY-MM}, {@code YYYY}: its last day),
 *     not before {@code from}, or null
 * @param facets whether to count section, tag and year values over all matches
 */
public record SearchRequest(
    String query,
    int limit,
    int offset,
    String tag,
    String section,
    String from,
    String to,
    SortOrder sort,
    boolean facets) {

  /**
   * The deepest hit served: collecting costs memory per hit up to {@code offset + limit}, so pages
   * past the 10,000th hit are refused, as search engines bound their result window.
   */
  public static final int MAX_WINDOW = 10_000;

  public SearchRequest {
    query = query == null ? "" : query;
    require(SearchParameters.limitProblem(limit, String.valueOf(limit)));
    require(SearchParameters.offsetProblem(offset, String.valueOf(offset)));
    require(
        SearchParameters.windowProblem(
            offset, limit, String.valueOf(offset), String.valueOf(limit)));
    tag = blankToNull(tag);
    section = blankToNull(section);
    from = blankToNull(from);
    to = blankToNull(to);
    require(SearchParameters.dateProblem("from", from));
    require(SearchParameters.dateProblem("to", to));
    require(SearchParameters.rangeProblem(from, to));
    sort = sort == null ? SortOrder.RELEVANCE : sort;
  }

  /** A plain query: first ten by relevance, no filters, no facets. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, 10, 0, null, null, null, null, SortOrder.RELEVANCE, false);
  }

  private static void require(String problem) {
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
