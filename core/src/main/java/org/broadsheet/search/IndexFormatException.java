package org.broadsheet.search;

/**
 * The search index was written by a Broadsheet that wrote it differently (an older build without
 * the format in its commit data, or a newer format): searching it would give wrong answers, so
 * every reader refuses it and says to rebuild the site.
 */
public final class IndexFormatException extends IllegalStateException {
  public IndexFormatException(String message) {
    super(message);
  }
}
