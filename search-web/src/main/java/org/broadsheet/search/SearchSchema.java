package org.broadsheet.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** STAND-IN until core's class lands (deleted on merge). Field names of the contract. */
public final class SearchSchema {
  public static final String ID = "id", TITLE = "title", BODY = "body", URL = "url", DATE = "date",
      DATE_SORT = "date_sort", DAY = "day", TAGS = "tags", SECTION = "section", AUTHORS = "authors",
      SOURCE = "source", YEAR = "year";

  private SearchSchema() {}

  public static Analyzer analyzer(String language) {
    return new EnglishAnalyzer();
  }
}
