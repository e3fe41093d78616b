package org.broadsheet.search;

/**
 * One result.
 *
 * @param url the article's page, relative to the site root
 * @param date ISO 8601 publication date-time, or empty when undated
 * @param snippet HTML: text escaped, matched terms wrapped in {@code <mark>}
 */
public record SearchHit(
    String id, String title, String url, String date, float score, String snippet) {}
