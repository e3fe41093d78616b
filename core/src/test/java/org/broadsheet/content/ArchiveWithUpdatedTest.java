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
              article("a").date("2020-01-01T00:00Z").tags("oil").build(),
              article("b").date("2021-03-01T00:00Z").tags("oil", "gas").build(),
              article("c").date("2021-04-01T00:00Z").tags("gas").build()),
          new Diagnostics());

  @Test
  void swapsAnArticleEditedInPlaceIntoEveryViewThatHoldsIt() {
    Article edited =
        ArticleBuilder.copyOf(archive.byId("b").orElseThrow()).title("New title").build();
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
    Article moved = ArticleBuilder.copyOf(b).date("2022-01-01T00:00Z").build();
    Article retagged = ArticleBuilder.copyOf(b).tags("coal").build();
    assertTrue(archive.withUpdated(moved).isEmpty());
    assertTrue(archive.withUpdated(retagged).isEmpty());
    assertTrue(archive.withUpdated(article("z").build()).isEmpty());
  }
}
