package org.broadsheet.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.broadsheet.search.ScoreExplanation;
import org.broadsheet.search.ScoreExplanation.Bm25;
import org.broadsheet.search.ScoreExplanation.Part;

/**
 * A {@link ScoreExplanation} as lines an editor can read under a hit of {@code broadsheet search
 * --explain}: the total, then what each term, phrase or prefix adds in each field, largest first,
 * with its weight and BM25 figures, then the query's words the story does not hold.
 *
 * <pre>
 * explain: 3.052
 *   1.884  text:talk ×2             (tf 2, in 1 of 6 stories, 13 words vs 11.8 avg)
 *   0.848  text:"interest rate"     (phrase 2×, rarest word in 3 of 6 stories, 13 words vs 11.8 avg)
 *   0.075  title:vienna ×0.1        (tf 1, in 1 of 6 stories, 3 words vs 3.8 avg)
 *   no match: nothing
 * </pre>
 */
final class ExplainText {
  /** Printed once above the hits when the search had to relax the query. */
  static final String RELAXED =
      "(no story holds the quoted phrases and prefixes as typed: they were made optional, "
          + "and a phrase also counts by its words)";

  private ExplainText() {}

  static List<String> lines(ScoreExplanation e) {
    List<String> lines = new ArrayList<>();
    lines.add("explain: " + score(e.total()));
    int width = 0;
    for (Part p : e.parts()) {
      width = Math.max(width, name(p).length());
    }
    for (Part p : e.parts()) {
      String name = name(p);
      String figures = figures(p);
      lines.add(
          ("  "
                  + score(p.score())
                  + "  "
                  + name
                  + (figures.isEmpty()
                      ? ""
                      : " ".repeat(width - name.length()) + "  (" + figures + ")"))
              .stripTrailing());
    }
    if (!e.unmatched().isEmpty()) {
      lines.add("  no match: " + String.join(", ", e.unmatched()));
    }
    return lines;
  }

  /**
   * {@code text:nuclear}, {@code title:"nuclear deal" ×0.1}: field, what matched, weight unless 1.
   */
  private static String name(Part p) {
    String name = p.field().isEmpty() ? p.match() : p.field() + ":" + p.match();
    return p.weight() == 1f ? name : name + " ×" + number(p.weight());
  }

  private static String figures(Part p) {
    if (p.bm25().isEmpty()) {
      return p.kind() == ScoreExplanation.Kind.PREFIX
          ? "prefix: the same for every story it matches"
          : "";
    }
    Bm25 b = p.bm25().get();
    boolean phrase = p.kind() == ScoreExplanation.Kind.PHRASE;
    return (phrase
            ? "phrase " + number(b.freq()) + "×, rarest word"
            : "tf " + number(b.freq()) + ",")
        + String.format(
            Locale.ROOT,
            " in %,d of %,d stories, %,.0f words vs ",
            b.docFreq(),
            b.docCount(),
            b.length())
        + String.format(
            Locale.ROOT, b.averageLength() < 100 ? "%.1f avg" : "%,.0f avg", b.averageLength());
  }

  private static String score(float score) {
    return String.format(Locale.ROOT, "%.3f", score);
  }

  /** 2, 0.1, 1.5: a float without a trailing {@code .0} or an exponent. */
  private static String number(float f) {
    return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
  }
}
