package org.broadsheet.search;

import java.util.List;

/** STAND-IN until core's class lands. */
public record SearchResults(long total, List<SearchHit> hits, List<FacetCount> facets) {}
