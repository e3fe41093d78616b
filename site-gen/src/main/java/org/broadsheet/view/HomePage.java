package org.broadsheet.view;

import java.util.List;

/**
 * Data model of {@code index.ftlh}'s first page: the listing of {@link ListingPage} and the news
 * layout ({@code front}). Later pages of the front page are plain {@link ListingPage}s.
 */
public record HomePage(
    SiteView site, PageInfo page, Listing listing, List<Link> breadcrumbs, Front front) {
  public HomePage {
    breadcrumbs = List.copyOf(breadcrumbs);
  }
}
