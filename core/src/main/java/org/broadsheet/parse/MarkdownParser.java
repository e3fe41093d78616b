package org.broadsheet.parse;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.config.YamlLimits;
import org.broadsheet.config.YamlProblem;
import org.broadsheet.content.Article;
import org.broadsheet.content.Body;
import org.broadsheet.content.Slugs;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.LineMap;
import org.broadsheet.source.SourceFile;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Markdown with YAML front matter: CommonMark plus GFM tables, strikethrough, autolinks, footnotes
 * and heading ids (flexmark). The parser and renderer are built once and shared. Raw HTML is shown
 * as text, and links and images keep only safe addresses ({@link SafeUrls}).
 */
public final class MarkdownParser implements ArticleParser {
  private static final int SUMMARY_LENGTH = 220;
  private static final int TITLE_LENGTH = 90;
  private final Parser parser;
  private final HtmlRenderer renderer;

  public MarkdownParser() {
    MutableDataSet options = options();
    this.parser = LinearInlineParser.install(Parser.builder(options)).build();
    this.renderer =
        HtmlRenderer.builder(options)
            .nodeRendererFactory(PlainTextNodes.factory())
            .attributeProviderFactory(SafeLinks.attributeProviderFactory())
            .build();
  }

  /** flexmark's options: the extensions and how HTML is written. */
  static MutableDataSet options() {
    MutableDataSet options = new MutableDataSet();
    options.set(
        Parser.EXTENSIONS,
        List.of(
            new LazyExtensions.Tables(),
            StrikethroughExtension.create(),
            new LazyExtensions.Autolinks(),
            FootnoteExtension.create(),
            new ThematicBreaks()));
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(
        HtmlRenderer.ESCAPE_HTML, true); // raw HTML is shown as text, as Hugo does by default
    options.set(TablesExtension.CLASS_NAME, "table");
    return options;
  }

  @Override
  public boolean accepts(SourceFile file) {
    return file.extension().equals("md") || file.extension().equals("markdown");
  }

  @Override
  public Optional<Article> parse(
      SourceFile file, String text, ParseContext context, Diagnostics diagnostics) {
    LineMap lines = new LineMap(text);
    Optional<Diagnostic> tooDeep = MarkdownNesting.tooDeep(file.relativePath(), lines);
    if (tooDeep.isPresent()) {
      diagnostics.add(tooDeep.get());
      return Optional.empty();
    }
    try {
      return read(file, text, lines, context, diagnostics);
    } catch (
        StackOverflowError e) { // nesting built over many lines: flexmark recurses once per level
      int line = deepestLine(lines);
      diagnostics.add(
          Diagnostic.error(
              file.relativePath(),
              line,
              1,
              "Markdown nested too deeply to read (quotes or"
                  + " lists inside each other a thousand times or so); article left out",
              lines.lineText(line)));
      return Optional.empty();
    }
  }

