package org.broadsheet.parse;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.ToIntFunction;
import org.broadsheet.content.ArticleImage;
import org.broadsheet.content.Extras;
import org.broadsheet.content.Slugs;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;

/**
 * Article fields given by a writer: Markdown front matter, a wire file's sidecar, or a row of
 * {@code _metadata.csv}. Every field is optional; the parser fills the gaps.
 */
public record Metadata(
    Optional<String> title,
    Optional<ZonedDateTime> date,
    Optional<ZonedDateTime> updated,
    List<String> authors,
    List<String> tags,
    Optional<String> section,
    Optional<String> summary,
    Optional<String> slug,
    Optional<String> id,
    boolean draft,
    Optional<String> source,
    Optional<String> license,
    Optional<String> lang,
    Optional<String> dateline,
    Extras extras,
    Optional<ArticleImage> image) {

  /**
   * The keys of Hugo and Jekyll front matter that map onto Broadsheet's: {@code categories} (the
   * first is the section when none is given, the others are tags), {@code description} (the
   * summary), {@code lastmod} (updated), {@code publishDate} (the date when none is given; else not
   * published before it), {@code expiryDate}, {@code aliases} and {@code weight}.
   */
  public static final Set<String> MAPPED_KEYS =
      Set.of(
          "categories", "description", "lastmod", "publishDate", "expiryDate", "aliases", "weight");

  /**
   * The key {@code broadsheet import} keeps a story's source fields under: known, so never noted,
   * and passed to templates as {@code params.imported}.
   */
  public static final String IMPORTED = "imported";

  /** The keys a writer may use. */
  public static final Set<String> KEYS =
      Set.of(
          "title",
          "date",
          "updated",
          "authors",
          "author",
          "tags",
          "section",
          "summary",
          "slug",
          "id",
          "draft",
          "source",
          "license",
          "lang",
          "dateline",
          "categories",
          "description",
          "lastmod",
          "publishDate",
          "expiryDate",
          "aliases",
          "weight",
          IMPORTED,
          "image",
          "imageAlt",
          "imageCaption",
          "imageCredit");

  /** The known keys in order, as the warning about an unknown key lists them. */
  private static final String KNOWN_KEYS = String.join(", ", new java.util.TreeSet<>(KEYS));

  public static final Metadata EMPTY =
      new Metadata(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Extras.NONE,
          Optional.empty());

  public Metadata {
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
    Objects.requireNonNull(extras, "extras");
  }

  /** The start of the note on a key Broadsheet does not know (see {@link #isUnknownKeyNote}). */
  private static final String UNKNOWN_KEY = "front-matter key '";

  /**
   * The notes on unknown keys by key, each written once. An archive repeats the same few keys in
   * every article (10,000 Reuters stories: 25,000 notes on three keys), and each note is held to
   * the end of the build and saved with the article's summary; one string per key is copied, hashed
   * and saved once. Bounded, as the keys are the content's.
   */
  private static final ConcurrentMap<String, String> UNKNOWN_KEY_NOTES = new ConcurrentHashMap<>();

  private static final int MOST_UNKNOWN_KEY_NOTES = 1_000;

  private static String unknownKeyNote(String key) {
    String note = UNKNOWN_KEY_NOTES.get(key);
    if (note == null) {
      note =
          UNKNOWN_KEY
              + key
              + "' is not one of Broadsheet's (known: "
              + KNOWN_KEYS
              + "); kept as params."
              + key
              + " for templates";
      if (UNKNOWN_KEY_NOTES.size() < MOST_UNKNOWN_KEY_NOTES && key.length() <= 100) {
        note = Objects.requireNonNullElse(UNKNOWN_KEY_NOTES.putIfAbsent(key, note), note);
      }
    }
    return note;
  }

  /**
   * Whether {@code d} is the note on a key Broadsheet does not know, kept as a template param:
   * {@code check --strict} reports these as warnings, other commands only with {@code -v}.
   */
  public static boolean isUnknownKeyNote(Diagnostic d) {
    return d.severity() == org.broadsheet.diag.Severity.NOTE
        && d.message().startsWith(UNKNOWN_KEY)
        && d.message().contains("kept as params.");
  }

  /**
   * Reads a YAML/JSON map. Unknown keys are warnings; values of the wrong type and bad dates are
   * errors. Returns empty when there was an error (the article is left out).
   *
   * @param lineOfKey 1-based line where a key is written (0 when unknown), for positions
   */
  public static Optional<Metadata> read(
      Map<?, ?> raw,
      String path,
      ParseContext context,
      ToIntFunction<String> lineOfKey,
      java.util.function.IntFunction<String> lineText,
      Diagnostics diagnostics) {
    Reader r = new Reader(raw, path, context, lineOfKey, lineText, diagnostics);
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.equals(IMPORTED) && e.getValue() != null) {
        params.put(key, e.getValue());
      } else if (!KEYS.contains(key) && e.getValue() != null) {
        params.put(key, e.getValue());
        r.note(key, unknownKeyNote(key));
      }
    }
    List<String> categories = r.list("categories");
    List<String> tags = new ArrayList<>(r.tags());
    Optional<String> section = r.name("section");
    if (section.isEmpty() && !categories.isEmpty()) {
      section = Optional.of(categories.get(0));
      categories = categories.subList(1, categories.size());
    }
    categories.stream().filter(c -> !tags.contains(c)).forEach(tags::add);
    tags.removeAll(namelessTags(tags));
    Optional<ZonedDateTime> date = r.date("date");
    Optional<ZonedDateTime> publishDate = r.date("publishDate");
    Extras extras =
        new Extras(
            r.aliases(),
            r.integer("weight"),
            date.isPresent() ? publishDate : Optional.empty(),
            r.date("expiryDate"),
            params);
    Metadata m =
        new Metadata(
            r.text("title"),
            date.or(() -> publishDate),
            r.date("updated").or(() -> r.date("lastmod")),
            r.authors(),
            tags,
            section,
            r.text("summary").or(() -> r.text("description")),
            r.text("slug"),
            r.id(),
            r.bool("draft"),
            r.name("source"),
            r.text("license"),
            r.text("lang"),
            r.text("dateline"),
            extras,
            r.image());
    return r.failed ? Optional.empty() : Optional.of(m);
  }

  /**
   * Why {@code id} cannot be an id, or empty when it can. Ids name pages, feeds and index entries
   * and are compared byte for byte, so characters that print as nothing are refused: control
   * characters (NUL, line breaks, escape...), line and paragraph separators, and lone surrogates.
   */
  public static Optional<String> idProblem(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      int type = Character.getType(c);
      boolean lone =
          Character.isSurrogate(c)
              && !(Character.isHighSurrogate(c)
                  && i + 1 < id.length()
                  && Character.isLowSurrogate(id.charAt(i + 1)));
      if (type == Character.CONTROL
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR
          || lone) {
        return Optional.of(
            String.format("holds the invisible character U+%04X at position %d", (int) c, i + 1));
      }
      if (Character.isHighSurrogate(c) && !lone) {
        i++;
      }
    }
    return Optional.empty();
  }

  /**
   * The most characters of a name: an id, tag, category, author, section or source. Each is one
   * term of the search index, which Lucene refuses past 32,766 bytes (a whole article refused, the
   * build stopped), and a tag page's address; a longer value is a pasting accident.
   */
  public static final int LONGEST_NAME = 1000;

  private static String tooLong(int length) {
    return "is "
        + length
        + " characters long, more than the "
        + LONGEST_NAME
        + " a name may have (it names a page and a search term)";
  }

  /**
   * Tags without a letter or digit ({@code ..}, {@code /}): they would all share one page, {@code
   * tags/untitled/}.
   */
  static List<String> namelessTags(List<String> tags) {
    return tags.stream().filter(t -> !Slugs.hasOwnSlug(t)).toList();
  }

  static String namelessMessage(List<String> nameless) {
    return "tag"
        + (nameless.size() == 1 ? " " : "s ")
        + String.join(", ", nameless.stream().map(t -> "'" + t + "'").toList())
        + " ha"
        + (nameless.size() == 1 ? "s" : "ve")
        + " no letter or digit to name a tag page; dropped";
  }

  /** This metadata with the gaps filled from {@code other}. */
  public Metadata orElse(Metadata other) {
    return new Metadata(
        title.or(other::title),
        date.or(other::date),
        updated.or(other::updated),
        authors.isEmpty() ? other.authors : authors,
        tags.isEmpty() ? other.tags : tags,
        section.or(other::section),
        summary.or(other::summary),
        slug.or(other::slug),
        id.or(other::id),
        draft || other.draft,
        source.or(other::source),
        license.or(other::license),
        lang.or(other::lang),
        dateline.or(other::dateline),
        extras.orElse(other.extras),
        image.or(other::image));
  }

  private static final class Reader {
    private final Map<?, ?> raw;
    private final String path;
    private final ParseContext context;
    private final ToIntFunction<String> lineOfKey;
    private final java.util.function.IntFunction<String> lineText;
    private final Diagnostics diagnostics;
    boolean failed;

    Reader(
        Map<?, ?> raw,
        String path,
        ParseContext context,
        ToIntFunction<String> lineOfKey,
        java.util.function.IntFunction<String> lineText,
        Diagnostics diagnostics) {
      this.raw = raw;
      this.path = path;
      this.context = context;
      this.lineOfKey = lineOfKey;
      this.lineText = lineText;
      this.diagnostics = diagnostics;
    }

    Optional<String> text(String key) {
      Object v = raw.get(key);
      if (v == null) {
        return Optional.empty();
      }
      if (v instanceof Map || v instanceof List) {
        error(
            key,
            "'"
                + key
                + "' must be a single value, not a "
                + (v instanceof Map ? "mapping" : "list"));
        return Optional.empty();
      }
      String s = String.valueOf(v).strip();
      return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /**
     * {@code image} with its alt text, caption and credit; a value that is no safe image address is
     * an error ({@link ImageRefs#problem}).
     */
    Optional<ArticleImage> image() {
      Optional<String> src = text("image");
      Optional<String> alt = text("imageAlt");
      Optional<String> caption = text("imageCaption");
      Optional<String> credit = text("imageCredit");
      if (src.isEmpty()) {
        for (String key : List.of("imageAlt", "imageCaption", "imageCredit")) {
          if (raw.get(key) != null) {
            warn(key, "'" + key + "' is given without 'image'; ignored");
          }
        }
        return Optional.empty();
      }
      Optional<String> problem = ImageRefs.problem(src.get());
      if (problem.isPresent()) {
        error("image", "'image' " + problem.get());
        return Optional.empty();
      }
      if (alt.isEmpty()) {
        warn(
            "image",
            "'image' has no 'imageAlt': readers who cannot see the picture learn nothing from it");
      }
      return Optional.of(
          new ArticleImage(src.get(), alt.orElse(""), caption.orElse(""), credit.orElse("")));
    }

    Optional<String> id() {
      Optional<String> id = text("id");
      Optional<String> problem =
          id.flatMap(Metadata::idProblem)
              .or(() -> id.filter(v -> v.length() > LONGEST_NAME).map(v -> tooLong(v.length())));
      problem.ifPresent(p -> error("id", "'id' " + p + "; ids name pages and index entries"));
      return problem.isPresent() ? Optional.empty() : id;
    }

    /**
     * {@code authors}, or {@code author} as Hugo and Jekyll sites write it (one name or a list);
     * when both are given, {@code authors} wins and the other is reported.
     */
    List<String> authors() {
      if (raw.get("author") == null) {
        return list("authors");
      }
      if (raw.get("authors") != null) {
        warn("author", "both 'author' and 'authors' are given; 'author' is ignored");
        return list("authors");
      }
      return list("author");
    }

    /** {@code aliases}: each checked, a bad one dropped with a warning. */
    List<String> aliases() {
      List<String> out = new ArrayList<>();
      for (String alias : list("aliases")) {
        var result = org.broadsheet.content.AliasPaths.of(alias);
        if (result.ok()) {
          out.add(alias);
        } else {
          warn("aliases", "alias '" + alias + "' " + result.problem() + "; no redirect written");
        }
      }
      return out;
    }

    List<String> tags() {
      List<String> tags = new ArrayList<>(list("tags"));
      List<String> nameless = namelessTags(tags);
      if (!nameless.isEmpty()) {
        warn("tags", namelessMessage(nameless));
        tags.removeAll(nameless);
      }
      return tags;
    }

    List<String> list(String key) {
      Object v = raw.get(key);
      if (v == null) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      if (v instanceof List<?> items) {
        for (Object item : items) {
          if (item instanceof Map || item instanceof List) {
            error(key, "'" + key + "' must be a list of plain values");
            return List.of();
          }
          if (item != null && !String.valueOf(item).isBlank() && fits(key, item.toString())) {
            out.add(String.valueOf(item).strip());
          }
        }
      } else if (v instanceof Map) {
        error(key, "'" + key + "' must be a list, not a mapping");
      } else {
        for (String part : String.valueOf(v).split(",")) {
          if (!part.isBlank() && fits(key, part)) {
            out.add(part.strip());
          }
        }
      }
      return out;
    }

    /** A single name ({@code section}, {@code source}): dropped, with a warning, when too long. */
    Optional<String> name(String key) {
      return text(key).filter(v -> fits(key, v));
    }

    /** Whether a name or list item is short enough to be a name, with a warning when not. */
    private boolean fits(String key, String value) {
      if (value.strip().length() <= LONGEST_NAME) {
        return true;
      }
      warn(key, "a value of '" + key + "' " + tooLong(value.strip().length()) + "; dropped");
      return false;
    }

    java.util.OptionalInt integer(String key) {
      Object v = raw.get(key);
      if (v == null) {
        return java.util.OptionalInt.empty();
      }
      if (v instanceof Integer i) {
        return java.util.OptionalInt.of(i);
      }
      try {
        return java.util.OptionalInt.of(Integer.parseInt(String.valueOf(v).strip()));
      } catch (NumberFormatException e) {
        error(key, "'" + key + "' must be a whole number, was '" + v + "'");
        return java.util.OptionalInt.empty();
      }
    }

    boolean bool(String key) {
      Object v = raw.get(key);
      if (v == null) {
        return false;
      }
      if (v instanceof Boolean b) {
        return b;
      }
      error(key, "'" + key + "' must be true or false, was '" + v + "'");
      return false;
    }

    Optional<ZonedDateTime> date(String key) {
      Object v = raw.get(key);
      if (v == null) {
        return Optional.empty();
      }
      if (v instanceof Date d) {
        return Optional.of(d.toInstant().atZone(context.timeZone()));
      }
      Optional<ZonedDateTime> parsed = Dates.parse(String.valueOf(v), context.timeZone());
      if (parsed.isEmpty()) {
        error(
            key,
            "'"
                + key
                + "' is not an ISO 8601 date: '"
                + v
                + "' (expected e.g. 2024-03-01 or 2024-03-01T09:30:00Z)");
      }
      return parsed;
    }

    void error(String key, String message) {
      failed = true;
      int line = lineOfKey.applyAsInt(key);
      diagnostics.add(
          Diagnostic.error(
              path, line, line > 0 ? 1 : 0, message, line > 0 ? lineText.apply(line) : ""));
    }

    void note(String key, String message) {
      int line = lineOfKey.applyAsInt(key);
      diagnostics.add(
          new Diagnostic(
              org.broadsheet.diag.Severity.NOTE,
              path,
              line,
              line > 0 ? 1 : 0,
              message,
              line > 0 ? lineText.apply(line) : ""));
    }

    void warn(String key, String message) {
      int line = lineOfKey.applyAsInt(key);
      diagnostics.add(
          Diagnostic.warning(
              path, line, line > 0 ? 1 : 0, message, line > 0 ? lineText.apply(line) : ""));
    }
  }
}
