package org.broadsheet.parse.wire;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds the dateline at the start of a story with a hand-written scanner over at most the first
 * {@value #WINDOW} characters, so it costs the same on a 50 MB file as on a short one.
 *
 * <pre>
 *   PLACE [, STATE] [,] [- ] [MONTH DAY [, YEAR]] [,] [(AGENCY)]  —|–|--|-  text
 *   TEHRAN — ...            SALVADOR, Feb 26 - ...        COMMACK, N.Y., Feb 26 - ...
 *   JOHANNESBURG March 13 - ...   TEHRAN, Aug. 15 (MNA) – ...   Caracas, feb 26 - ...
 * </pre>
 *
 * Without a date the place must be in capitals (at most four words), so an ordinary sentence with a
 * dash is never taken for a dateline. A hyphen glued to such a place ({@code TEHRAN-Iranian
 * singer}, {@code TEHRAN- The 5th}) is its dash when a space or a capitalised word follows.
 */
public final class Datelines {
  static final int WINDOW = 200;
  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  private Datelines() {}

  /** The dateline that opens {@code text}, if there is one. */
  public static Optional<Dateline> find(String text) {
    return new Scanner(text.substring(0, Math.min(text.length(), WINDOW))).dateline();
  }

  /**
   * Month 1-12 for an English month name or abbreviation ({@code Feb}, {@code MArch}, {@code
   * Sept}), else 0.
   */
  static int month(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.endsWith(".")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.length() < 3) {
      return 0;
    }
    for (int m = 0; m < 12; m++) {
      if (w.startsWith(MONTHS[m]) && fullNameOf(m).startsWith(w)) {
        return m + 1;
      }
    }
    return 0;
  }

  /**
   * A month name with a typo wires let through ({@code Marchg}, {@code Junee}, {@code APri}); only
   * before a day.
   */
  static int looseMonth(String word) {
    int strict = month(word);
    if (strict > 0 || word.length() < 3 || word.length() > 9) {
      return strict;
    }
    String w = word.toLowerCase(Locale.ROOT);
    for (int m = 0; m < 12; m++) {
      if (w.startsWith(MONTHS[m])
          || w.length() >= 4 && fullNameOf(m).startsWith(w.substring(0, 4))) {
        return m + 1;
      }
    }
    return 0;
  }

  private static String fullNameOf(int m) {
    return java.time.Month.of(m + 1).name().toLowerCase(Locale.ROOT);
  }

  private static final class Scanner {
    private final String s;
    private int i;

    /** The place ended at a hyphen glued to it ({@link #gluedHyphen}), which is its dash. */
    private boolean glued;

    Scanner(String s) {
      this.s = s;
    }

    Optional<Dateline> dateline() {
      skipSpaces();
      int placeStart = i;
      int words = placeWords();
      if (words == 0) {
        return Optional.empty();
      }
      String place = s.substring(placeStart, i);
      int afterPlace = i;
      Optional<MonthDay> monthDay = Optional.empty();
      OptionalInt year = OptionalInt.empty();
      String state = "";
      for (int attempt = 0; attempt < 2 && monthDay.isEmpty(); attempt++) {
        int save = i;
        if (i + 1 < s.length() && s.charAt(i) == ' ' && s.charAt(i + 1) == ',') {
          i++;
        }
        boolean comma = eat(',');
        skipSpaces();
        if (eat('-')) {
          skipSpaces();
        }
        int dateStart = i;
        Optional<int[]> date = date();
        if (date.isPresent()) {
          monthDay = monthDay(date.get());
          if (monthDay.isEmpty()) {
            return Optional.empty();
          }
          year = date.get()[2] > 0 ? OptionalInt.of(date.get()[2]) : OptionalInt.empty();
          eat(',');
        } else if (attempt == 0 && comma && state(dateStart)) {
          state = s.substring(dateStart, i).strip();
        } else {
          i = save;
          break;
        }
      }
      if (monthDay.isEmpty() && (words > 4 || !upperCase(place))) {
        return Optional.empty();
      }
      skipSpaces();
      String agency = agency();
      boolean lineEnd =
          monthDay.isPresent() && !state.isEmpty() && i < s.length() && s.charAt(i) == '\n';
      if (!lineEnd && !separator(monthDay.isPresent())) {
        return Optional.empty();
      }
      if (monthDay.isEmpty() && state.isEmpty() && startsWithDateAndLineEnd()) {
        return Optional
            .empty(); // "U.S. DIVIDEND MEETINGS - MARCH 3": a table title, not a dateline
      }
      skipSpaces();
      String fullPlace = state.isEmpty() ? place.strip() : place.strip() + ", " + state;
      return afterPlace > placeStart
          ? Optional.of(new Dateline(fullPlace, monthDay, year, agency, i))
          : Optional.empty();
    }

    /** Place words: letters with . ' ’ - &, separated by single spaces; returns how many. */
    private int placeWords() {
      int placeStart = i;
      int words = 0;
      while (i < s.length() && words < 6) {
        int start = i;
        while (i < s.length() && isPlaceChar(s.charAt(i))) {
          i++;
        }
        if (i == start
            || !Character.isLetter(s.charAt(start))
            || month(s.substring(start, i)) > 0 && words > 0) {
          i = start;
          break;
        }
        int hyphen = gluedHyphen(start, i);
        if (hyphen > 0) {
          i = hyphen;
          glued = true;
          words++;
          break;
        }
        words++;
        if (i + 1 < s.length()
            && s.charAt(i) == ' '
            && isPlaceChar(s.charAt(i + 1))
            && s.charAt(i + 1) != '-') {
          i++;
        } else {
          break;
        }
      }
      while (i > 0 && s.charAt(i - 1) == ' ') {
        i--;
      }
      return words > 0 && i - placeStart <= 40 ? words : 0;
    }

    /**
     * The hyphen of {@code TEHRAN-Iranian singer} or {@code TEHRAN- The 5th}: a place glued to its
     * dash. Only after three or more capitals alone (not {@code EU-China}, {@code U.S.-Iran},
     * {@code Al-Monitor}), and only before a capitalised word, glued or after spaces (not {@code
     * COVID-19}, {@code NEW YORK-based}, {@code AL-MONITOR}). Returns its offset, or -1.
     */
    private int gluedHyphen(int start, int end) {
      int hyphen = s.indexOf('-', start);
      if (hyphen < 0 || hyphen >= end || hyphen - start < 3) {
        return -1;
      }
      for (int k = start; k < hyphen; k++) {
        if (!Character.isUpperCase(s.charAt(k))) {
          return -1;
        }
      }
      int next = hyphen + 1;
      if (next == end) { // TEHRAN- The: the dash is glued on the left only
        while (next < s.length() && (s.charAt(next) == ' ' || s.charAt(next) == '\u00a0')) {
          next++;
        }
      }
      // a sentence starts after the dash; "CHICAGO COMMODITY TRENDS- OPENING April 7" is a table
      // title
      boolean sentence =
          next + 1 < s.length()
              && Character.isUpperCase(s.charAt(next))
              && Character.isLowerCase(s.charAt(next + 1));
      return sentence ? hyphen : -1;
    }

    private static boolean isPlaceChar(char c) {
      return Character.isLetter(c)
          || c == '.'
          || c == '\''
          || c == '’'
          || c == '-'
          || c == '&'
          || c == '/';
    }

    /**
     * A state or country after the place: 1-3 capitalised words, not a month ({@code N.Y.}, {@code
     * Va.}).
     */
    private boolean state(int start) {
      i = start;
      int words = 0;
      while (i < s.length() && words < 3 && Character.isUpperCase(s.charAt(i))) {
        int w = i;
        while (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
        if (month(s.substring(w, i)) > 0 || i - w > 14) {
          i = w;
          break;
        }
        words++;
        if (i + 1 < s.length()
            && s.charAt(i) == ' '
            && Character.isUpperCase(s.charAt(i + 1))
            && month(wordAt(i + 1)) == 0) {
          i++;
        } else {
          break;
        }
      }
      return words > 0;
    }

    /** MONTH[.] DAY[,] [YEAR] as {month, day, year or 0}. */
    private Optional<int[]> date() {
      int start = i;
      String word = wordAt(i);
      int month = looseMonth(word);
      if (month == 0) {
        return Optional.empty();
      }
      i += word.length();
      eat('.');
      skipSpaces();
      int day = number(2);
      if (day == 0) {
        i = start;
        return Optional.empty();
      }
      int year = 0;
      int save = i;
      eat(',');
      skipSpaces();
      int y = number(4);
      if (y >= 1800 && y <= 2200) {
        year = y;
      } else {
        i = save;
      }
      return Optional.of(new int[] {month, day, year});
    }

    private Optional<MonthDay> monthDay(int[] date) {
      try {
        return Optional.of(MonthDay.of(date[0], date[1]));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }

    private String agency() {
      String word = wordAt(i);
      if (word.equalsIgnoreCase("reuter") || word.equalsIgnoreCase("reuters")) {
        i += word.length();
        skipSpaces();
        return "Reuters";
      }
      if (i >= s.length() || s.charAt(i) != '(') {
        return "";
      }
      int close = s.indexOf(')', i);
      if (close < 0 || close - i > 30) {
        return "";
      }
      String inner = s.substring(i + 1, close).strip();
      for (int k = 0; k < inner.length(); k++) {
        char c = inner.charAt(k);
        if (!Character.isLetter(c) && c != ' ' && c != '.' && c != '-') {
          return "";
        }
      }
      i = close + 1;
      skipSpaces();
      return inner;
    }

    /** A dash: — or – anywhere, or - / -- followed by a space (or anything, after a date). */
    private boolean separator(boolean afterDate) {
      if (i >= s.length()) {
        return false;
      }
      char c = s.charAt(i);
      if (c == '—' || c == '–') {
        i++;
        return true;
      }
      if (c == '-' && glued) {
        i++;
        return true;
      }
      if (c == '-') {
        i++;
        eat('-');
        return afterDate || i >= s.length() || Character.isWhitespace(s.charAt(i));
      }
      return false;
    }

    private boolean startsWithDateAndLineEnd() {
      int save = i;
      skipSpaces();
      Optional<int[]> date = date();
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      boolean lineEnd = date.isPresent() && (i >= s.length() || s.charAt(i) == '\n');
      i = save;
      return lineEnd;
    }

    private String wordAt(int from) {
      int e = from;
      while (e < s.length() && Character.isLetter(s.charAt(e))) {
        e++;
      }
      return s.substring(from, e);
    }

    private int number(int maxDigits) {
      int start = i;
      int n = 0;
      while (i < s.length() && i - start < maxDigits && Character.isDigit(s.charAt(i))) {
        n = n * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i < s.length() && Character.isDigit(s.charAt(i))) {
        i = start;
        return 0;
      }
      return n;
    }

    private boolean eat(char c) {
      if (i < s.length() && s.charAt(i) == c) {
        i++;
        return true;
      }
      return false;
    }

    private void skipSpaces() {
      while (i < s.length()
          && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\u00a0')) {
        i++;
      }
    }

    private static boolean upperCase(String place) {
      int letters = 0;
      for (int k = 0; k < place.length(); k++) {
        char c = place.charAt(k);
        if (Character.isLowerCase(c)) {
          return false;
        }
        letters += Character.isLetter(c) ? 1 : 0;
      }
      return letters >= 2;
    }
  }
}
