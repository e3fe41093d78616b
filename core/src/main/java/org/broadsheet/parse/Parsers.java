package org.broadsheet.parse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.broadsheet.content.Article;
import org.broadsheet.content.IdOrigin;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.source.SourceFile;
import org.broadsheet.source.TextDecoder;

/** Chooses a parser by file kind, reads and decodes the file, and parses it. */
public final class Parsers {
  /**
   * Files that describe other files and are read by the parser of those, not parsed on their own.
   */
  private static final Set<String> METADATA_EXTENSIONS = Set.of("yaml", "yml", "json");

  private final List<ArticleParser> parsers;
  private final ParseContext context;

  public Parsers(List<ArticleParser> parsers, ParseContext context) {
    this.parsers = List.copyOf(parsers);
    this.context = context;
  }

  /** The standard parsers: Markdown with front matter, and plain-text wire copy. */
  public static Parsers standard(ParseContext context) {
    return new Parsers(List.of(new MarkdownParser(), new WireTextParser()), context);
  }

  public ParseContext context() {
    return context;
  }

  /**
   * Where each article's id is written, for {@link org.broadsheet.content.Archive#of(List,
   * Diagnostics, Function)}: reads the article's files below {@code siteDir} again when asked.
   */
  public Function<Article, IdOrigin> idOrigins(Path siteDir) {
    return article -> IdOrigins.find(article, siteDir, context);
  }

  /** What a file under {@code content/} is for. */
  public enum Kind {
    ARTICLE,
    METADATA,
    STATIC
  }

  public Kind kindOf(SourceFile file) {
    if (file.fileName().equals("_metadata.csv") || METADATA_EXTENSIONS.contains(file.extension())) {
      return Kind.METADATA;
    }
    return parserFor(file).isPresent() ? Kind.ARTICLE : Kind.STATIC;
  }

  public Optional<ArticleParser> parserFor(SourceFile file) {
    return parsers.stream().filter(p -> p.accepts(file)).findFirst();
  }

  /** Reads, decodes and parses one article file; empty (with an error diagnostic) when left out. */
  public Optional<Article> parse(SourceFile file, Diagnostics diagnostics) {
    if (parserFor(file).isEmpty()) {
      return parse(file, new byte[0], diagnostics); // says so, without reading the file
    }
    byte[] bytes;
    try {
      bytes = file.readBytes();
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(file.relativePath(), "cannot read: " + e.getMessage()));
      return Optional.empty();
    }
    return parse(file, bytes, diagnostics);
  }

  /** Decodes and parses one article file's {@code bytes}, read by the caller. */
  public Optional<Article> parse(SourceFile file, byte[] bytes, Diagnostics diagnostics) {
    Optional<ArticleParser> parser = parserFor(file);
    if (parser.isEmpty()) {
      diagnostics.add(
          Diagnostic.error(file.relativePath(), "no parser for ." + file.extension() + " files"));
      return Optional.empty();
    }
    if (isBlank(bytes)) {
      diagnostics.add(
          Diagnostic.error(
              file.relativePath(),
              bytes.length == 0
                  ? "empty file; no article"
                  : "file holds only whitespace; no article"));
      return Optional.empty();
    }
    Optional<String> text = TextDecoder.decode(bytes, file.relativePath(), diagnostics);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<Article> article = parser.get().parse(file, text.get(), context, diagnostics);
      Optional<String> badId = article.flatMap(a -> Metadata.idProblem(a.id()));
      if (badId.isPresent()) {
        // front matter and sidecars report their own bad ids; this catches file names and
        // _metadata.csv rows
        diagnostics.add(
            Diagnostic.error(file.relativePath(), "its id " + badId.get() + "; article left out"));
        return Optional.empty();
      }
      return article;
    } catch (RuntimeException e) {
      diagnostics.add(Diagnostic.error(file.relativePath(), "parser failed: " + e));
      return Optional.empty();
    }
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
