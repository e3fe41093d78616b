package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesTheFiveCharactersHtmlGivesMeaning() {
    assertEquals("x: a &amp; b", Html.escapeTo(new StringBuilder("x: "), "a & b").toString());
    assertEquals(
        "&lt;b&gt;Tom &amp; Jerry&#39;s &quot;show&quot;&lt;/b&gt;",
        Html.escape("<b>Tom & Jerry's \"show\"</b>"));
  }

  @Test
  void leavesOtherTextAlone() {
    assertEquals("", Html.escape(""));
    assertEquals("Café — 10\u00a0km", Html.escape("Café — 10\u00a0km"));
    assertEquals("&amp;&amp;x", Html.escape("&&x"));
  }
}
