package org.broadsheet.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;

class ArchiveTest {
  /** An article by Ana in the world section, in English; the test names the rest. */
  static ArticleBuilder article(String id) {
    return ArticleBuilder.article(id).authors("Ana").section("world").lang("en");
  }

  @Test
  void ordersNewestFirstWithUndatedLast() {
    Archive archive =
        Archive.of(
            List.of(
                article("a").date("2020-01-01T00:00Z").build(),
                article("u").build(),
                article("b").date("2021-01-01T00:00Z").build()),
            new Diagnostics());
    assertEquals(List.of("b", "a", "u"), archive.articles().stream().map(Article::id).toList());
    assertEquals("b", archive.newer(archive.byId("a").orElseThrow()).orElseThrow().id());
    assertEquals("u", archive.older(archive.byId("a").orElseThrow()).orElseThrow().id());
    assertEquals(List.of(2021, 2020), archive.years().stream().map(Period::year).toList());
    assertEquals(1, archive.undated().size());
  }

  @Test
  void ordersAsTheNewestFirstComparatorDoesThroughTiesOfTheSecondAndOfTheInstant() {
    // few seconds, so that many share one: the same second with other nanoseconds, the same
    // instant in other zones, and undated ones
    Random random = new Random(7);
    List<String> zones = List.of("Z", "+01:00", "-05:00", "+05:30");
    List<Article> parsed = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      ArticleBuilder a = article("id" + random.nextInt(100_000)).sourcePath("a" + i + ".md");
      if (random.nextInt(10) > 0) {
        ZonedDateTime utc =
            ZonedDateTime.parse("2020-01-01T00:00:00Z")
                .plusSeconds(random.nextInt(40))
                .plusNanos(random.nextInt(3) * 1_000_000L);
        a.date(utc.withZoneSameInstant(ZoneId.of(zones.get(random.nextInt(zones.size())))));
      }
      parsed.add(a.build());
    }
    Archive archive = Archive.of(parsed, new Diagnostics());
    List<Article> expected = new ArrayList<>(archive.articles());
    expected.sort(Archive.NEWEST_FIRST);
    assertEquals(expected, archive.articles());
  }

  @Test
  void duplicateIdIsAnErrorAndTheLaterFileIsLeftOut() {
    Diagnostics d = new Diagnostics();
    Archive archive =
        Archive.of(
            List.of(
                article("x")
                    .slug("one")
                    .date("2020-01-01T00:00Z")
                    .sourcePath("content/b.md")
                    .build(),
                article("x")
                    .slug("two")
                    .date("2020-01-02T00:00Z")
                    .sourcePath("content/a.md")
                    .build()),
            d);
    assertEquals(1, archive.size());
    assertEquals("two", archive.articles().get(0).slug());
    assertEquals("content/a.md", archive.articles().get(0).sourcePath());
    assertEquals(1, d.count(Severity.ERROR));
    assertTrue(d.snapshot().get(0).message().contains("duplicate id 'x'"));
  }

  @Test
  void duplicateSlugGetsASuffixAndAWarning() {
    Diagnostics d = new Diagnostics();
    Archive archive =
        Archive.of(
            List.of(
                article("x")
                    .slug("same")
                    .date("2020-01-01T00:00Z")
                    .sourcePath("content/a.md")
                    .build(),
                article("y")
                    .slug("same")
                    .date("2020-01-02T00:00Z")
                    .sourcePath("content/b.md")
                    .build()),
            d);
    assertEquals(
        List.of("same-2", "same"), archive.articles().stream().map(Article::slug).toList());
    assertEquals(1, d.count(Severity.WARNING));
  }

  @Test
  void groupsTagsBySlugKeepingTheFirstSpelling() {
    Archive archive =
        Archive.of(
            List.of(
                article("a").date("2020-01-01T00:00Z").tags("Interest Rates").build(),
                article("b").date("2021-01-01T00:00Z").tags("interest rates", "São Paulo").build()),
            new Diagnostics());
    assertEquals(
        List.of("interest-rates", "sao-paulo"), archive.tags().stream().map(Group::slug).toList());
    assertEquals(2, archive.tags().get(0).articles().size());
  }

  @Test
  void slugsAreAsciiLowerCaseAndHyphenated() {
    assertEquals("sao-paulo-runoff-2022", Slugs.slugify("  São Paulo: runoff (2022)! "));
    assertEquals("łodz", Slugs.slugify("Łódź"));
    assertEquals("untitled", Slugs.slugify("—"));
  }
}
