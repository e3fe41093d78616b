package org.broadsheet.view;

/** Data model of pages with no content of their own: {@code search.ftlh}, {@code 404.ftlh}. */
public record BasicPage(SiteView site, PageInfo page) {}
