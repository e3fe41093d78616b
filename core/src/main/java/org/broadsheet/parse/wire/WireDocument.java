package org.broadsheet.parse.wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the text of a wire story holds, before any metadata from outside it is applied.
 *
 * @param dateline the opening dateline, if any
 * @param briefHeadline the headline of a wire "brief" ({@code ******FED SETS ...}), or empty
 * @param byline the writers named by a {@code By ...} line at the top, or none
 * @param footer what was taken off the end (licence, sign-off, credit line)
 * @param blocks the body: paragraphs, subheadings and preformatted blocks
 * @param controlCharacters how many stray control characters were dropped or made line breaks
 */
public record WireDocument(
    Optional<Dateline> dateline,
    String briefHeadline,
    List<String> byline,
    Footer footer,
    List<Block> blocks,
    int controlCharacters) {
  public WireDocument {
    Objects.requireNonNull(dateline, "dateline");
    Objects.requireNonNull(briefHeadline, "briefHeadline");
    byline = List.copyOf(byline);
    Objects.requireNonNull(footer, "footer");
    blocks = List.copyOf(blocks);
  }

  /** The first block's text (a table's first cell run); empty when there is no body. */
  public String lead() {
    if (blocks.isEmpty()) {
      return "";
    }
    Block first = blocks.get(0);
    if (first.kind() != Block.Kind.PREFORMATTED) {
      return first.text();
    }
    String line =
        first.text().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    int gap = line.indexOf("   ");
    return gap > 0 ? line.substring(0, gap) : line;
  }

  /** The writers: the byline's, else the credit line's. */
  public List<String> authors() {
    return byline.isEmpty() ? footer.authors() : byline;
  }

  public long count(Block.Kind kind) {
    return blocks.stream().filter(b -> b.kind() == kind).count();
  }
}
