package org.broadsheet.parse;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * flexmark's GFM autolink and table extensions, with the same output, that skip the text which
 * cannot hold what they look for. Prose has neither, and flexmark's own versions still cost the
 * most of a parse: the autolink extension runs a regex and a link scanner over every text node (two
 * thirds of the parse of a 6 KB story), and the tables extension compiles its regex for every
 * document.
 */
final class LazyExtensions {
  private LazyExtensions() {}

  /**
   * The document's text from a node's start to its end: its characters, and the indents that a
   * paragraph's lines leave out. Read as a String, because flexmark's own sequences for text over
   * several lines take a tree lookup per character.
   */
  private static String span(BasedSequence chars) {
    String document = BoundedReads.documentOf(chars);
    return document != null
        ? document.substring(chars.getStartOffset(), chars.getEndOffset())
        : chars.toString();
  }

  /**
   * GFM autolinks (flexmark-ext-autolink), run only on text nodes that hold {@code @}, {@code ://}
   * or {@code www.}: its link scanner (autolink-java) starts a URL only at {@code ://}, a bare
   * domain only at {@code www.} and an e-mail address only at {@code @}, and its own pattern for a
   * bare scheme needs {@code ://} too. It reads the text with backslash escapes and entities
   * resolved ({@code \:}, {@code &#64;}), so a node holding {@code \} or {@code &} is always passed
   * on, and so is a node followed by an entity or typographic text, which it reads as one text with
   * the nodes after it ({@code mail&amp;desk@example.org} is one address).
   */
  static final class Autolinks implements Parser.ParserExtension {
    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
      builder.postProcessorFactory(
          new NodePostProcessorFactory(false) {
            {
              addNodes(Text.class);
            }

            @Override
            public NodePostProcessor apply(Document document) {
              return new NodePostProcessor() {
                private AutolinkNodePostProcessor autolinks;

                @Override
                public void process(NodeTracker state, Node node) {
                  Node next = node.getNext();
                  if (next instanceof HtmlEntity
                      || next instanceof TypographicText
                      || mayHoldLink(node.getChars())) {
                    if (autolinks == null) {
                      autolinks = new AutolinkNodePostProcessor(document);
                    }
                    autolinks.process(state, node);
                  }
                }
              };
            }
          });
    }

    static boolean mayHoldLink(BasedSequence text) {
      String span = span(text);
      return span.indexOf('@') >= 0
          || span.indexOf('\\') >= 0
          || span.indexOf('&') >= 0
          || span.contains("://")
          || span.contains("www.");
    }
  }

  /**
   * GFM tables (flexmark-ext-tables), whose paragraph pre-processor is built (regex and all) only
   * for the first paragraph that holds a {@code |}: a table's header separator needs one, and
   * flexmark's pre-processor leaves a paragraph alone when its first line has none.
   */
  static final class Tables implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
    private final TablesExtension tables = TablesExtension.create();

    @Override
    public void parserOptions(MutableDataHolder options) {
      tables.parserOptions(options);
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
      tables.rendererOptions(options);
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
      tables.extend(builder, rendererType);
    }

    @Override
    public void extend(Parser.Builder builder) {
      ParagraphPreProcessorFactory flexmarks = TableParagraphPreProcessor.Factory();
      builder.paragraphPreProcessorFactory(
          new ParagraphPreProcessorFactory() {
            @Override
            public ParagraphPreProcessor apply(ParserState state) {
              return new ParagraphPreProcessor() {
                private ParagraphPreProcessor table;

                @Override
                public int preProcessBlock(Paragraph paragraph, ParserState state) {
                  if (span(paragraph.getChars()).indexOf('|') < 0) {
                    return 0;
                  }
                  if (table == null) {
                    table = flexmarks.apply(state);
                  }
                  return table.preProcessBlock(paragraph, state);
                }
              };
            }

            @Override
            public boolean affectsGlobalScope() {
              return flexmarks.affectsGlobalScope();
            }

            @Override
            public Set<Class<?>> getAfterDependents() {
              return flexmarks.getAfterDependents();
            }

            @Override
            public Set<Class<?>> getBeforeDependents() {
              return flexmarks.getBeforeDependents();
            }
          });
    }
  }
}
