package org.broadsheet.search;

/** How many matching articles carry {@code value} in {@code field} (section, tags or year). */
public record FacetCount(String field, String value, int count) {}
