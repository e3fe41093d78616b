package org.broadsheet.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
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

  @Test
  void moreUrlsThanASitemapHoldsArePartsAndAnIndexOfThem() {
    List<SitemapUrl> urls = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      urls.add(new SitemapUrl("https://n.example/" + i + "/", "2024-03-0" + i + "T00:00:00Z"));
    }
    List<Page> pages =
        Feeds.sitemaps(urls.size(), () -> urls, "https://n.example/", 3, (list, name) -> list);
    assertEquals(
        List.of("sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"),
        pages.stream().map(Page::path).toList());
    assertEquals(
        List.of("sitemap.ftlx", "sitemap.ftlx", "sitemap.ftlx", "sitemap-index.ftlx"),
        pages.stream().map(Page::template).toList());
    assertEquals(urls.subList(0, 3), pages.get(0).view().get());
    assertEquals(urls.subList(3, 6), pages.get(1).view().get());
    assertEquals(urls.subList(6, 7), pages.get(2).view().get());
    assertEquals(
        List.of(
            new SitemapUrl("https://n.example/sitemap-1.xml", "2024-03-03T00:00:00Z"),
            new SitemapUrl("https://n.example/sitemap-2.xml", "2024-03-06T00:00:00Z"),
            new SitemapUrl("https://n.example/sitemap-3.xml", "2024-03-07T00:00:00Z")),
        pages.get(3).view().get());
  }

  @Test
  void upToTheLimitTheSitemapIsOneFile() {
    List<SitemapUrl> urls =
        List.of(new SitemapUrl("a", ""), new SitemapUrl("b", ""), new SitemapUrl("c", ""));
    List<Page> pages =
        Feeds.sitemaps(urls.size(), () -> urls, "https://n.example/", 3, (list, name) -> list);
    assertEquals(1, pages.size());
    assertEquals("sitemap.xml", pages.get(0).path());
    assertEquals("sitemap.ftlx", pages.get(0).template());
    assertEquals(urls, pages.get(0).view().get());
  }
}
