package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.source.SourceFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link ArticleParser} promises, checked on good, odd and hostile input: it never
 * throws; an empty result comes with an error diagnostic; an article has its required fields and
 * the file's path; the same input gives the same article. (Plain text must also come out escaped;
 * Markdown may carry raw HTML by design.)
 */
class ArticleParserContractTest {
  private static final ParseContext CONTEXT = new ParseContext(ZoneId.of("UTC"), "en");

  static Stream<Arguments> parsersAndInputs() {
    List<String> inputs =
        List.of(
            "TEHRAN — A plain story.\u00a0 With a second paragraph.",
            "---\ntitle: A Markdown story\ndate: 2024-01-02\n---\nBody with <script>alert(1)</script> & more.\n",
            "---\ntitle: [unclosed\n---\nbody",
            "<script>alert('x')</script> \"quoted\" & 'single' <b>bold</b>",
            "TEHRAN —",
            " Reuter",
            "\u00a0\u00a0\u00a0",
            "x".repeat(100_000),
            "word. ".repeat(20_000),
            "A\tB\tC\n1\t2\t3\n",
            "\u0001\u0002\u0003 control \u007f",
            "   \n\n\n   Indented only\n");
    List<ArticleParser> parsers = List.of(new MarkdownParser(), new WireTextParser());
    return parsers.stream().flatMap(p -> inputs.stream().map(i -> Arguments.of(p, i)));
  }

  @ParameterizedTest
  @MethodSource("parsersAndInputs")
  void parserNeverThrowsAndExplainsEveryLeftOutArticle(
      ArticleParser parser, String text, @TempDir Path dir) throws IOException {
    SourceFile file = fileFor(parser, dir, text);
    assertTrue(parser.accepts(file), "accepts its own kind of file");
    Diagnostics diagnostics = new Diagnostics();
    Optional<Article> article = parser.parse(file, text, CONTEXT, diagnostics);
    if (article.isEmpty()) {
      assertTrue(diagnostics.hasErrors(), "a left-out article comes with an error diagnostic");
      return;
    }
    Article a = article.get();
    assertFalse(a.id().isBlank());
    assertFalse(a.title().isBlank());
    assertFalse(a.slug().isBlank());
    assertNotNull(a.date());
    assertEquals(file.relativePath(), a.sourcePath());
    if (parser instanceof WireTextParser) {
      assertFalse(
          a.body().html().contains("<script>"), "plain text is escaped: " + a.body().html());
    }
    assertEquals(
        a, parser.parse(file, text, CONTEXT, new Diagnostics()).orElseThrow(), "deterministic");
  }

  @ParameterizedTest
  @MethodSource("parsersAndInputs")
  void parserRejectsOtherKindsOfFile(ArticleParser parser, String ignored, @TempDir Path dir) {
    SourceFile other = new SourceFile("content/picture.png", dir.resolve("picture.png"));
    assertFalse(parser.accepts(other));
  }

  private static SourceFile fileFor(ArticleParser parser, Path dir, String text)
      throws IOException {
    String name = parser instanceof MarkdownParser ? "story.md" : "story.txt";
    Path path = dir.resolve(name);
    Files.writeString(path, text, StandardCharsets.UTF_8);
    return new SourceFile("content/" + name, path);
  }
}
