package org.broadsheet.view;

/** Data model of {@code article.ftlh}. */
public record ArticlePage(SiteView site, PageInfo page, ArticleView article) {}
