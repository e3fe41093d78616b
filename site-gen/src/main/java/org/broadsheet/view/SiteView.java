package org.broadsheet.view;

import java.util.Map;

/**
 * What every template knows about the site.
 *
 * @param assets theme asset name -> fingerprinted site-relative path, e.g. {@code style.css -> assets/style.3f2a9c1b.css}
 * @param preview true only when served by {@code broadsheet serve}: drafts and future articles carry a badge
 */
public record SiteView(String title, String description, String language, String baseUrl, String author,
    boolean offline, boolean preview, Map<String, String> assets, String version) {
  public SiteView {
    assets = Map.copyOf(assets);
  }
}
