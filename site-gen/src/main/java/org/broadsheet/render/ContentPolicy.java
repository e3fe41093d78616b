package org.broadsheet.render;

/**
 * The Content-Security-Policy every page is published and served under. Static hosts send no headers,
 * so built pages carry it in a {@code <meta http-equiv>}; the preview and archive servers also send it
 * as a header (with the directives a meta element cannot carry).
 *
 * <p>Scripts come only from the site itself ({@code 'self'}, no inline script, no eval); WebAssembly
 * compilation is allowed for the Lucene runtime ({@code 'wasm-unsafe-eval'}).
 */
public final class ContentPolicy {
  /** The policy for a {@code <meta http-equiv="Content-Security-Policy">} element. */
  public static final String META = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

  /** The policy as an HTTP header: the meta policy plus what only a header can say. */
  public static final String HEADER = META + "; frame-ancestors 'self'";

  private ContentPolicy() {}
}
