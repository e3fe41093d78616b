package org.broadsheet.parse;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser, but for how a pattern's match is taken: flexmark asks the matcher for
 * {@code toMatchResult()}, which on Java 17 copies the whole text being parsed (the paragraph) into
 * a String, at every match. A link matches a few patterns (the destination, the spaces around it),
 * so a paragraph of n links was copied some 3n times: 2,000 short links on one line were read more
 * than {@value BoundedReads#READS_PER_CHAR} times a character and the article was refused. Here the
 * match's ends come from the matcher itself: the same matches, the same nodes.
 */
final class LinearInlineParser extends InlineParserImpl {
  /**
   * {@code builder} with this inline parser. flexmark leaves out its reference definitions ({@code
   * [a]: /url}) for any inline parser but its own, so they are added back, as its own setting
   * ({@link Parser#REFERENCE_PARAGRAPH_PRE_PROCESSOR}) has them.
   */
  static Parser.Builder install(Parser.Builder builder) {
    builder.customInlineParserFactory(LinearInlineParser::new);
    if (Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR.get(builder)) {
      builder.paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
    }
    return builder;
  }

  LinearInlineParser(
      DataHolder options,
      BitSet specialCharacters,
      BitSet delimiterCharacters,
      Map<Character, DelimiterProcessor> delimiterProcessors,
      LinkRefProcessorData linkRefProcessors,
      List<InlineParserExtensionFactory> inlineParserExtensions) {
    super(
        options,
        specialCharacters,
        delimiterCharacters,
        delimiterProcessors,
        linkRefProcessors,
        inlineParserExtensions);
  }

  @Override
  public BasedSequence match(Pattern re) {
    Matcher matcher = found(re);
    return matcher == null ? null : input.subSequence(matcher.start(), matcher.end());
  }

  @Override
  public BasedSequence[] matchWithGroups(Pattern re) {
    Matcher matcher = found(re);
    if (matcher == null) {
      return null;
    }
    BasedSequence[] groups = new BasedSequence[matcher.groupCount() + 1];
    for (int i = 0; i < groups.length; i++) {
      int start = matcher.start(i); // -1: the group took no part, as group(i) == null
      groups[i] = start < 0 ? null : input.subSequence(start, matcher.end(i));
    }
    return groups;
  }

  /** The matcher after a match found from {@code index} (moved past it), else null. */
  private Matcher found(Pattern re) {
    if (index >= input.length()) {
      return null;
    }
    Matcher matcher = re.matcher(input);
    matcher.region(index, input.length());
    if (!matcher.find()) {
      return null;
    }
    index = matcher.end();
    return matcher;
  }
}
