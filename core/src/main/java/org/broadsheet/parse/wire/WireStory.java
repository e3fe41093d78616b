package org.broadsheet.parse.wire;

import java.util.Objects;
import org.broadsheet.content.Article;

/**
 * A parsed wire story with the reasons behind its fields, for {@code check --explain}.
 *
 * @param document the structure read from the text
 * @param article the article made of it
 * @param titleFrom where the title came from ({@code sidecar}, {@code _metadata.csv}, {@code brief
 *     headline}, {@code lead})
 * @param dateFrom how the date was found, or why there is none
 * @param sourceFrom where the source came from, or empty
 * @param url the article's original URL from {@code _metadata.csv}, or empty
 */
public record WireStory(
    WireDocument document,
    Article article,
    String titleFrom,
    String dateFrom,
    String sourceFrom,
    String url) {
  public WireStory {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(article, "article");
  }
}
