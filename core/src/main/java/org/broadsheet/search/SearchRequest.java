package org.broadsheet.search;

/**
 * One search, as the command line, the preview server and the browser ask it.
 *
 * @param query the user's text: words, {@code "phrases"}, {@code -excluded}, {@code prefix*}
 * @param limit hits to return (1..1000)
 * @param offset hits to skip, for "more results"; {@code offset + limit} at most {@value #MAX_WINDOW}
 * @param tag only articles with this tag (case-insensitive), or null
 * @param section only articles in this section (case-insensitive), or null
 * @param from first day, {@code YYYY-MM-DD} inclusive ({@code YYYY-MM}, {@code YYYY}: its first day), or null
 * @param to last day, {@code YYYY-MM-DD} inclusive ({@code YYYY-MM}, {@code YYYY}: its last day), or null
 * @param facets whether to count section, tag and year values over all matches
 */
public record SearchRequest(String query, int limit, int offset, String tag, String section, String from,
    String to, SortOrder sort, boolean facets) {

  /**
   * The deepest hit served: collecting costs memory per hit up to {@code offset + limit}, so pages
   * past the 10,000th hit are refused, as search engines bound their result window.
   */
  public static final int MAX_WINDOW = 10_000;

  public SearchRequest {
    query = query == null ? "" : query;
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
    if (offset > MAX_WINDOW - limit) {
      throw new IllegalArgumentException("offset + limit must be at most " + MAX_WINDOW
          + " (hits past the " + MAX_WINDOW + "th are not served), was " + offset + " + " + limit);
    }
    tag = blankToNull(tag);
    section = blankToNull(section);
    from = date("from", blankToNull(from));
    to = date("to", blankToNull(to));
    sort = sort == null ? SortOrder.RELEVANCE : sort;
  }

  /** A plain query: first ten by relevance, no filters, no facets. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, 10, 0, null, null, null, null, SortOrder.RELEVANCE, false);
  }

  private static String date(String name, String value) {
    if (value != null && !ArchiveSearch.isDate(value)) {
      throw new IllegalArgumentException(name + " must be a date, YYYY-MM-DD (or YYYY-MM, YYYY), was \"" + value + "\"");
    }
    return value;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
