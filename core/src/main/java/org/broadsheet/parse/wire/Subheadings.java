package org.broadsheet.parse.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds subheadings: lines that stand alone as short unpunctuated titles, and subheadings a scraper
 * ran into the next sentence ({@code ... with determination. Iran will not condition its economy on
 * the JCPOA revival As it has been emphasized ...}).
 *
 * <p>A run-in subheading starts a sentence, holds 3 to 16 words without quotes, commas or brackets,
 * does not end on a function word or a verb of saying, and is followed, with no punctuation
 * between, by a capitalised word that opens sentences in news prose ({@code As}, {@code The},
 * {@code He}, a participle such as {@code Responding}). Mid-sentence, a capitalised {@code As} or
 * {@code The} after a lower-case word is almost never prose. Each sentence is looked at once, over
 * at most {@value #MAX_CHARS} characters, so the cost is linear in the text.
 */
final class Subheadings {
  static final int MAX_CHARS = 120;
  private static final int MAX_WORDS = 16;
  private static final Set<String> OPENERS =
      Set.of(
          "The",
          "A",
          "An",
          "As",
          "In",
          "On",
          "At",
          "For",
          "With",
          "After",
          "Before",
          "While",
          "When",
          "Whereas",
          "But",
          "However",
          "Meanwhile",
          "He",
          "She",
          "It",
          "They",
          "We",
          "His",
          "Her",
          "Their",
          "Its",
          "Our",
          "This",
          "These",
          "Those",
          "There",
          "Here",
          "According",
          "Also",
          "Earlier",
          "Later",
          "Since",
          "Although",
          "Though",
          "Despite",
          "Following",
          "Amid",
          "Asked",
          "If",
          "Under",
          "During",
          "Many",
          "Some",
          "Most",
          "Several",
          "Both",
          "Elsewhere",
          "Moreover",
          "Furthermore",
          "Besides",
          "Now",
          "Today",
          "Yesterday",
          "Last",
          "From",
          "By",
          "To",
          "Upon",
          "Unlike");
  private static final Set<String> NOT_PARTICIPLES =
      Set.of(
          "Beijing",
          "Nanjing",
          "Chongqing",
          "Kunming",
          "Wyoming",
          "Reading",
          "Sterling",
          "Boeing",
          "Pershing",
          "Kipling",
          "Harding",
          "Browning",
          "Fleming",
          "Manning",
          "Irving",
          "Ewing",
          "Darling",
          "Golding",
          "Viking",
          "Spring",
          "Keating",
          "Hastings",
          "Wellington",
          "Kissinger",
          "Washington",
          "Darjeeling",
          "Shenyang");
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "the",
          "a",
          "an",
          "of",
          "to",
          "in",
          "on",
          "at",
          "for",
          "and",
          "or",
          "but",
          "with",
          "by",
          "from",
          "as",
          "that",
          "this",
          "his",
          "her",
          "its",
          "their",
          "our",
          "is",
          "are",
          "was",
          "were",
          "be",
          "has",
          "have",
          "had",
          "will",
          "would",
          "not",
          "no",
          "than",
          "into",
          "over",
          "about",
          "which",
          "who",
          "whom",
          "whose",
          "said",
          "says",
          "told",
          "tells",
          "asked",
          "added",
          "noted",
          "stated",
          "wrote",
          "reported",
          "according",
          "mr",
          "mrs",
          "ms",
          "dr",
          "gen",
          "president",
          "minister");

  private Subheadings() {}

  /** The blocks with run-in subheadings split out and standalone title lines marked as headings. */
  static List<Block> find(List<Block> blocks) {
    List<Block> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b.kind() == Block.Kind.PARAGRAPH) {
        splitRunIn(b, out.isEmpty(), out);
      } else {
        out.add(b);
      }
    }
    List<Block> marked = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      Block b = out.get(i);
      Block.Kind next = i + 1 < out.size() ? out.get(i + 1).kind() : null;
      boolean standalone =
          b.kind() == Block.Kind.PARAGRAPH
              && i > 0
              && next != null
              && next != Block.Kind.HEADING
              && isTitleLine(b.text())
              && (next == Block.Kind.PARAGRAPH || labelsATable(b.text()));
      marked.add(standalone ? Block.heading(b.text(), b.line()) : b);
    }
    return marked;
  }

  /** A short line without closing punctuation, quotes or many figures: a title, not a sentence. */
  static boolean isTitleLine(String s) {
    if (s.length() < 3
        || s.length() > 100
        || !Character.isUpperCase(s.charAt(0))
        || s.startsWith("By ")) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    if (".!?:;,…-–—\"”’')".indexOf(last) >= 0 || s.indexOf('“') >= 0 || s.indexOf('"') >= 0) {
      return false;
    }
    int words = s.split(" ").length;
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      digits += Character.isDigit(s.charAt(i)) ? 1 : 0;
    }
    return words <= 14
        && digits < 3
        && !FUNCTION_WORDS.contains(lastWord(s).toLowerCase(Locale.ROOT));
  }

  /** Splits run-in subheadings out of a paragraph; never at the start of the lead. */
  /**
   * Above a table only a worded label is a heading ({@code Nine mths}); {@code SEP7 UNTRD} is a
   * table row.
   */
  private static boolean labelsATable(String s) {
    boolean lower = false;
    for (int k = 0; k < s.length(); k++) {
      if (Character.isDigit(s.charAt(k))) {
        return false;
      }
      lower |= Character.isLowerCase(s.charAt(k));
    }
    return lower;
  }

  private static void splitRunIn(Block b, boolean lead, List<Block> out) {
    String p = b.text();
    int segment = 0;
    int sentence = 0;
    while (sentence < p.length()) {
      int end = Sentences.endOf(p, sentence);
      int split = lead && sentence == 0 ? -1 : runInEnd(p, sentence, end);
      if (split > 0) {
        String before = p.substring(segment, sentence).strip();
        if (!before.isEmpty()) {
          out.add(Block.paragraph(before, b.line()));
        }
        out.add(Block.heading(p.substring(sentence, split).strip(), b.line()));
        segment = split;
      }
      sentence = end;
      while (sentence < p.length() && Glue.isSpace(p.charAt(sentence))) {
        sentence++;
      }
    }
    String rest = p.substring(segment).strip();
    if (!rest.isEmpty()) {
      out.add(Block.paragraph(rest, b.line()));
    }
  }

  /**
   * Where the subheading that opens the sentence {@code p[start, end)} ends (the next word's
   * start), or -1.
   */
  static int runInEnd(String p, int start, int end) {
    if (start >= p.length() || !Character.isUpperCase(p.charAt(start))) {
      return -1;
    }
    int limit = Math.min(end, start + MAX_CHARS);
    boolean lower = false;
    int words = 0;
    int i = start;
    String previous = "";
    while (i < limit && words < MAX_WORDS) {
      int w = i;
      while (i < limit && p.charAt(i) != ' ') {
        i++;
      }
      String word = p.substring(w, i);
      if (words >= 3 && opensSentence(word, previous, p, i, end) && endsTitle(previous)) {
        return lower && restHasWords(p, w, end, 4) ? w : -1;
      }
      if (!titleWord(word)) {
        return -1;
      }
      lower |= hasLowerCase(word);
      previous = word;
      words++;
      i++;
    }
    return -1;
  }

  /**
   * Whether {@code word} opens a sentence here. {@code A}, {@code An} and participles must follow a
   * lower-case word, since after a capital they are usually part of a name ({@code Series A},
   * {@code Pennsylvania Engineering}, {@code RMJ Holding}); {@code The}/{@code A} before a capital
   * is a title ({@code The New York Times}).
   */
  private static boolean opensSentence(String word, String previous, String p, int after, int end) {
    if (word.length() < 1
        || !Character.isUpperCase(word.charAt(0))
        || word.length() > 1 && !Character.isLowerCase(word.charAt(1))) {
      return false;
    }
    String next = after + 1 < end ? wordAt(p, after + 1) : "";
    boolean afterLowerCase = !previous.isEmpty() && Character.isLowerCase(previous.charAt(0));
    if (OPENERS.contains(word)) {
      boolean article = word.equals("The") || word.equals("A") || word.equals("An");
      boolean indefinite = word.equals("A") || word.equals("An");
      return !(article && !next.isEmpty() && Character.isUpperCase(next.charAt(0)))
          && (!indefinite || afterLowerCase);
    }
    return afterLowerCase
        && word.length() >= 7
        && word.endsWith("ing")
        && !NOT_PARTICIPLES.contains(word)
        && !next.isEmpty()
        && Character.isLowerCase(next.charAt(0));
  }

  private static boolean endsTitle(String word) {
    if (word.isEmpty() || !Character.isLetterOrDigit(word.charAt(word.length() - 1))) {
      return false;
    }
    return !FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static boolean titleWord(String word) {
    for (int k = 0; k < word.length(); k++) {
      switch (word.charAt(k)) {
        case '"', '“', '”', ',', ';', ':', '(', ')', '[', ']', '—', '–', '!', '?' -> {
          return false;
        }
        default -> {}
      }
    }
    return !word.isEmpty();
  }

  private static boolean restHasWords(String p, int from, int end, int min) {
    int words = 0;
    boolean inWord = false;
    for (int k = from; k < end && words < min; k++) {
      boolean letter = p.charAt(k) != ' ';
      words += letter && !inWord ? 1 : 0;
      inWord = letter;
    }
    return words >= min;
  }

  private static boolean hasLowerCase(String word) {
    for (int k = 0; k < word.length(); k++) {
      if (Character.isLowerCase(word.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  private static String wordAt(String p, int from) {
    int e = p.indexOf(' ', from);
    return p.substring(from, e < 0 ? p.length() : e);
  }

  private static String lastWord(String s) {
    return s.substring(s.lastIndexOf(' ') + 1);
  }
}
