package org.broadsheet.importer;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds an article's text on a page that does not mark it: the block whose paragraphs hold the most
 * text that is not link text, after navigation, headers, footers, forms, scripts and asides are
 * removed. A block scores the text of its own paragraphs ({@code <p>}, or its own text lines in a
 * table cell or a bare {@code <div>}), less twice its link text; long sentences count more than
 * menus of short words.
 */
final class TextDensity {
  private static final String BOILERPLATE =
      "nav, header, footer, aside, form, script, style, noscript, iframe, menu, select, button,"
          + " [role=navigation], [role=banner], [role=contentinfo], [role=complementary],"
          + " [class~=(?i)(^|[\\s_-])(nav|navbar|menu|footer|header|sidebar|comments?|share|related|advert|ads|promo|breadcrumbs?|cookie)([\\s_-]|$)],"
          + " [id~=(?i)(^|[\\s_-])(nav|navbar|menu|footer|header|sidebar|comments?|share|related|advert|ads|promo|breadcrumbs?|cookie)([\\s_-]|$)]";

  private TextDensity() {}

  /** A block and how much prose it holds; 60 or more is an article's text. */
  record Scored(Element block, double score) {
    boolean isArticle() {
      return score >= 60;
    }
  }

  /** The block most likely to be the article's text, or null when the page has no text. */
  static Scored densest(Document page) {
    Document doc = page.clone();
    doc.select(BOILERPLATE).remove();
    Element best = null;
    double bestScore = 0;
    for (Element block :
        doc.body() == null ? new Element[0] : doc.body().getAllElements().toArray(new Element[0])) {
      if (!block.normalName().matches("div|td|section|main|article|body|center|font|span")) {
        continue;
      }
      double score = score(block);
      if (score > bestScore) {
        best = block;
        bestScore = score;
      }
    }
    return best == null ? null : new Scored(best, bestScore);
  }

  /** Text of the block's own paragraphs (direct children), weighted by sentence length. */
  private static double score(Element block) {
    double score = 0;
    int paragraphs = 0;
    for (Element child : block.children()) {
      String tag = child.normalName();
      if (tag.equals("p")
          || tag.equals("blockquote")
          || tag.matches("h[2-6]")
          || tag.equals("ul")) {
        score += textScore(child);
        paragraphs++;
      } else if (tag.equals("br")) {
        paragraphs++;
      }
    }
    String own = block.ownText();
    if (own.length() > 15) {
      score += own.length() * sentenceWeight(own);
    }
    return paragraphs == 0 && own.length() <= 15 ? 0 : score;
  }

  private static double textScore(Element e) {
    String text = e.text();
    int links = e.select("a").text().length();
    return Math.max(0, (text.length() - 2.0 * links)) * sentenceWeight(text);
  }

  /** Prose has sentences of many words; menus and footers have short fragments. */
  private static double sentenceWeight(String text) {
    int words = text.split("\\s+").length;
    int stops = Math.max(1, text.split("[.!?]").length);
    double perSentence = words / (double) stops;
    return perSentence >= 8 ? 1.0 : perSentence / 8.0;
  }
}