  private Optional<Article> read(
      SourceFile file, String text, LineMap lines, ParseContext context, Diagnostics diagnostics) {
    String path = file.relativePath();
    if (!lines.lineText(1).strip().equals("---")) {
      diagnostics.add(
          Diagnostic.error(
              path,
              1,
              1,
              "missing front matter: a Markdown article starts with a '---' line, YAML (at least 'title:'), and another '---'",
              lines.lineText(1)));
      return Optional.empty();
    }
    int close = 0;
    for (int line = 2; line <= lines.lineCount(); line++) {
      String l = lines.lineText(line).stripTrailing();
      if (l.equals("---") || l.equals("...")) {
        close = line;
        break;
      }
    }
    if (close == 0) {
      diagnostics.add(
          Diagnostic.error(
              path,
              1,
              1,
              "front matter is never closed: no '---' line after this one",
              lines.lineText(1)));
      return Optional.empty();
    }
    StringBuilder yaml = new StringBuilder();
    for (int line = 2; line < close; line++) {
      yaml.append(lines.lineText(line)).append('\n');
    }
    if (yaml.length() > YamlLimits.MAX_CHARS) {
      // SnakeYAML needs minutes for a multi-megabyte scalar: refuse before it starts
      diagnostics.add(
          Diagnostic.error(
              path,
              1,
              1,
              YamlLimits.tooLarge("front matter", yaml.length(), "characters")
                  + "; article left out",
              lines.lineText(1)));
      return Optional.empty();
    }
    Map<?, ?> raw;
    try {
      Object loaded = Yamls.load(yaml.toString());
      if (loaded != null && !(loaded instanceof Map)) {
        diagnostics.add(
            Diagnostic.error(
                path,
                2,
                1,
                "front matter must be a YAML mapping of keys to values",
                lines.lineText(2)));
        return Optional.empty();
      }
      raw = loaded == null ? Map.of() : (Map<?, ?>) loaded;
    } catch (MarkedYAMLException e) {
      YamlProblem problem = YamlProblem.of(e); // an unclosed [ or quote: where it was opened
      int line = problem.line() + 2;
      diagnostics.add(
          Diagnostic.error(
              path,
              line,
              problem.column() + 1,
              "broken YAML in front matter: " + problem.message(),
              lines.lineText(line)));
      return Optional.empty();
    } catch (YAMLException e) {
      diagnostics.add(
          Diagnostic.error(
              path, 2, 1, "broken YAML in front matter: " + e.getMessage(), lines.lineText(2)));
      return Optional.empty();
    }
    final int closeLine = close;
    Optional<Metadata> meta =
        Metadata.read(
            raw,
            path,
            context,
            key -> lineOfKey(lines, key, closeLine),
            lines::lineText,
            diagnostics);
    if (meta.isEmpty()) {
      return Optional.empty();
    }
    Metadata m = meta.get();
    int bodyStart = close < lines.lineCount() ? offsetOfLine(text, close + 1) : text.length();
    String markdown = text.substring(bodyStart);
    Body body;
    try {
      body =
          PlainParagraphs.body(markdown)
              .orElseGet(
                  () -> {
                    Document document = parse(markdown);
                    SafeLinks.report(
                        document, path, lines, offset -> bodyStart + offset, diagnostics);
                    return body(document);
                  });
    } catch (BoundedReads.TooManyReads e) {
      int line = Math.min(closeLine + 1, lines.lineCount());
      diagnostics.add(
          Diagnostic.error(
              path,
              line,
              1,
              "Markdown too costly to read: the parser read its characters more than "
                  + BoundedReads.READS_PER_CHAR
                  + " times each (text such as a '[' never closed over many backslashes, or"
                  + " 'www.' thousands of times in a row, makes its patterns try every way to read"
                  + " it); article left out",
              lines.lineText(line)));
      return Optional.empty();
    }
    String title;
    if (m.title().isPresent()) {
      title = m.title().get();
    } else if (!body.text().isBlank()) {
      title = Summaries.lead(body.text(), TITLE_LENGTH);
      diagnostics.add(
          Diagnostic.warning(
              path,
              1,
              1,
              "front matter has no 'title'; using the lead: '" + title + "'",
              lines.lineText(1)));
    } else {
      diagnostics.add(
          Diagnostic.error(
              path, 1, 1, "no title and no body: nothing to publish", lines.lineText(1)));
      return Optional.empty();
    }
    String id = m.id().orElse(file.baseName());
    Optional<JekyllPost> post = JekyllPost.of(file, context.timeZone());
    return Optional.of(
        new Article(
            id,
            m.slug()
                .or(() -> post.map(JekyllPost::slug))
                .map(Slugs::slugify)
                .orElse(Slugs.slugify(file.baseName())),
            title,
            m.summary().orElse(Summaries.lead(body.text(), SUMMARY_LENGTH)),
            m.date().or(() -> post.map(JekyllPost::date)),
            m.updated(),
            m.authors(),
            m.dateline().orElse(""),
            m.section().orElse(""),
            m.tags(),
            m.source().orElse(""),
            m.license().orElse(""),
            m.lang().orElse(context.language()),
            m.draft(),
            path,
            body,
            m.extras(),
            m.image().map(i -> ImageRefs.resolve(i, path))));
  }

  /** The body flexmark makes of {@code markdown} (for tests: no links are checked). */
  Body flexmarkBody(String markdown) {
    return body(parse(markdown));
  }

