package org.broadsheet.web.index;

/**
 * Thrown when Lucene reads a byte the browser has not loaded yet. Unchecked on purpose: it must
 * pass through Lucene's IOException handling untouched. The missing pages themselves are recorded
 * in the {@link PageStore}, so it does not matter if Lucene wraps or suppresses this exception on
 * its way out.
 */
public final class PageMissingException extends RuntimeException {
  static final PageMissingException INSTANCE = new PageMissingException();

  private PageMissingException() {
    super("index page not loaded yet", null, false, false);
  }
}
