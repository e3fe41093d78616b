package org.broadsheet.search;

/** STAND-IN until core's class lands. */
public record SearchRequest(String query, int limit, int offset, String tag, String section, String from,
    String to, SortOrder sort, boolean facets) {}
