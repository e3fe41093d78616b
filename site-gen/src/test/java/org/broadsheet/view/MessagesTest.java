package org.broadsheet.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private static Messages of(String language, Map<String, String> strings) {
    return new Messages(language, "ltr", "en", strings);
  }

  @Test
  void argumentsReplaceNumberedPlaceholdersAsPlainText() {
    Messages m = of("fr", Map.of("k", "Page {0} sur {1} de l'archive {2}", "q", "«{0}»"));
    assertEquals("Page 2 sur 7 de l'archive {2}", m.t("k", 2, 7));
    assertEquals("«{1}»", m.t("q", "{1}"), "an argument is not read again for placeholders");
    assertEquals("Page {0} sur {1} de l'archive {2}", m.t("k"));
  }

  @Test
  void wholeNumbersTakeTheDigitsOfTheLanguagesDates() {
    Map<String, String> fa = Map.of("p", "صفحهٔ {0} از {1}", "m.other", "{0} دقیقه", "v", "{0}");
    Messages persian = new Messages("fa", "rtl", "fa", fa);
    assertEquals("صفحهٔ ۲ از ۱۲", persian.t("p", 2, 12));
    assertEquals("۳ دقیقه", persian.tn("m", 3));
    assertEquals("1.2.0", persian.t("v", "1.2.0"), "text stays as it is");
    assertEquals("٣", new Messages("ar", "rtl", "ar-u-nu-arab", Map.of("v", "{0}")).t("v", 3));
    assertEquals("3", new Messages("ar", "rtl", "ar-u-nu-latn", Map.of("v", "{0}")).t("v", 3));
  }

  @Test
  void tagsFromHostileContentDoNotGrowTheMemosWithoutBound() {
    for (int i = 0; i < 5_000; i++) {
      String tag = "x-" + Integer.toString(i, 36) + "-zz"; // a new private-use tag each time
      Messages m =
          new Messages(tag, "ltr", tag, Map.of("m.one", "{0} item", "m.other", "{0} items"));
      assertEquals("3 items", m.tn("m", 3), "still answered past the limit");
    }
    assertTrue(
        Messages.memoized() <= 2 * Messages.MEMO_LIMIT, Messages.memoized() + " tags memoised");
  }

  @Test
  void aMissingKeyShowsItselfSoTheGapIsVisible() {
    assertEquals("nav.nowhere", of("en", Map.of()).t("nav.nowhere"));
  }

  @Test
  void countsPickTheFormOfTheLanguagesPluralRules() {
    Map<String, String> en = Map.of("a.one", "{0} article", "a.other", "{0} articles");
    assertEquals("1 article", of("en", en).tn("a", 1));
    assertEquals("0 articles", of("en", en).tn("a", 0));
    assertEquals("0 article", of("fr", en).tn("a", 0), "French counts zero as one");
    Map<String, String> ar =
        Map.of(
            "a.one",
            "one",
            "a.two",
            "two",
            "a.few",
            "{0} few",
            "a.many",
            "{0} many",
            "a.other",
            "{0} other");
    assertEquals("one", of("ar", ar).tn("a", 1));
    assertEquals("two", of("ar", ar).tn("a", 2));
    assertEquals("3 few", of("ar", ar).tn("a", 3));
    assertEquals("103 few", of("ar", ar).tn("a", 103));
    assertEquals("11 many", of("ar", ar).tn("a", 11));
    assertEquals("100 other", of("ar", ar).tn("a", 100));
    assertEquals("0 other", of("ar", ar).tn("a", 0), "no .zero form: .other");
    assertEquals(
        "4 articles from May",
        of("en", Map.of("m.other", "{0} articles from {1}")).tn("m", 4, "May"));
  }

  @Test
  void jsonForAScriptHoldsOnlyThePrefixAndCannotCloseTheScriptElement() {
    String json =
        of("en", Map.of("search.x", "</script><b>&", "search.y", "ok", "nav.z", "no"))
            .json("search.");
    assertTrue(json.contains("\"search.y\":\"ok\""), json);
    assertFalse(json.contains("nav.z"), json);
    assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
    assertTrue(json.contains("\\u003c/script\\u003e"), json);
  }
}
