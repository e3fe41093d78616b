package org.broadsheet.parse.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes what closes a wire story off its end: a licence sentence ({@code All Content by Mehr News
 * Agency is licensed under a Creative Commons Attribution 4.0 International License.}), an agency
 * sign-off ({@code Reuter}, {@code REUTER...}), a {@code MORE} marker, a credit line ({@code
 * (Reporting by ...; Editing by ...)}) or a {@code Source: ...} line. Every pattern runs on a
 * window of at most {@value #WINDOW} characters at the end, so the cost does not grow with the
 * file.
 */
public final class Footers {
  static final int WINDOW = 600;
  private static final Pattern SIGN_OFF =
      Pattern.compile(
          "(?i)\\breuters?(?:\\.{1,3}|\\d{1,2}(?::\\d\\d/[a-z]{1,4})?|\\s+[a-z]{1,4})?\\s*$");
  private static final Pattern LICENCE = Pattern.compile("(?i)licen[cs]ed under");
  private static final Pattern LICENSOR =
      Pattern.compile(
          "(?i)^(?:all )?(?:content|contents|material|materials|text|this (?:article|story|work))"
              + "(?: published)?(?: (?:by|from|of) (.{2,80}?))? (?:is|are) licen[cs]ed under");
  private static final Pattern CREATIVE_COMMONS =
      Pattern.compile(
          "(?i)creative commons (?:attribution)?((?:[- ](?:noncommercial|sharealike|noderivatives|noderivs))*)"
              + "(?: (\\d\\.\\d))?|\\bcc[- ]by((?:-(?:nc|sa|nd))*)(?: (\\d\\.\\d))?|\\bcc0\\b|public domain");
  private static final Pattern CREDIT =
      Pattern.compile("\\((?:Reporting|Writing|Reported) by ([^()]{2,200})\\)");
  private static final Pattern SOURCE_LINE = Pattern.compile("Source: ?(.{2,80}?)[ .]*");

  private Footers() {}

  /** Removes every footer it recognises from the end of {@code text[0, end)}. */
  public static Footer strip(String text, int start, int end) {
    String source = "";
    String license = "";
    List<String> authors = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    boolean changed = true;
    for (int round = 0; changed && round < 8; round++) {
      changed = false;
      end = trimEnd(text, start, end);
      int from = Math.max(start, end - WINDOW);
      String tail = text.substring(from, end);
      int lineStart = tail.lastIndexOf('\n') + 1;
      Matcher m =
          SIGN_OFF.matcher(tail).region(Math.max(lineStart, tail.length() - 80), tail.length());
      if (m.find() && signOffStands(tail, lineStart, m.start())) {
        source = source.isEmpty() ? "Reuters" : source;
        removed.add(tail.substring(m.start()).strip());
        end = from + m.start();
        changed = true;
        continue;
      }
      String lastLine = tail.substring(lineStart).strip();
      if (lastLine.equalsIgnoreCase("more")) {
        removed.add(lastLine);
        end = from + lineStart;
        changed = true;
        continue;
      }
      if (lastLine.startsWith("(") && (m = CREDIT.matcher(lastLine)).matches()) {
        authors.addAll(0, creditNames(m.group(1)));
        removed.add(lastLine);
        end = from + lineStart;
        changed = true;
        continue;
      }
      if (lastLine.startsWith("Source:") && (m = SOURCE_LINE.matcher(lastLine)).matches()) {
        source = m.group(1).strip();
        removed.add(lastLine);
        end = from + lineStart;
        changed = true;
        continue;
      }
      int sentence = licenceSentence(tail);
      if (sentence >= 0) {
        String licence = tail.substring(sentence).strip();
        Matcher who = LICENSOR.matcher(licence);
        if (who.find() && who.group(1) != null) {
          source = who.group(1).strip();
        }
        license = spdx(licence);
        removed.add(licence);
        end = from + sentence;
        changed = true;
      }
    }
    return new Footer(source, license, authors, removed, trimEnd(text, start, end));
  }

  /**
   * A sign-off stands alone on its line, or after the end of a sentence ({@code ... 5.0 MM.
   * REUTER}).
   */
  private static boolean signOffStands(String tail, int lineStart, int at) {
    int k = at - 1;
    while (k >= lineStart && isSpace(tail.charAt(k))) {
      k--;
    }
    if (k < lineStart) {
      return true;
    }
    char c = tail.charAt(k);
    return c == '.' || c == '!' || c == '?' || c == ')' || c == '"' || c == '”' || at - k > 3;
  }

  /** Start (in {@code tail}) of a licence sentence that closes the text, or -1. */
  private static int licenceSentence(String tail) {
    Matcher m = LICENCE.matcher(tail);
    int at = -1;
    if (tail.indexOf("icen") < 0) {
      return -1;
    }
    while (m.find()) {
      at = m.start();
    }
    if (at < 0) {
      return -1;
    }
    int close = tail.indexOf('.', at);
    while (close >= 0 && close + 1 < tail.length() && !isSpace(tail.charAt(close + 1))) {
      close = tail.indexOf('.', close + 1);
    }
    if (close >= 0 && !tail.substring(close + 1).isBlank()) {
      return -1;
    }
    int begin = at;
    while (begin > 0) {
      char c = tail.charAt(begin - 1);
      if (c == '\n'
          || c == '\u00a0'
          || (isSpace(c) && begin >= 2 && ".!?”\"".indexOf(tail.charAt(begin - 2)) >= 0)) {
        break;
      }
      begin--;
    }
    return begin;
  }

  /** The SPDX identifier a licence sentence names ({@code CC-BY-4.0}), else the sentence itself. */
  static String spdx(String sentence) {
    Matcher m = CREATIVE_COMMONS.matcher(sentence);
    if (!m.find()) {
      return sentence.replaceAll("\\.$", "");
    }
    String g = m.group().toLowerCase(Locale.ROOT);
    if (g.equals("cc0") || g.equals("public domain")) {
      return g.equals("cc0") ? "CC0-1.0" : "public domain";
    }
    String parts =
        (m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : "")
            .toLowerCase(Locale.ROOT);
    String version = m.group(2) != null ? m.group(2) : m.group(4) != null ? m.group(4) : "4.0";
    StringBuilder id = new StringBuilder("CC-BY");
    if (parts.contains("noncommercial") || parts.contains("-nc")) {
      id.append("-NC");
    }
    if (parts.contains("sharealike") || parts.contains("-sa")) {
      id.append("-SA");
    }
    if (parts.contains("noderiv") || parts.contains("-nd")) {
      id.append("-ND");
    }
    return id.append('-').append(version).toString();
  }

  /** "Jane Doe and John Roe in Paris; Editing by X" → [Jane Doe, John Roe]. */
  static List<String> creditNames(String credit) {
    String reporting = credit.split(";")[0];
    reporting = reporting.replaceAll("\\s+in\\s+[\\p{Lu}][^,]*$", "");
    List<String> names = new ArrayList<>();
    for (String name : reporting.split(",\\s*|\\s+and\\s+")) {
      String n = name.replaceAll("\\s+in\\s+\\p{Lu}.*$", "").strip();
      if (!n.isEmpty() && n.length() <= 60) {
        names.add(n);
      }
    }
    return names;
  }

  private static int trimEnd(String text, int start, int end) {
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0';
  }
}
