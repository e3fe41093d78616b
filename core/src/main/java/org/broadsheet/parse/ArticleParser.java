package org.broadsheet.parse;

import java.util.Optional;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.source.SourceFile;

/**
 * Turns one decoded source file into an article. Implementations are stateless after construction
 * and safe to call from many threads.
 */
public interface ArticleParser {

  /** Whether this parser reads files like {@code file} (by extension). */
  boolean accepts(SourceFile file);

  /**
   * Parses {@code text}, the decoded content of {@code file}. Every problem goes to {@code
   * diagnostics} with its position; an empty result means the article is left out, and then at
   * least one error diagnostic says why.
   */
  Optional<Article> parse(
      SourceFile file, String text, ParseContext context, Diagnostics diagnostics);
}
