package org.broadsheet.parse;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * flexmark's thematic breaks ({@code ---}, {@code * * *}, {@code ___}), found by a scan of the line
 * instead of flexmark's pattern, which the JDK's regex engine matches by recursing once per mark: a
 * separator line of some 2,000 dashes (scraped text has them) overflowed the stack, and the article
 * was refused as "nested too deeply". The same lines start the same blocks, in the same place among
 * the other block parsers, with flexmark's own {@link ThematicBreakParser}.
 */
final class ThematicBreaks implements Parser.ParserExtension {
  @Override
  public void parserOptions(MutableDataHolder options) {
    options.set(Parser.THEMATIC_BREAK_PARSER, false); // this one instead
  }

  @Override
  public void extend(Parser.Builder builder) {
    builder.customBlockParserFactory(new Factory());
  }

  /**
   * Whether {@code line} from {@code start} is a thematic break as flexmark's pattern {@code
   * ^(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})[ \t]*$} has it: one of {@code *}, {@code
   * _}, {@code -} first, three times or more, and nothing else but spaces and tabs.
   */
  static boolean isBreak(CharSequence line, int start) {
    int n = line.length();
    if (start >= n) {
      return false;
    }
    char mark = line.charAt(start);
    if (mark != '*' && mark != '_' && mark != '-') {
      return false;
    }
    int marks = 0;
    for (int i = start; i < n; i++) {
      char c = line.charAt(i);
      if (c == mark) {
        marks++;
      } else if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return marks >= 3;
  }

  /**
   * In flexmark's order: after quotes, headings, fences and HTML; before lists and indented code.
   */
  static final class Factory implements CustomBlockParserFactory {
    @Override
    public Set<Class<?>> getAfterDependents() {
      return Set.of(
          BlockQuoteParser.Factory.class,
          HeadingParser.Factory.class,
          FencedCodeBlockParser.Factory.class,
          HtmlBlockParser.Factory.class);
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return Set.of(ListBlockParser.Factory.class, IndentedCodeBlockParser.Factory.class);
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
      return new Starts(options);
    }
  }

  /** flexmark's {@code ThematicBreakParser.BlockFactory}, the pattern aside. */
  private static final class Starts extends AbstractBlockParserFactory {
    private final boolean relaxedStart;

    Starts(DataHolder options) {
      super(options);
      this.relaxedStart = Parser.THEMATIC_BREAK_RELAXED_START.get(options);
    }

    @Override
    public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
      if (state.getIndent() >= 4 || matched.getBlockParser().isParagraphParser() && !relaxedStart) {
        return BlockStart.none();
      }
      BasedSequence line = state.getLine();
      if (!isBreak(line, state.getNextNonSpaceIndex())) {
        return BlockStart.none();
      }
      BlockParser parser = new ThematicBreakParser(line.subSequence(state.getIndex()));
      return BlockStart.of(parser).atIndex(line.length());
    }
  }
}
