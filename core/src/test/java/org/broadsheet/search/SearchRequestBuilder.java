package org.broadsheet.search;

/**
 * Search requests for tests, naming only what differs from a plain query (the first ten hits by
 * relevance, no filters, no facets):
 *
 * <pre>{@code
 * SearchRequest r = request("rates").section("business").sort(SortOrder.DATE).build();
 * }</pre>
 *
 * <p>{@link #build()} runs the record's checks, so a test of a refusal builds inside {@code
 * assertThrows}.
 */
public final class SearchRequestBuilder {
  private final String query;
  private int limit = 10;
  private int offset;
  private String tag;
  private String section;
  private String from;
  private String to;
  private SortOrder sort = SortOrder.RELEVANCE;
  private boolean facets;

  private SearchRequestBuilder(String query) {
    this.query = query;
  }

  public static SearchRequestBuilder request(String query) {
    return new SearchRequestBuilder(query);
  }

  public SearchRequest build() {
    return new SearchRequest(query, limit, offset, tag, section, from, to, sort, facets);
  }

  public SearchRequestBuilder limit(int limit) {
    this.limit = limit;
    return this;
  }

  public SearchRequestBuilder offset(int offset) {
    this.offset = offset;
    return this;
  }

  public SearchRequestBuilder tag(String tag) {
    this.tag = tag;
    return this;
  }

  public SearchRequestBuilder section(String section) {
    this.section = section;
    return this;
  }

  public SearchRequestBuilder from(String from) {
    this.from = from;
    return this;
  }

  public SearchRequestBuilder to(String to) {
    this.to = to;
    return this;
  }

  public SearchRequestBuilder sort(SortOrder sort) {
    this.sort = sort;
    return this;
  }

  /** Also count the matches' sections, tags and years. */
  public SearchRequestBuilder facets() {
    this.facets = true;
    return this;
  }
}
