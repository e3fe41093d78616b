package org.broadsheet.importer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top of a page's text when the page marks nothing (an old table layout): the headline, a "By
 * ..." byline and a date written as text, read from its first lines and taken out of the body.
 */
record PageLead(String markdown, String title, Optional<String> byline, Optional<String> date) {
  private static final Pattern BYLINE =
      Pattern.compile(
          "^(?i:by)\\s+((?:\\p{Lu}[\\p{L}'.-]*|de|van|der|den|von|da|di|le|la)(?:\\s+(?:\\p{Lu}[\\p{L}'.-]*|de|van|der|den|von|da|di|le|la)){0,4})");
  private static final Pattern DATE =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})|((?:January|February|March|April|May|June|July|August|September|October|November|December)\\s+\\d{1,2},?\\s+\\d{4})|(\\d{1,2}\\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\\s+\\d{4})");
  private static final int LEAD_LINES = 5;

  /**
   * @param title the page's {@code <title>}, whose parts ("SITE - Headline") are matched against
   *     the first lines
   */
  static PageLead read(String markdown, String title) {
    List<String> parts = new ArrayList<>();
    for (String p : title.split("\\s+[-|–—:]\\s+")) {
      if (!p.isBlank()) {
        parts.add(p.strip());
      }
    }
    String headline =
        parts.stream().max((a, b) -> Integer.compare(a.length(), b.length())).orElse(title);
    Optional<String> byline = Optional.empty();
    Optional<String> date = Optional.empty();
    List<String> kept = new ArrayList<>();
    int seen = 0;
    for (String block : markdown.split("\n\n")) {
      List<String> lines = new ArrayList<>(List.of(block.split("\\\\\n")));
      List<String> keptLines = new ArrayList<>();
      for (String line : lines) {
        String plain = plain(line);
        if (seen++ < LEAD_LINES && plain.length() < 160) {
          Optional<String> part = parts.stream().filter(p -> p.equalsIgnoreCase(plain)).findFirst();
          if (part.isPresent()) {
            headline = part.get();
            continue;
          }
          Matcher by = BYLINE.matcher(plain);
          Optional<String> when = dateIn(plain);
          if (by.find() && byline.isEmpty()) {
            byline = Optional.of(by.group(1).strip());
            date = date.or(() -> when);
            continue;
          }
          if (when.isPresent() && date.isEmpty() && plain.length() < 40) {
            date = when;
            continue;
          }
        }
        keptLines.add(line);
      }
      if (!keptLines.isEmpty()) {
        kept.add(String.join("\\\n", keptLines));
      }
    }
    return new PageLead(String.join("\n\n", kept), headline, byline, date);
  }

  static Optional<String> dateIn(String text) {
    Matcher m = DATE.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      if (m.group(1) != null) {
        return Optional.of(LocalDate.parse(m.group(1)).toString());
      }
      String s = m.group().replace(",", "").replaceAll("\\s+", " ");
      String pattern = m.group(2) != null ? "MMMM d yyyy" : "d MMMM yyyy";
      return Optional.of(
          LocalDate.parse(s, DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH)).toString());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A Markdown line as text: escapes and emphasis marks removed. */
  private static String plain(String line) {
    return line.replaceAll("\\\\(.)", "$1").replace("*", "").strip();
  }
}
