package org.broadsheet.content;

import static org.broadsheet.content.ArchiveTest.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.broadsheet.diag.Diagnostics;
import org.junit.jupiter.api.Test;

class ArchiveWithUpdatedTest {
  private final Archive archive =
      Archive.of(
          List.of(
              article("a", "a", "2020-01-01T00:00Z", List.of("oil"), "content/a.md"),
              article("b", "b", "2021-03-01T00:00Z", List.of("oil", "gas"), "content/b.md"),
              article("c", "c", "2021-04-01T00:00Z", List.of("gas"), "content/c.md")),
          new Diagnostics());

  private static Article retitled(Article a, String title) {
    return new Article(
        a.id(),
        a.slug(),
        title,
        a.summary(),
        a.date(),
        a.updated(),
        a.authors(),
        a.dateline(),
        a.section(),
        a.tags(),
        a.source(),
        a.license(),
        a.lang(),
        a.draft(),
        a.sourcePath(),
        a.body(),
        a.extras(),
        a.image());
  }

  @Test
  void swapsAnArticleEditedInPlaceIntoEveryViewThatHoldsIt() {
    Article edited = retitled(archive.byId("b").orElseThrow(), "New title");
    Archive updated = archive.withUpdated(edited).orElseThrow();
    Archive rebuilt =
        Archive.of(
            List.of(archive.byId("a").orElseThrow(), edited, archive.byId("c").orElseThrow()),
            new Diagnostics());
    assertEquals(rebuilt.articles(), updated.articles());
    assertEquals(rebuilt.tags(), updated.tags());
    assertEquals(rebuilt.sections(), updated.sections());
    assertEquals(rebuilt.authors(), updated.authors());
    assertEquals(rebuilt.years(), updated.years());
    assertEquals(rebuilt.months(), updated.months());
    assertEquals("gas", updated.tags().get(0).name());
    assertSame(
        edited, updated.tags().get(0).articles().get(1), "the new instance itself is listed");
    assertEquals("New title", updated.newer(updated.byId("a").orElseThrow()).orElseThrow().title());
    assertEquals("Title b", archive.byId("b").orElseThrow().title(), "the original is untouched");
  }

  @Test
  void refusesWhenTheArticleMustBePlacedAnew() {
    Article b = archive.byId("b").orElseThrow();
    Article moved = article("b", "b", "2022-01-01T00:00Z", b.tags(), b.sourcePath());
    Article retagged = article("b", "b", "2021-03-01T00:00Z", List.of("coal"), b.sourcePath());
    assertTrue(archive.withUpdated(moved).isEmpty());
    assertTrue(archive.withUpdated(retagged).isEmpty());
    assertTrue(archive.withUpdated(article("z", "z", null, List.of(), "content/z.md")).isEmpty());
  }
}
