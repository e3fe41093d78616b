package org.broadsheet.view;

import java.util.Map;
import org.broadsheet.render.ContentPolicy;

/**
 * What every template knows about the site.
 *
 * @param assets theme asset name -> fingerprinted site-relative path, e.g. {@code style.css ->
 *     assets/style.3f2a9c1b.css}
 * @param preview true only when served by {@code broadsheet serve}: drafts and future articles
 *     carry a badge
 * @param logoUrl absolute URL of the site's logo (the publisher logo in JSON-LD), empty for none
 * @param favicon site-relative path of the icon every page names (the logo's, else the theme's
 *     {@code assets/favicon.svg}); {@code faviconType} its media type
 * @param messages the theme's strings in the site's language (with its text direction)
 * @param timeZone the zone dates are shown in, for the page's scripts
 */
public record SiteView(
    String title,
    String description,
    String language,
    String baseUrl,
    String author,
    boolean offline,
    boolean preview,
    Map<String, String> assets,
    String version,
    String logoUrl,
    String favicon,
    String faviconType,
    Messages messages,
    String timeZone) {
  public SiteView {
    assets = Map.copyOf(assets);
  }

  /** The site language's direction: {@code ltr}, or {@code rtl} for Persian, Arabic, Hebrew. */
  public String dir() {
    return messages.dir();
  }

  /**
   * The Content-Security-Policy every HTML page carries in its {@code <meta http-equiv>}, since
   * static hosts send no headers: {@code ${site.contentPolicy}} in templates.
   */
  public String contentPolicy() {
    return ContentPolicy.META;
  }

  /**
   * The search page's policy, kept for themes written when it allowed eval: now the same as {@link
   * #contentPolicy()} (the search runtime needs no eval).
   */
  public String searchContentPolicy() {
    return ContentPolicy.META;
  }
}
