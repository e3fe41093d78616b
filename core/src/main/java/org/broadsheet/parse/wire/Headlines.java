package org.broadsheet.parse.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes a headline from a story's lead when nobody wrote one: the first sentence, shortened the way
 * a sub-editor would until it fits in {@value #MAX} characters.
 *
 * <ol>
 *   <li>a spelled-out name with its acronym becomes the acronym ({@code Joint Comprehensive Plan of
 *       Action (JCPOA)} → {@code JCPOA}); other asides in brackets go; {@code says that} → {@code
 *       says};
 *   <li>if still too long, headline grammar: articles go, and {@code is}/{@code are} before a
 *       participle or {@code still};
 *   <li>if still too long, the sentence is cut at the last clause boundary (comma, dash, then a
 *       conjunction, then a preposition) that keeps the subject and the verb and leaves no dangling
 *       function word; only if there is none, at a word boundary with an ellipsis.
 * </ol>
 */
public final class Headlines {
  public static final int MAX = 90;
  private static final Set<String> SAY =
      Set.of(
          "says",
          "said",
          "say",
          "tells",
          "told",
          "reports",
          "reported",
          "announced",
          "announces",
          "believes",
          "added",
          "noted",
          "stated");
  private static final Set<String> VERBS =
      Set.of(
          "is",
          "are",
          "was",
          "were",
          "has",
          "have",
          "had",
          "will",
          "would",
          "can",
          "could",
          "may",
          "might",
          "should",
          "must",
          "shall",
          "rose",
          "fell",
          "won",
          "lost",
          "made",
          "took",
          "gave",
          "met",
          "hit",
          "cut",
          "set",
          "led",
          "began",
          "came",
          "went",
          "saw",
          "sees",
          "see",
          "got",
          "held",
          "put",
          "ran",
          "grew",
          "sold",
          "bought",
          "paid",
          "left",
          "kept",
          "struck",
          "slid",
          "sank",
          "rebounded",
          "do",
          "does",
          "did",
          "plans",
          "wants",
          "expects",
          "rises",
          "falls",
          "gains",
          "cuts",
          "raises",
          "sets",
          "agrees",
          "buys",
          "sells",
          "seeks",
          "faces",
          "warns",
          "urges",
          "calls",
          "wins",
          "loses",
          "makes",
          "takes",
          "gets",
          "holds",
          "opens",
          "closes",
          "ends",
          "starts",
          "begins",
          "launches",
          "names",
          "approves",
          "rejects",
          "denies",
          "asks",
          "leaves",
          "meets",
          "signs",
          "files",
          "issues",
          "offers",
          "reaches",
          "returns",
          "shows",
          "finds",
          "hits",
          "jumps",
          "drops",
          "slips",
          "climbs",
          "eases",
          "tops",
          "nears",
          "hopes",
          "fears",
          "backs",
          "blames",
          "vows",
          "pledges",
          "threatens");
  private static final List<List<String>> CUT_WORDS =
      List.of(
          List.of(", ", "; ", " – ", " — ", " - ", ": "),
          List.of(
              " which ",
              " who ",
              " after ",
              " while ",
              " as ",
              " because ",
              " when ",
              " although ",
              " since ",
              " following ",
              " amid ",
              " despite ",
              " saying ",
              " but ",
              " including ",
              " according ",
              " where ",
              " until ",
              " before ",
              " and ",
              " or ",
              " if ",
              " unless ",
              " though "),
          List.of(
              " for ",
              " in ",
              " on ",
              " at ",
              " to ",
              " with ",
              " from ",
              " by ",
              " over ",
              " under ",
              " against ",
              " during ",
              " into ",
              " through ",
              " of "));

  private Headlines() {}

  /** A headline of at most {@value #MAX} characters from {@code lead}, never cut inside a word. */
  public static String fromLead(String lead) {
    String s = lead.strip();
    s = s.substring(0, Sentences.endOf(s, 0)).strip();
    s = dropTerminator(s);
    if (s.length() <= MAX) {
      return s;
    }
    s = dropTerminator(simplify(s));
    if (s.length() <= MAX) {
      return s;
    }
    String compact = headlineGrammar(s);
    for (String variant : List.of(s, compact)) {
      for (List<String> words : CUT_WORDS.subList(0, 2)) {
        String cut = cutAt(variant, words);
        if (!cut.isEmpty()) {
          return cut;
        }
      }
      if (variant == s && compact.length() <= MAX) {
        return compact;
      }
    }
    String cut = cutAt(compact, CUT_WORDS.get(2));
    return cut.isEmpty() ? wordCut(compact) : cut;
  }

  static String simplify(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int open = s.indexOf('(', i);
      int close = open < 0 ? -1 : s.indexOf(')', open);
      if (open < 0 || close < 0 || close - open > 60) {
        out.append(s, i, s.length());
        break;
      }
      String before = s.substring(i, open).stripTrailing();
      String inner = s.substring(open + 1, close).strip();
      out.append(withAcronym(before, inner));
      i = close + 1;
    }
    String r = out.toString().replaceAll("<([A-Z.]{1,8})>", "").replaceAll("<([^<>]{1,60})>", "$1");
    for (String say : SAY) {
      r = r.replace(" " + say + " that ", " " + say + " ");
    }
    return r.replaceAll("\\s+", " ").replaceAll(" ([,.;:])", "$1").strip();
  }

  /**
   * {@code before} with its last words replaced by {@code acronym} when their initials spell it.
   */
  private static String withAcronym(String before, String acronym) {
    if (!acronym.matches("[A-Z][A-Za-z]{1,9}")
        || !acronym.equals(acronym.toUpperCase(Locale.ROOT))) {
      return before;
    }
    List<String> words = new ArrayList<>(Arrays.asList(before.split(" ")));
    int letter = acronym.length() - 1;
    int w = words.size() - 1;
    while (w >= 0 && letter >= 0) {
      String word = words.get(w);
      if (!word.isEmpty() && Character.toUpperCase(word.charAt(0)) == acronym.charAt(letter)) {
        letter--;
      } else if (!Set.of("of", "the", "and", "for").contains(word)) {
        return before;
      }
      w--;
    }
    if (letter >= 0) {
      return before;
    }
    return String.join(" ", words.subList(0, w + 1)) + (w >= 0 ? " " : "") + acronym;
  }

  /** Headline grammar: no articles, no {@code is}/{@code are} before a participle. */
  static String headlineGrammar(String s) {
    String[] words = s.split(" ");
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < words.length; k++) {
      String w = words[k];
      String next = k + 1 < words.length ? words[k + 1] : "";
      boolean article = k > 0 && (w.equals("the") || w.equals("a") || w.equals("an"));
      boolean copula =
          k > 0
              && (w.equals("is") || w.equals("are"))
              && (next.endsWith("ing")
                  || next.endsWith("ed")
                  || next.equals("still")
                  || next.equals("expected")
                  || next.equals("likely"));
      if (!article && !copula) {
        out.append(out.length() > 0 ? " " : "").append(w);
      }
    }
    return out.toString();
  }

  private static String cutAt(String s, List<String> separators) {
    String best = "";
    for (String sep : separators) {
      int at = s.indexOf(sep);
      while (at > 0 && at <= MAX) {
        String prefix = s.substring(0, at).strip();
        if (prefix.length() > best.length()
            && prefix.length() >= 20
            && keepsVerb(prefix)
            && cleanEnd(prefix)) {
          best = prefix;
        }
        at = s.indexOf(sep, at + 1);
      }
    }
    return best;
  }

  private static String wordCut(String s) {
    int cut = s.lastIndexOf(' ', MAX - 1);
    while (cut > 0 && !cleanEnd(s.substring(0, cut))) {
      cut = s.lastIndexOf(' ', cut - 1);
    }
    return cut > 0 ? s.substring(0, cut) + "…" : s.substring(0, MAX - 1) + "…";
  }

  /**
   * Whether a verb follows the first word: a common one (news present tense included) or a past
   * form.
   */
  static boolean keepsVerb(String prefix) {
    String[] words = prefix.split(" ");
    for (int k = 1; k < words.length; k++) {
      String w = words[k].toLowerCase(Locale.ROOT);
      String prev = words[k - 1].toLowerCase(Locale.ROOT);
      boolean afterDeterminer =
          Set.of("the", "a", "an", "of", "its", "his", "her", "their").contains(prev);
      if (VERBS.contains(w)
          || SAY.contains(w)
          || !afterDeterminer
              && Character.isLowerCase(words[k].charAt(0))
              && w.length() > 3
              && w.endsWith("ed")
              && w.indexOf('-') < 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean cleanEnd(String prefix) {
    String last = prefix.substring(prefix.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
    long open = prefix.chars().filter(c -> c == '“' || c == '(').count();
    long close = prefix.chars().filter(c -> c == '”' || c == ')').count();
    return open == close
        && !last.isEmpty()
        && Character.isLetterOrDigit(last.charAt(last.length() - 1))
        && !Set.of(
                "the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "or", "but", "with",
                "by", "from", "as", "that", "this", "his", "her", "its", "their", "is", "are",
                "was", "were", "be", "has", "have", "had", "will", "would", "not", "no", "than",
                "very", "more", "most", "mr", "mrs", "ms", "it", "he", "she", "they", "we", "who",
                "which", "said", "says", "about", "whether", "if")
            .contains(last);
  }

  private static String dropTerminator(String s) {
    return s.endsWith(".") && Sentences.endsAt(s, s.length() - 1)
        ? s.substring(0, s.length() - 1).strip()
        : s;
  }
}
