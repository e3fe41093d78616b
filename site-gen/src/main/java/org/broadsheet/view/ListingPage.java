package org.broadsheet.view;

import java.util.List;

/**
 * Data model of {@code list.ftlh} (and {@code index.ftlh}, the front page); {@code breadcrumbs}
 * lead back up.
 */
public record ListingPage(SiteView site, PageInfo page, Listing listing, List<Link> breadcrumbs) {
  public ListingPage {
    breadcrumbs = List.copyOf(breadcrumbs);
  }
}
