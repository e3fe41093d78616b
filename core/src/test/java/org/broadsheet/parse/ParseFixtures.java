package org.broadsheet.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.source.SourceFile;

/** Writes a file into a temporary site and parses it the way a build does, or parses text. */
final class ParseFixtures {
  static final ParseContext UTC = new ParseContext(ZoneId.of("UTC"), "en");

  private ParseFixtures() {}

  static Optional<Article> parse(Path site, String name, String text, Diagnostics diagnostics)
      throws IOException {
    return parse(site, name, text.getBytes(StandardCharsets.UTF_8), diagnostics);
  }

  /** Parses {@code text} as the Markdown file {@code content/name}, without writing it. */
  static Optional<Article> markdown(String name, String text, Diagnostics diagnostics) {
    Path file = Path.of("content", name);
    return new MarkdownParser()
        .parse(new SourceFile("content/" + name, file), text, UTC, diagnostics);
  }

  static Optional<Article> parse(Path site, String name, byte[] bytes, Diagnostics diagnostics)
      throws IOException {
    Path file = site.resolve("content").resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return Parsers.standard(UTC).parse(new SourceFile("content/" + name, file), diagnostics);
  }
}
