package org.broadsheet.content;

import static org.broadsheet.content.ArticleBuilder.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ArticleTest {
  /** A string equal to {@code s} but not the same object, as a parser makes one per file. */
  private static String copy(String s) {
    return new String(s.toCharArray());
  }

  private static Article parsed(String id) {
    return article(id)
        .dateline(copy("TEHRAN"))
        .section(copy("World"))
        .authors(copy("Ana Pérez"), copy("Li Wei"), copy("Sam Roe"))
        .tags(copy("iran"), copy("oil"))
        .source(copy("Tehran Times"))
        .license(copy("CC-BY-4.0"))
        .lang(copy("en"))
        .build();
  }

  @Test
  void articlesOfOneArchiveShareTheirRecurringTextAndStayEqual() {
    Map<String, String> seen = new HashMap<>();
    Article first = parsed("a").withSharedText(s -> seen.computeIfAbsent(s, k -> k));
    Article second = parsed("b").withSharedText(s -> seen.computeIfAbsent(s, k -> k));

    assertEquals(parsed("b"), second, "sharing changes no value");
    assertNotSame(parsed("a").section(), parsed("b").section());
    assertSame(first.section(), second.section());
    assertSame(first.dateline(), second.dateline());
    assertSame(first.source(), second.source());
    assertSame(first.license(), second.license());
    assertSame(first.lang(), second.lang());
    for (int i = 0; i < 3; i++) {
      assertSame(first.authors().get(i), second.authors().get(i));
    }
    assertSame(first.tags().get(1), second.tags().get(1));
    assertEquals(List.of("Ana Pérez", "Li Wei", "Sam Roe"), second.authors(), "order kept");
  }

  @Test
  void emptyExtrasBecomeTheSharedNone() {
    Extras empty =
        new Extras(List.of(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Map.of());
    Article a = ArticleBuilder.copyOf(parsed("a")).extras(empty).build();
    assertNotSame(Extras.NONE, a.extras());
    assertSame(Extras.NONE, a.withSharedText(s -> s).extras());
    Extras weighted =
        new Extras(List.of(), OptionalInt.of(3), Optional.empty(), Optional.empty(), Map.of());
    Article w = ArticleBuilder.copyOf(parsed("w")).extras(weighted).build();
    assertSame(weighted, w.withSharedText(s -> s).extras());
  }
}
