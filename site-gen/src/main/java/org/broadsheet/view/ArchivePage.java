package org.broadsheet.view;

import java.util.List;

/**
 * Data model of {@code archive.ftlh}: the calendar archive (all years, or one year's months), with
 * the bars of its timeline chart.
 *
 * @param periods years (or months) newest first, each with its count
 * @param max the largest count, for scaling the chart
 * @param undated link to the undated articles, or null
 */
public record ArchivePage(
    SiteView site,
    PageInfo page,
    String heading,
    List<Link> periods,
    int max,
    Link undated,
    List<Link> breadcrumbs) {
  public ArchivePage {
    periods = List.copyOf(periods);
    breadcrumbs = List.copyOf(breadcrumbs);
  }
}