  /** flexmark's document of {@code markdown}, read within {@link BoundedReads}' bound. */
  private Document parse(String markdown) {
    return parser.parse(BasedSequence.of(new BoundedReads(markdown)));
  }

  private Body body(Document document) {
    return new Body(PlainTextNodes.render(renderer, document), plainText(document));
  }

  /**
   * The body as plain text, for summaries and search. flexmark's collector fails on some input
   * (IllegalStateException "Accumulated range ... overlaps", flexmark-java issue 667; an
   * AssertionError where assertions are on; found by fuzzing): then the text nodes are joined.
   * Footnote references are left out (the HTML is rendered first): their numbers would stick to the
   * word before ("decade1") in summaries, snippets and the index; the notes' own text stays. A
   * heading is ended with a full stop where it ends no sentence ({@link BlockEnds}), so that it
   * does not run into the paragraph after it in a summary or a snippet. Raw HTML is the page's text
   * (it is shown escaped), so it is the plain text's too: a ticker such as {@code <CCI>} in wire
   * copy is found by search and kept in summaries (flexmark's collector leaves HTML nodes out).
   */
  private static String plainText(Node document) {
    List<Node> references = new ArrayList<>();
    List<Heading> headings = new ArrayList<>();
    List<Node> html = new ArrayList<>();
    for (Node node : document.getDescendants()) {
      if (node instanceof Footnote) {
        references.add(node);
      } else if (node instanceof Heading heading) {
        headings.add(heading);
      } else if (node instanceof HtmlInlineBase
          || node instanceof HtmlBlockBase && !(node.getParent() instanceof HtmlBlockBase)) {
        html.add(node);
      }
    }
    references.forEach(Node::unlink);
    for (Node node : html) { // shown as text (ESCAPE_HTML), so it is the article's text too
      Text text = new Text(node.getChars().trimEOL());
      if (node instanceof Block) {
        Paragraph paragraph = new Paragraph();
        paragraph.appendChild(text);
        node.insertBefore(paragraph);
      } else {
        node.insertBefore(text);
      }
      node.unlink();
    }
    for (Heading heading : headings) {
      if (!endsSentence(heading)) {
        heading.appendChild(new Text(BasedSequence.of(BlockEnds.STOP)));
      }
    }
    try {
      return new TextCollectingVisitor().collectAndGetText(document).strip();
    } catch (RuntimeException | AssertionError e) {
      StringBuilder out = new StringBuilder();
      for (Node node : document.getDescendants()) {
        if (node instanceof Block && !out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
          out.append('\n');
        } else if (node instanceof Text || node instanceof SoftLineBreak) {
          out.append(node instanceof Text ? node.getChars() : " ");
        }
      }
      return out.toString().strip();
    }
  }

  /** Whether a heading's text ends a sentence (not known where flexmark's collector fails). */
  private static boolean endsSentence(Heading heading) {
    try {
      return BlockEnds.endsSentence(new TextCollectingVisitor().collectAndGetText(heading));
    } catch (RuntimeException | AssertionError e) {
      return false;
    }
  }

  /**
   * The line that opens the most quotes and lists (or is indented most): where deep nesting is
   * written.
   */
  private static int deepestLine(LineMap lines) {
    int deepest = 1;
    int most = -1;
    for (int line = 1; line <= lines.lineCount(); line++) {
      String l = lines.lineText(line);
      int n = 0;
      while (n < l.length() && " \t>-*+.)0123456789".indexOf(l.charAt(n)) >= 0) {
        n++;
      }
      if (n > most) {
        most = n;
        deepest = line;
      }
    }
    return deepest;
  }

  static int lineOfKey(LineMap lines, String key, int closeLine) {
    for (int line = 2; line < closeLine; line++) {
      String l = lines.lineText(line);
      if (l.startsWith(key) && l.substring(key.length()).stripLeading().startsWith(":")) {
        return line;
      }
    }
    return 0;
  }

  private static int offsetOfLine(String text, int line) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', offset);
      if (nl < 0) {
        return text.length();
      }
      offset = nl + 1;
    }
    return offset;
  }
}
