package org.broadsheet.content;

import java.util.List;

/**
 * A year (month 0) or a month of the calendar archive, newest first.
 *
 * @param month 1-12, or 0 for a whole year
 */
public record Period(int year, int month, List<Article> articles) {
  public Period {
    articles = List.copyOf(articles);
  }

  public boolean isYear() {
    return month == 0;
  }
}
