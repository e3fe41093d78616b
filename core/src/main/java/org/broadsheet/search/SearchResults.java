package org.broadsheet.search;

import java.util.List;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total how many articles match, exactly
 * @param facets counts over all matches, per field most frequent first (empty unless asked for)
 */
public record SearchResults(long total, List<SearchHit> hits, List<FacetCount> facets) {
  public SearchResults {
    hits = List.copyOf(hits);
    facets = List.copyOf(facets);
  }
}
