package org.broadsheet.view;

import java.util.List;

/** Where a listing page sits among its pages; hrefs are site-relative, empty when absent. */
public record Pager(int page, int pages, String previous, String next, List<Link> all) {
  public Pager {
    all = List.copyOf(all);
  }

  public boolean isPaged() {
    return pages > 1;
  }
}
