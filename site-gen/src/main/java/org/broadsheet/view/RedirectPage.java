package org.broadsheet.view;

/**
 * Data model of {@code alias.ftlh}: the page left at an article's old address (front matter {@code
 * aliases}), which sends the reader on to the article.
 *
 * @param page this page; its {@code canonical} is the article's absolute URL
 * @param title the article's title
 * @param target relative link from this page to the article ({@code ../../articles/x/})
 */
public record RedirectPage(SiteView site, PageInfo page, String title, String target) {}
