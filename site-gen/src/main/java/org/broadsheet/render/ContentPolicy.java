package org.broadsheet.render;

/**
 * The Content-Security-Policy every page is published and served under. Static hosts send no
 * headers, so built pages carry it in a {@code <meta http-equiv>}; the preview and archive servers
 * also send it as a header (with the directives a meta element cannot carry).
 *
 * <p>Scripts come only from the site itself ({@code 'self'}, which in Chromium also matches the
 * site's own files when it is opened from {@code file://}); no inline script, no inline event
 * handler, no {@code javascript:} URL, no eval, on any page. WebAssembly compilation is allowed for
 * the Lucene runtime ({@code 'wasm-unsafe-eval'}). The search page needs nothing more: Broadsheet's
 * WasmGC loader ({@code search/runtime/wasm-gc-runtime.js}) builds its Java-JavaScript glue without
 * eval (TeaVM's own loader, shipped until session 28, needed {@code 'unsafe-eval'} there).
 */
public final class ContentPolicy {
  private static final String SCRIPTS = "script-src 'self' 'wasm-unsafe-eval'";
  private static final String OTHERS =
      "style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
          + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

  /**
   * The policy for the {@code <meta http-equiv="Content-Security-Policy">} element of every page.
   */
  public static final String META = "default-src 'self'; " + SCRIPTS + "; " + OTHERS;

  /** The policy as an HTTP header: {@link #META} and what only a header can say. */
  public static final String HEADER = META + "; frame-ancestors 'self'";

  private ContentPolicy() {}
}
