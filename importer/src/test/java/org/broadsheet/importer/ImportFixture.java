package org.broadsheet.importer;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.Severity;
import org.broadsheet.parse.MarkdownParser;
import org.broadsheet.parse.ParseContext;
import org.broadsheet.source.SourceFile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The hand-written samples under src/test/resources/import/, and reading what was imported. */
final class ImportFixture {
  private static final MarkdownParser PARSER = new MarkdownParser();
  private static final ParseContext CONTEXT = new ParseContext(ZoneId.of("UTC"), "en");

  private ImportFixture() {}

  /**
   * What a build reads in {@code text} as {@code content/<name>} (the file {@code file}), as it
   * parses an imported article: the article, or empty with the reason in {@code diagnostics}.
   */
  static Optional<Article> built(String name, Path file, String text, Diagnostics diagnostics) {
    return PARSER.parse(new SourceFile("content/" + name, file), text, CONTEXT, diagnostics);
  }

  static Path sample(String relative) {
    try {
      return Path.of(ImportFixture.class.getResource("/import/" + relative).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Importer.Result run(Path into, String... samples) throws IOException {
    return Importer.run(
        Stream.of(samples).map(ImportFixture::sample).toList(), into, sample(""), "auto");
  }

  /** An imported article: its front matter and its body. */
  record Imported(Map<String, Object> front, String body) {
    @SuppressWarnings("unchecked")
    Map<String, Object> imported() {
      return (Map<String, Object>) front.get("imported");
    }

    Object get(String key) {
      return front.get(key);
    }
  }

  static Imported article(Path into, String id) throws IOException {
    String text = Files.readString(into.resolve(ArticleFiles.fileName(id)));
    int close = text.indexOf("\n---\n", 4);
    Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(text.substring(4, close));
    @SuppressWarnings("unchecked")
    Map<String, Object> front = (Map<String, Object>) yaml;
    return new Imported(front, text.substring(close + 5));
  }

  static List<Diagnostic> of(Importer.Result r, Severity severity) {
    return r.diagnostics().stream().filter(d -> d.severity() == severity).toList();
  }

  static long files(Path into) throws IOException {
    try (Stream<Path> s = Files.list(into)) {
      return s.count();
    }
  }
}
