package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SummariesTest {
  @Test
  void leadKeepsWholeSentencesThatFit() {
    String text =
        "  The port reopened on Monday.\n\nShips  queued\tfor days. Unions said the strike would end soon. ";
    assertEquals("The port reopened on Monday. Ships queued for days.", Summaries.lead(text, 60));
  }

  @Test
  void leadCutsAtAWordAndDropsTrailingPunctuation() {
    assertEquals(
        "Ships queued for days, unions…",
        Summaries.lead("Ships queued for days, unions said, and more", 32));
  }

  @Test
  void leadOfALongBodyIsItsFirstWords() {
    String body = "Word ".repeat(200_000);
    assertEquals("Word ".repeat(8).strip() + "…", Summaries.lead(body, 40));
  }

  /** The lead is what the straightforward strip, collapse and cut gives, for any white space. */
  @Test
  void leadEqualsTheLeadOfTheWholeCollapsedText() {
    String[] pieces = {
      "word", "Ab", ".", "!", "?", ",", "—", " ", "  ", "\n", "\r\n", "\t", "\u000b", "\f",
      "\u00a0", "\u2003", "\u001c", "…", "é"
    };
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(80); k > 0; k--) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      int max = 2 + random.nextInt(60);
      assertEquals(
          straightforwardLead(text, max),
          Summaries.lead(text, max),
          () -> "for '" + text + "', " + max);
    }
  }

  /** The lead as first written: collapses the whole text before looking at its start. */
  private static String straightforwardLead(String text, int max) {
    String s = text.strip().replaceAll("\\s+", " ");
    if (s.length() <= max) {
      return s;
    }
    int sentenceEnd = -1;
    for (int i = 0; i < max; i++) {
      char c = s.charAt(i);
      if ((c == '.' || c == '!' || c == '?')
          && i + 1 < s.length()
          && s.charAt(i + 1) == ' '
          && i > max / 2) {
        sentenceEnd = i + 1;
      }
    }
    if (sentenceEnd > 0) {
      return s.substring(0, sentenceEnd);
    }
    int cut = s.lastIndexOf(' ', max - 1);
    if (cut < max / 2) {
      cut = max - 1;
    }
    return s.substring(0, cut).replaceAll("[\\s,;:–—-]+$", "") + "…";
  }

  @Test
  void trailingPunctuationGoesAsTheRegularExpressionTookIt() {
    java.util.regex.Pattern trailing = java.util.regex.Pattern.compile("[\\s,;:–—-]+$");
    String alphabet = "a ,;:–—-\t\n\r.\u0085\u2028\u2029x";
    java.util.Random random = new java.util.Random(31);
    for (int round = 0; round < 100_000; round++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(10); i > 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = b.toString();
      assertEquals(trailing.matcher(s).replaceAll(""), Summaries.withoutTrailingPunctuation(s), s);
    }
  }
}
