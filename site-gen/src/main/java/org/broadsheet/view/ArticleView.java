package org.broadsheet.view;

import java.util.List;

/**
 * An article page's content.
 *
 * @param bodyHtml the rendered body (trusted: produced by the parsers, which escape text)
 * @param license SPDX id or free text; licenseName/licenseUrl filled for known licences
 * @param credit attribution line, e.g. {@code Mehr News Agency, CC BY 4.0}
 * @param jsonLd schema.org NewsArticle, serialised by Jackson and safe inside a script element
 * @param newer the next newer article, or null; {@code older} likewise
 * @param messages the theme's strings in the article's language, for what the article element says
 *     of itself (byline, reading time, attribution); it carries {@code card.lang} and {@code
 *     card.dir} where that is not the site's language
 * @param displayDate the date as the article's language writes it, or empty when undated
 */
public record ArticleView(
    Card card,
    String bodyHtml,
    String updatedIso,
    String updatedDisplay,
    String source,
    Link sourceLink,
    String license,
    String licenseName,
    String licenseUrl,
    String credit,
    int words,
    int minutes,
    Card newer,
    Card older,
    List<Card> related,
    String jsonLd,
    Messages messages,
    String displayDate) {
  private static final int WORDS_PER_MINUTE = 230;

  public ArticleView {
    related = List.copyOf(related);
  }

  /** Minutes to read {@code words} words, at least one. */
  public static int minutes(int words) {
    return Math.max(1, Math.round(words / (float) WORDS_PER_MINUTE));
  }
}
