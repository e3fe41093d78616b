package org.broadsheet.config;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Validated site settings, read once from {@code site.yaml} (see {@link SiteConfigLoader}).
 *
 * @param baseUrl absolute URL the site is published under, always ending in {@code /}; used for
 *     canonical links, feeds and the sitemap only: pages link to each other relatively
 * @param language analyzer and {@code lang} attribute (ISO 639-1, e.g. {@code en})
 * @param pageSize articles per listing page
 * @param logo the site's logo: a path below the site folder ({@code images/logo.png}) or an http(s)
 *     URL; empty for none. The publisher logo in JSON-LD, and the favicon
 */
public record SiteConfig(
    String title,
    String description,
    String baseUrl,
    String language,
    ZoneId timeZone,
    int pageSize,
    String author,
    String logo) {

  /** Settings without a logo. */
  public SiteConfig(
      String title,
      String description,
      String baseUrl,
      String language,
      ZoneId timeZone,
      int pageSize,
      String author) {
    this(title, description, baseUrl, language, timeZone, pageSize, author, "");
  }

  public SiteConfig {
    Objects.requireNonNull(title, "title");
    description = description == null ? "" : description;
    baseUrl = normaliseBaseUrl(baseUrl);
    language = language == null || language.isBlank() ? "en" : language;
    timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
    }
    author = author == null ? "" : author;
    logo = logo == null ? "" : logo;
  }

  public static SiteConfig defaults() {
    return new SiteConfig(
        "Broadsheet", "", "http://localhost:8080/", "en", ZoneId.of("UTC"), 10, "");
  }

  public SiteConfig withBaseUrl(String url) {
    return new SiteConfig(title, description, url, language, timeZone, pageSize, author, logo);
  }

  private static String normaliseBaseUrl(String url) {
    if (url == null || url.isBlank()) {
      return "http://localhost:8080/";
    }
    return url.endsWith("/") ? url : url + "/";
  }
}
