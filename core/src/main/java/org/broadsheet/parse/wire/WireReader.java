package org.broadsheet.parse.wire;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the structure of a wire story: normalises line breaks and stray control characters, takes
 * off a brief's starred headline, a byline, the dateline and the footers, and splits the rest into
 * blocks. Every step is a single pass or works on a bounded window, so reading is linear in the
 * size of the text.
 */
public final class WireReader {
  /** {@code By Jane Doe} or {@code By Jane Doe and Omar Haddad} alone on the first line. */
  private static final Pattern BYLINE =
      Pattern.compile(
          "^By ((?:\\p{Lu}[\\p{L}.'’-]*)(?: \\p{Lu}[\\p{L}.'’-]*){0,3}(?:(?:, | and | & )\\p{Lu}[\\p{L}.'’-]*"
              + "(?: \\p{Lu}[\\p{L}.'’-]*){0,3}){0,3})[ \\t]*(?:\\n|$)");

  private WireReader() {}

  public static WireDocument read(String raw) {
    Normalized n = normalize(raw);
    String text = n.text();
    int start = skipBlank(text, 0);
    String brief = "";
    if (text.startsWith("***", start)) {
      int nl = text.indexOf('\n', start);
      int lineEnd = nl < 0 ? text.length() : nl;
      brief = text.substring(start, lineEnd).replaceAll("^[*\\s]+|[*\\s]+$", "");
      start = skipBlank(text, lineEnd);
    }
    List<String> byline = List.of();
    Matcher by = BYLINE.matcher(text.substring(start, Math.min(text.length(), start + 120)));
    if (by.find()) {
      byline = List.of(by.group(1).split("\\s*(?:,|\\band\\b|&)\\s*"));
      start = skipBlank(text, start + by.end());
    }
    Optional<Dateline> dateline =
        Datelines.find(text.substring(start, Math.min(text.length(), start + Datelines.WINDOW)));
    if (dateline.isPresent()) {
      int offset = start;
      dateline =
          dateline.map(
              d -> new Dateline(d.place(), d.monthDay(), d.year(), d.agency(), d.end() + offset));
      start = dateline.get().end();
    }
    Footer footer = Footers.strip(text, start, text.length());
    List<Block> blocks = List.of();
    if (footer.end() > start) {
      blocks = Subheadings.find(Paragraphs.split(text, start, footer.end(), lineOf(text, start)));
    } else if (!brief.isEmpty()) {
      blocks = List.of(Block.paragraph(brief, 1)); // a brief is its headline
    }
    return new WireDocument(dateline, brief, byline, footer, blocks, n.controls());
  }

  record Normalized(String text, int controls) {}

  /**
   * CRLF, CR, U+2028/9, form and vertical feeds become LF; other control characters and BOMs go.
   */
  static Normalized normalize(String raw) {
    StringBuilder sb = null; // made at the first character to change: most texts have none
    int controls = 0;
    int kept = 0; // raw[kept, i) is copied as it is, in one append, when a character needs changing
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (keptAsIs(c)) {
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(raw.length());
      }
      sb.append(raw, kept, i);
      kept = i + 1;
      if (c == '\r') {
        sb.append('\n');
        if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
          i++;
          kept++;
        }
      } else if (c == '\f' || c == '\u000b' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        sb.append('\n');
        controls++;
      } else {
        controls++;
      }
    }
    return new Normalized(
        sb == null ? raw : sb.append(raw, kept, raw.length()).toString(), controls);
  }

  /**
   * Printable characters, line feeds and tabs: all but the C0 and C1 controls, DEL, U+2028/9 and
   * the BOM.
   */
  private static boolean keptAsIs(char c) {
    return c >= 0x20 && c < 0x7f
        || c == '\n'
        || c == '\t'
        || c >= 0xa0 && c != '\u2028' && c != '\u2029' && c != '\ufeff';
  }

  private static int skipBlank(String text, int from) {
    int i = from;
    while (i < text.length() && Footers.isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      line += text.charAt(i) == '\n' ? 1 : 0;
    }
    return line;
  }

  /** The agency's name for a dateline code such as {@code MNA} or {@code Reuters}. */
  public static String agencyName(String code) {
    return Agencies.name(code);
  }
}
