package org.broadsheet.view;

import java.util.List;

/** A paginated list of articles: the front page, a tag, section, author, source or month. */
public record Listing(
    String heading, String kind, String intro, List<Card> cards, Pager pager, long total) {
  public Listing {
    cards = List.copyOf(cards);
  }
}
