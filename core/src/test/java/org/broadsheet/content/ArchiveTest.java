package org.broadsheet.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;

class ArchiveTest {
  static Article article(String id, String slug, String date, List<String> tags, String path) {
    return new Article(
        id,
        slug,
        "Title " + id,
        "",
        Optional.ofNullable(date).map(ZonedDateTime::parse),
        Optional.empty(),
        List.of("Ana"),
        "",
        "world",
        tags,
        "",
        "",
        "en",
        false,
        path,
        Body.EMPTY,
        Extras.NONE,
        Optional.empty());
  }

  @Test
  void ordersNewestFirstWithUndatedLast() {
    Archive archive =
        Archive.of(
            List.of(
                article("a", "a", "2020-01-01T00:00Z", List.of(), "content/a.md"),
                article("u", "u", null, List.of(), "content/u.md"),
                article("b", "b", "2021-01-01T00:00Z", List.of(), "content/b.md")),
            new Diagnostics());
    assertEquals(List.of("b", "a", "u"), archive.articles().stream().map(Article::id).toList());
    assertEquals("b", archive.newer(archive.byId("a").orElseThrow()).orElseThrow().id());
    assertEquals("u", archive.older(archive.byId("a").orElseThrow()).orElseThrow().id());
    assertEquals(List.of(2021, 2020), archive.years().stream().map(Period::year).toList());
    assertEquals(1, archive.undated().size());
  }

  @Test
  void duplicateIdIsAnErrorAndTheLaterFileIsLeftOut() {
    Diagnostics d = new Diagnostics();
    Archive archive =
        Archive.of(
            List.of(
                article("x", "one", "2020-01-01T00:00Z", List.of(), "content/b.md"),
                article("x", "two", "2020-01-02T00:00Z", List.of(), "content/a.md")),
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
                article("x", "same", "2020-01-01T00:00Z", List.of(), "content/a.md"),
                article("y", "same", "2020-01-02T00:00Z", List.of(), "content/b.md")),
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
                article("a", "a", "2020-01-01T00:00Z", List.of("Interest Rates"), "content/a.md"),
                article(
                    "b",
                    "b",
                    "2021-01-01T00:00Z",
                    List.of("interest rates", "São Paulo"),
                    "content/b.md")),
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
