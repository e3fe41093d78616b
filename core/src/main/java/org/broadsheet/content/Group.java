package org.broadsheet.content;

import java.util.List;

/** Articles sharing one tag, section, author or source, newest first. */
public record Group(String name, String slug, List<Article> articles) {
  public Group {
    articles = List.copyOf(articles);
  }
}
