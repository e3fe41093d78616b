package org.broadsheet.serve;

import org.broadsheet.render.ContentPolicy;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The headers every response carries, pages, assets, the search API, redirects and errors alike:
 * the site's {@link ContentPolicy#HEADER Content-Security-Policy} (scripts from the site only, no
 * inline script, WebAssembly allowed), {@code X-Content-Type-Options: nosniff} (a text file in an
 * archive is never run as a script or page), and {@code Referrer-Policy:
 * strict-origin-when-cross-origin}: a site the archive links to learns which server sent the
 * reader, never which article (or which draft, in the preview) they were reading.
 */
final class SecurityHeaders {
  private static final HttpField POLICY =
      new HttpField("Content-Security-Policy", ContentPolicy.HEADER);
  private static final HttpField NOSNIFF = new HttpField("X-Content-Type-Options", "nosniff");
  private static final HttpField REFERRER =
      new HttpField("Referrer-Policy", "strict-origin-when-cross-origin");

  private SecurityHeaders() {}

  static void addTo(HttpFields.Mutable headers) {
    headers.put(POLICY);
    headers.put(NOSNIFF);
    headers.put(REFERRER);
  }

  /** Adds the headers before {@code next} answers. */
  static Handler around(Handler next) {
    return new Handler.Wrapper(next) {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        addTo(response.getHeaders());
        return super.handle(request, response, callback);
      }
    };
  }

  /**
   * Jetty's error pages without stack traces or messages in titles, with the headers too: they also
   * answer requests that never reach a handler (a malformed request line, oversized headers).
   */
  static ErrorHandler errorHandler() {
    ErrorHandler errors =
        new ErrorHandler() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            addTo(response.getHeaders());
            return super.handle(request, response, callback);
          }
        };
    errors.setShowStacks(false);
    errors.setShowMessageInTitle(false);
    return errors;
  }
}
