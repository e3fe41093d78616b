package org.broadsheet.parse.wire;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.broadsheet.content.Body;
import org.broadsheet.content.Slugs;
import org.broadsheet.parse.BlockEnds;
import org.broadsheet.parse.Html;

/**
 * Blocks to the two body forms: HTML ({@code <p>}, {@code <h2 id>}, {@code <pre>}) and plain text,
 * where a heading ends with a full stop unless it ends a sentence ({@link BlockEnds}).
 */
public final class BodyRenderer {
  private BodyRenderer() {}

  public static Body render(List<Block> blocks) {
    int length = 0;
    for (Block b : blocks) {
      length += b.text().length() + 2;
    }
    StringBuilder html =
        new StringBuilder(length + length / 8 + 16 * blocks.size()); // room for tags and entities
    StringBuilder text = new StringBuilder(length);
    Set<String> ids = new HashSet<>();
    Map<String, Integer> next = new HashMap<>();
    for (Block b : blocks) {
      switch (b.kind()) {
        case PARAGRAPH -> Html.escapeTo(html.append("<p>"), b.text()).append("</p>\n");
        case HEADING ->
            Html.escapeTo(
                    html.append("<h2 id=\"").append(uniqueId(b.text(), ids, next)).append("\">"),
                    b.text())
                .append("</h2>\n");
        case PREFORMATTED -> Html.escapeTo(html.append("<pre>"), b.text()).append("</pre>\n");
      }
      text.append(text.length() > 0 ? "\n\n" : "")
          .append(b.kind() == Block.Kind.HEADING ? BlockEnds.closed(b.text()) : b.text());
    }
    return new Body(html.toString(), text.toString());
  }

  /**
   * {@code base}, then {@code base-2}, {@code base-3}...: the counter per base keeps this linear.
   */
  private static String uniqueId(String heading, Set<String> ids, Map<String, Integer> next) {
    String slug = Slugs.slugify(heading);
    String base = slug.isEmpty() ? "section" : slug;
    String id = base;
    while (!ids.add(id)) {
      int n = next.merge(base, 1, Integer::sum) + 1;
      id = base + "-" + n;
    }
    return id;
  }
}
