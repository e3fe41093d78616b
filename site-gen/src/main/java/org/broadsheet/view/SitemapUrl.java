package org.broadsheet.view;

/**
 * One URL of a sitemap (or of robots.txt's list of sitemaps).
 *
 * @param loc the absolute URL
 * @param lastmod when what it shows last changed (ISO 8601), or empty when unknown
 */
public record SitemapUrl(String loc, String lastmod) {}
