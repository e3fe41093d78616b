package org.broadsheet.search;

/** STAND-IN until core's class lands. */
public enum SortOrder { RELEVANCE, DATE }
