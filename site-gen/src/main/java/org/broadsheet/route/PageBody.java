package org.broadsheet.route;

import java.util.Objects;
import org.broadsheet.content.Body;

/**
 * What an article page shows of the body: its HTML and its word count (for the reading time). The
 * plain text is for the index and is not kept this far.
 */
public record PageBody(String html, int words) {
  public PageBody {
    Objects.requireNonNull(html, "html");
  }

  public static PageBody of(Body body) {
    return new PageBody(body.html(), body.wordCount());
  }
}
