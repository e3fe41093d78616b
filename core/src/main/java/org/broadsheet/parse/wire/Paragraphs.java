package org.broadsheet.parse.wire;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.parse.wire.Lines.Kind;
import org.broadsheet.parse.wire.Lines.Line;

/**
 * Splits a body into paragraphs and preformatted blocks, whichever convention the scraper or the
 * wire used:
 *
 * <ul>
 *   <li>blank-line separated paragraphs;
 *   <li>hard-wrapped lines near 60 columns with each paragraph opened by an indent (Reuters): the
 *       text is "wrapped" when its lines are short and most of them do not end a sentence; without
 *       indents, a line that ends a sentence well short of the wrap width ends its paragraph;
 *   <li>one paragraph per line (an unwrapped text): each line stands alone, unless it starts in
 *       lower case and so continues the line before;
 *   <li>paragraphs glued into one line with {@code U+00A0} + space runs (the seed): any run of
 *       white space of two or more characters holding an NBSP is a paragraph break.
 * </ul>
 *
 * Table lines (columns of figures separated by runs of spaces) and runs of short one-line
 * paragraphs of figures ({@code Shr 1.11 dlrs vs 1.04 dlrs}) become preformatted blocks.
 */
final class Paragraphs {
  private static final int WRAP_WIDTH = 100;

  /**
   * In unwrapped text, a line this long that ends mid-sentence was broken by a scraper, not ended.
   */
  private static final int HARD_BREAK = 60;

  private Paragraphs() {}

  static List<Block> split(String text, int start, int end, int firstLine) {
    List<Line> lines = Lines.of(text, start, end, firstLine);
    boolean wrapped = isWrapped(lines);
    int width = wrapped ? typicalWidth(lines) : 0;
    List<Draft> drafts = new ArrayList<>();
    Draft current = null;
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      if (line.kind() == Kind.BLANK) {
        current = null;
        continue;
      }
      if (line.kind() == Kind.TABLE || Lines.isRule(line.content()) && nextToTable(lines, i)) {
        if (current == null || !current.table) {
          current = new Draft(line, true);
          drafts.add(current);
        } else {
          current.add(line);
        }
        continue;
      }
      if (current == null || current.table || startsParagraph(current, line, wrapped, width)) {
        current = new Draft(line, false);
        drafts.add(current);
      } else {
        current.add(line);
      }
    }
    return toBlocks(drafts);
  }

  private static boolean startsParagraph(Draft current, Line line, boolean wrapped, int width) {
    String prev = current.last().content();
    if (wrapped) {
      boolean shortLast =
          endsSentence(prev) && prev.length() * 4 < width * 3; // broke early: a paragraph ended
      return line.indent() >= 2 || line.text().startsWith("\t") || shortLast;
    }
    char first = line.content().charAt(0);
    boolean continues =
        !endsSentence(prev) && (Character.isLowerCase(first) || prev.length() > HARD_BREAK);
    return !continues;
  }

  /** Short lines, most of which do not end a sentence: hard-wrapped prose. */
  static boolean isWrapped(List<Line> lines) {
    int prose = 0;
    int longLines = 0;
    int pairs = 0;
    int sentenceEnds = 0;
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      if (line.kind() != Kind.PROSE) {
        continue;
      }
      prose++;
      longLines += line.content().length() > WRAP_WIDTH ? 1 : 0;
      if (i + 1 < lines.size() && lines.get(i + 1).kind() == Kind.PROSE) {
        pairs++;
        sentenceEnds += endsSentence(line.content()) ? 1 : 0;
      }
    }
    return prose >= 2 && longLines * 10 <= prose && pairs > 0 && sentenceEnds * 10 < pairs * 6;
  }

  /** The median length of the prose lines: the width the text was wrapped at. */
  private static int typicalWidth(List<Line> lines) {
    int[] lengths =
        lines.stream()
            .filter(l -> l.kind() == Kind.PROSE)
            .mapToInt(l -> l.content().length())
            .sorted()
            .toArray();
    return lengths.length == 0 ? 0 : lengths[lengths.length / 2];
  }

  static boolean endsSentence(String s) {
    int i = s.length() - 1;
    while (i > 0 && Sentences.isClosing(s.charAt(i))) {
      i--;
    }
    char c = i >= 0 ? s.charAt(i) : ' ';
    return c == '.' || c == '!' || c == '?' || c == ':';
  }

  private static boolean nextToTable(List<Line> lines, int i) {
    return i > 0 && lines.get(i - 1).kind() == Kind.TABLE
        || i + 1 < lines.size() && lines.get(i + 1).kind() == Kind.TABLE;
  }

  private static List<Block> toBlocks(List<Draft> drafts) {
    List<Block> blocks = new ArrayList<>();
    List<Draft> figures = new ArrayList<>();
    for (Draft d : drafts) {
      if (!d.table && d.isFigureLine()) {
        figures.add(d);
        continue;
      }
      flushFigures(figures, blocks);
      if (d.table) {
        blocks.add(Block.preformatted(d.layout(), d.lines.get(0).number()));
      } else {
        Glue.split(d.joined(), d.lines.get(0).number(), blocks);
      }
    }
    flushFigures(figures, blocks);
    return blocks;
  }

  /** Two or more one-line paragraphs of figures in a row are a table; one alone is a paragraph. */
  private static void flushFigures(List<Draft> figures, List<Block> blocks) {
    if (figures.size() >= 2) {
      StringBuilder sb = new StringBuilder();
      for (Draft d : figures) {
        sb.append(sb.length() > 0 ? "\n" : "").append(d.last().content());
      }
      blocks.add(Block.preformatted(sb.toString(), figures.get(0).lines.get(0).number()));
    } else {
      for (Draft d : figures) {
        Glue.split(d.joined(), d.lines.get(0).number(), blocks);
      }
    }
    figures.clear();
  }

  /** Lines on their way to becoming one block. */
  private static final class Draft {
    final boolean table;
    final List<Line> lines = new ArrayList<>();

    Draft(Line first, boolean table) {
      this.table = table;
      lines.add(first);
    }

    void add(Line line) {
      lines.add(line);
    }

    Line last() {
      return lines.get(lines.size() - 1);
    }

    String joined() {
      if (lines.size() == 1) {
        return lines.get(0).text();
      }
      StringBuilder sb = new StringBuilder();
      for (Line l : lines) {
        sb.append(sb.length() > 0 ? "\n" : "").append(l.text());
      }
      return sb.toString();
    }

    /** The table's lines with their common indent removed and trailing blanks cut. */
    String layout() {
      int common = Integer.MAX_VALUE;
      for (Line l : lines) {
        common = Math.min(common, l.indent());
      }
      StringBuilder sb = new StringBuilder();
      for (Line l : lines) {
        String t = l.text().replace("\t", "    ").replace('\u00a0', ' ').stripTrailing();
        sb.append(sb.length() > 0 ? "\n" : "").append(t.substring(Math.min(common, t.length())));
      }
      return sb.toString();
    }

    /**
     * A single short line of figures that does not read as a sentence: {@code Net 2,031,000 vs
     * 1,974,000}.
     */
    boolean isFigureLine() {
      if (lines.size() != 1) {
        return false;
      }
      String c = lines.get(0).content();
      if (c.length() > 70 || endsSentence(c) && !c.endsWith("pct.") && !c.endsWith("dlrs.")) {
        return false;
      }
      int digits = 0;
      for (int i = 0; i < c.length(); i++) {
        digits += Character.isDigit(c.charAt(i)) ? 1 : 0;
      }
      return digits >= 1 || c.contains(" vs ") || c.contains(" vs. ");
    }
  }
}
