package org.broadsheet.view;

/** Data model of {@code article.ftlh}. */
public record ArticlePage(SiteView site, PageInfo page, ArticleView article) {
  /** This page with another body: its HTML, word count and the reading time that follows. */
  public ArticlePage withBody(String html, int words) {
    return new ArticlePage(site, page, article.withBody(html, words));
  }
}
