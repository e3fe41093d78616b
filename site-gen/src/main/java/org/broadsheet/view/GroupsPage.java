package org.broadsheet.view;

import java.util.List;

/** Data model of {@code groups.ftlh}: every tag, section, author or source with its count. */
public record GroupsPage(SiteView site, PageInfo page, String heading, List<Link> groups) {
  public GroupsPage {
    groups = List.copyOf(groups);
  }
}
