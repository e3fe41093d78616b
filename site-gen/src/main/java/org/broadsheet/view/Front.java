package org.broadsheet.view;

import java.util.List;

/**
 * The front page's news layout, above its list: the lead story, the top stories beside it, a block
 * per section, and the latest story of the busiest tags.
 *
 * @param lead the lead: the newest story with a picture among the first few, else the newest; null
 *     on an empty site
 * @param top the next stories, beside the lead
 * @param latest the rest of the first page, newest first
 * @param sections one block per section, the section with the newest story first; empty when the
 *     site has fewer than two sections (one block would repeat the latest list)
 * @param tags the busiest tags, each with its newest story
 */
public record Front(
    Card lead, List<Card> top, List<Card> latest, List<Block> sections, List<TagStory> tags) {
  public Front {
    top = List.copyOf(top);
    latest = List.copyOf(latest);
    sections = List.copyOf(sections);
    tags = List.copyOf(tags);
  }

  /** A section and its newest stories. */
  public record Block(Link section, List<Card> cards) {
    public Block {
      cards = List.copyOf(cards);
    }
  }

  /** A tag and its newest story. */
  public record TagStory(Link tag, Card card) {}
}
