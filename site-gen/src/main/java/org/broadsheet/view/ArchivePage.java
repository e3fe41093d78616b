package org.broadsheet.view;

import java.util.List;

/**
 * Data model of {@code archive.ftlh}: the calendar archive (all years, or one year's months), with
 * the bars of its timeline chart.
 *
 * @param periods years (or months) newest first, each with its count
 * @param max the largest count, for scaling the chart
 * @param undated link to the undated articles, or null
 * @param chart the timeline's bars, oldest first, without gaps: every year from the first to the
 *     last (on the archive page) or every month of the year (on a year page), empty ones at 0
 * @param months on a year page, each month's newest stories (at most {@code STORIES_PER_MONTH},
 *     with a link to the month's page for the rest); empty on the archive page
 */
public record ArchivePage(
    SiteView site,
    PageInfo page,
    String heading,
    List<Link> periods,
    int max,
    Link undated,
    List<Link> breadcrumbs,
    List<Bar> chart,
    List<Month> months) {
  /** The most stories a year page shows of one month. */
  public static final int STORIES_PER_MONTH = 10;

  public ArchivePage {
    periods = List.copyOf(periods);
    breadcrumbs = List.copyOf(breadcrumbs);
    chart = List.copyOf(chart);
    months = List.copyOf(months);
  }

  /**
   * One bar of the timeline.
   *
   * @param label under the bar ({@code 2024}, {@code Mar})
   * @param name in full, for its link ({@code March 2024})
   * @param href its page, empty when it has no stories
   */
  public record Bar(String label, String name, String href, int count) {}

  /**
   * A month on a year page: its link (with the month's count) and its newest stories.
   *
   * @param more true when the month has more stories than shown
   */
  public record Month(Link link, List<Card> cards, boolean more) {
    public Month {
      cards = List.copyOf(cards);
    }
  }
}
