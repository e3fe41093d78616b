package org.broadsheet.search;

/** STAND-IN until core's class lands. */
public record SearchHit(String id, String title, String url, String date, float score, String snippet) {}
