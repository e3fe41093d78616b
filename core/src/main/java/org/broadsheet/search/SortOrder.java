package org.broadsheet.search;

/** How search results are ordered. */
public enum SortOrder {
  /** BM25 score, best first (ties: newer first). */
  RELEVANCE,
  /** Publication date, newest first; undated articles last. */
  DATE
}
