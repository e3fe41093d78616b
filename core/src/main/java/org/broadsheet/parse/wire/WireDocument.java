package org.broadsheet.parse.wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the text of a wire story holds, before any metadata from outside it is applied.
 *
 * @param dateline the opening dateline, if any
 * @param briefHeadline the headline of a wire "brief" ({@code ******FED SETS ...}), or empty
 * @param footer what was taken off the end (licence, sign-off, credit line)
 * @param blocks the body: paragraphs, subheadings and preformatted blocks
 * @param controlCharacters how many stray control characters were dropped or made line breaks
 */
public record WireDocument(Optional<Dateline> dateline, String briefHeadline, Footer footer, List<Block> blocks,
    int controlCharacters) {
  public WireDocument {
    Objects.requireNonNull(dateline, "dateline");
    Objects.requireNonNull(briefHeadline, "briefHeadline");
    Objects.requireNonNull(footer, "footer");
    blocks = List.copyOf(blocks);
  }

  /** The first block's text (the first line of a table); empty when there is no body. */
  public String lead() {
    if (blocks.isEmpty()) {
      return "";
    }
    Block first = blocks.get(0);
    return first.kind() == Block.Kind.PREFORMATTED ? first.text().lines().findFirst().orElse("").strip() : first.text();
  }

  public long count(Block.Kind kind) {
    return blocks.stream().filter(b -> b.kind() == kind).count();
  }
}
