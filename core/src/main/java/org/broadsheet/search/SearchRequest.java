package org.broadsheet.search;

/**
 * One search, as the command line, the preview server and the browser ask it.
 *
 * @param query the user's text: words, {@code "phrases"}, {@code -excluded}, {@code prefix*}
 * @param limit hits to return (1..1000)
 * @param offset hits to skip, for "more results"
 * @param tag only articles with this tag (case-insensitive), or null
 * @param section only articles in this section (case-insensitive), or null
 * @param from first day, {@code YYYY-MM-DD} inclusive, or null
 * @param to last day, {@code YYYY-MM-DD} inclusive, or null
 * @param facets whether to count section, tag and year values over all matches
 */
public record SearchRequest(String query, int limit, int offset, String tag, String section, String from,
    String to, SortOrder sort, boolean facets) {

  public SearchRequest {
    query = query == null ? "" : query;
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
    tag = blankToNull(tag);
    section = blankToNull(section);
    from = blankToNull(from);
    to = blankToNull(to);
    sort = sort == null ? SortOrder.RELEVANCE : sort;
  }

  /** A plain query: first ten by relevance, no filters, no facets. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, 10, 0, null, null, null, null, SortOrder.RELEVANCE, false);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
