package org.broadsheet.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.broadsheet.view.SitemapUrl;
import org.junit.jupiter.api.Test;

class FeedsTest {
  @Test
  void aSitemapPartIsAsNewAsItsLatestInstantWhateverTheOffsets() {
    List<SitemapUrl> urls =
        List.of(
            new SitemapUrl("a", "2024-03-01T23:00:00-05:00"), // 04:00 UTC on 2 March: the latest
            new SitemapUrl("b", "2024-03-02T02:00:00+01:00"), // 01:00 UTC, but larger as text
            new SitemapUrl("c", ""));
    assertEquals("2024-03-01T23:00:00-05:00", Feeds.newest(urls));
    assertEquals("", Feeds.newest(List.of(new SitemapUrl("d", ""))));
  }
}
