package org.broadsheet.render;

/**
 * The Content-Security-Policy every page is published and served under. Static hosts send no
 * headers, so built pages carry it in a {@code <meta http-equiv>}; the preview and archive servers
 * also send it as a header (with the directives a meta element cannot carry).
 *
 * <p>Scripts come only from the site itself ({@code 'self'}, which in Chromium also matches the
 * site's own files when it is opened from {@code file://}); no inline script, no inline event
 * handler, no {@code javascript:} URL, on any page. WebAssembly compilation is allowed for the
 * Lucene runtime ({@code 'wasm-unsafe-eval'}).
 *
 * <p>The search page alone also allows {@code 'unsafe-eval'}: TeaVM's WasmGC loader ({@code
 * search/runtime/wasm-gc-runtime.js}) builds its Java-JavaScript glue with {@code new
 * Function(...)}, and without it the runtime does not start. That page shows no article text, only
 * search results that {@code search.js} writes as escaped text, and inline script stays forbidden
 * there too. Article pages, which carry the scraped text, keep the policy without eval.
 */
public final class ContentPolicy {
  private static final String SCRIPTS = "script-src 'self' 'wasm-unsafe-eval'";
  private static final String OTHERS =
      "style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
          + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

  /**
   * The policy for a {@code <meta http-equiv="Content-Security-Policy">} element of every page but
   * search.
   */
  public static final String META = "default-src 'self'; " + SCRIPTS + "; " + OTHERS;

  /** The search page's meta policy: {@link #META} plus the eval TeaVM's WasmGC loader needs. */
  public static final String SEARCH_META =
      "default-src 'self'; " + SCRIPTS + " 'unsafe-eval'; " + OTHERS;

  /**
   * The policy as an HTTP header: what only a header can say, on top of the search page's policy. A
   * browser enforces header and meta both, so every other page stays as strict as its meta.
   */
  public static final String HEADER = SEARCH_META + "; frame-ancestors 'self'";

  private ContentPolicy() {}
}
