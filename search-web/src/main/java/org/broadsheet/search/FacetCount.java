package org.broadsheet.search;

/** STAND-IN until core's class lands. */
public record FacetCount(String field, String value, int count) {}
