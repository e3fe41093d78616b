package org.broadsheet.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.parse.Metadata;

/**
 * {@code broadsheet import}: reads files or folders of outside formats and writes one article file
 * per story into a folder under {@code content/}. The pipeline: find the input files, pick each
 * one's reader (by {@code --format}, else by extension and root element), read its stories, keep
 * one per id (a story in several saved copies of a feed: the last file read wins), write them.
 */
public final class Importer {
  private static final int SNIFF = 8192;

  /** What an import did. */
  public record Result(
      int files,
      int stories,
      int created,
      int updated,
      int unchanged,
      int duplicates,
      List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(d -> d.severity() == org.broadsheet.diag.Severity.ERROR);
    }
  }

  /** The formats, as {@code --format} names them. */
  public static final List<String> FORMATS =
      List.of("auto", "rss", "atom", "feed", "jsonfeed", "wxr", "html", "nitf", "newsml");

  private Importer() {}

  /**
   * @param inputs files or folders (folders are walked, hidden entries skipped)
   * @param into the folder the article files go to
   * @param base where input paths are shown from (reports name files relative to it)
   * @param format one of {@link #FORMATS}
   */
  public static Result run(List<Path> inputs, Path into, Path base, String format)
      throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    List<Path> files = new ArrayList<>();
    Map<Path, String> keys = new LinkedHashMap<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(p -> !hidden(input.relativize(p)))
              .filter(
                  p -> {
                    if (Files.isSymbolicLink(p)) {
                      // a folder's links may lead anywhere on this machine: only files named
                      // on the command line are read through a link
                      diagnostics.add(
                          Diagnostic.note(
                              shown(p, base), "symbolic link in an input folder; not followed"));
                      return false;
                    }
                    return Files.isRegularFile(p);
                  })
              .sorted()
              .forEach(
                  p -> {
                    files.add(p);
                    keys.put(p, input.relativize(p).toString().replace('\\', '/'));
                  });
        }
      } else if (Files.isRegularFile(input)) {
        files.add(input);
        keys.put(input, input.getFileName().toString());
      } else {
        diagnostics.add(Diagnostic.error(input.toString(), "no such file or folder"));
      }
    }
    Map<String, Story> stories = new LinkedHashMap<>();
    Map<String, String> inputOf = new LinkedHashMap<>();
    int duplicates = 0;
    int read = 0;
    for (Path file : files) {
      String path = shown(file, base);
      Optional<StoryReader> reader = readerFor(file, format);
      if (reader.isEmpty()) {
        diagnostics.add(
            Diagnostic.note(
                path,
                "not a format broadsheet import reads ("
                    + FORMATS.subList(1, FORMATS.size())
                    + "); skipped"));
        continue;
      }
      read++;
      List<Story> found = new ArrayList<>();
      try {
        reader
            .get()
            .read(new StoryReader.Input(file, path, keys.get(file)), found::add, diagnostics);
      } catch (IOException | RuntimeException e) {
        diagnostics.add(Diagnostic.error(path, "cannot import: " + e));
      }
      for (Story story : found) {
        Optional<Story> checked = checked(story, diagnostics);
        if (checked.isEmpty()) {
          continue;
        }
        Story s = checked.get(); // its id perhaps shortened
        Story before = stories.remove(s.id());
        if (before != null) {
          duplicates++;
        }
        stories.put(s.id(), s);
        inputOf.put(s.id(), keys.get(file));
      }
    }
    ArticleFiles writer = new ArticleFiles(into);
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (Story s : stories.values()) {
      switch (writer.write(s, inputOf.get(s.id()))) {
        case CREATED -> created++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
      }
    }
    return new Result(
        read, stories.size(), created, updated, unchanged, duplicates, diagnostics.snapshot());
  }

  /**
   * A story the build can read: an id without invisible characters and of at most {@link
   * Metadata#LONGEST_NAME} characters (a longer one, such as a page's canonical URL with a long
   * query, is shortened), a title or a body.
   */
  private static Optional<Story> checked(Story s, Diagnostics diagnostics) {
    Optional<String> problem = Metadata.idProblem(s.id());
    if (problem.isPresent()) {
      diagnostics.add(s.origin().error("its id " + problem.get() + "; left out"));
      return Optional.empty();
    }
    if (s.title().isEmpty() && s.markdown().isBlank()) {
      diagnostics.add(s.origin().error("story has neither a title nor a body; left out"));
      return Optional.empty();
    }
    if (s.id().length() > Metadata.LONGEST_NAME) {
      String id = shortened(s.id());
      diagnostics.add(
          s.origin()
              .note(
                  "its id is "
                      + s.id().length()
                      + " characters long, more than the "
                      + Metadata.LONGEST_NAME
                      + " an id may have; shortened to its first "
                      + (id.length() - HASHED.length() - 16)
                      + " and a hash of the whole: "
                      + id.substring(0, Math.min(80, id.length()))
                      + "..."));
      return Optional.of(s.withId(id));
    }
    return Optional.of(s);
  }

  private static final String HASHED = "#sha256:";

  /**
   * An id short enough for the build, the same at every import: its first 900 characters (not
   * splitting a character) and 16 hex digits of the whole id's SHA-256.
   */
  static String shortened(String id) {
    int keep = 900;
    if (Character.isHighSurrogate(id.charAt(keep - 1))) {
      keep--;
    }
    return id.substring(0, keep) + HASHED + ArticleFiles.hash(id).substring(0, 16);
  }

  static Optional<StoryReader> readerFor(Path file, String format) throws IOException {
    switch (format.toLowerCase(Locale.ROOT)) {
      case "rss", "atom", "feed" -> {
        return Optional.of(new FeedReader());
      }
      case "jsonfeed" -> {
        return Optional.of(new JsonFeedReader());
      }
      case "wxr" -> {
        return Optional.of(new WxrReader());
      }
      case "html" -> {
        return Optional.of(new HtmlPageReader());
      }
      case "nitf" -> {
        return Optional.of(new NitfReader());
      }
      case "newsml" -> {
        return Optional.of(new NewsMlReader());
      }
      default -> {
        return detect(file);
      }
    }
  }

  /** The reader for a file, by its extension and, for XML, its root element. */
  static Optional<StoryReader> detect(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return Optional.of(new JsonFeedReader());
    }
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
      return Optional.of(new HtmlPageReader());
    }
    if (!(name.endsWith(".xml")
        || name.endsWith(".rss")
        || name.endsWith(".atom")
        || name.endsWith(".wxr")
        || name.endsWith(".nitf")
        || name.endsWith(".rdf"))) {
      return Optional.empty();
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF);
    }
    String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
    Optional<String> root = SafeXml.rootName(head).or(() -> rootByText(text));
    return root.flatMap(
        r ->
            switch (r) {
              case "rss" ->
                  Optional.of(
                      text.contains("wordpress.org/export/") ? new WxrReader() : new FeedReader());
              case "feed", "RDF" -> Optional.of(new FeedReader());
              case "nitf" -> Optional.of(new NitfReader());
              case "newsItem", "newsMessage" -> Optional.of(new NewsMlReader());
              default -> Optional.empty();
            });
  }

  /** The root element's name from the text, for a file too broken for the XML reader. */
  private static Optional<String> rootByText(String text) {
    var m =
        java.util.regex.Pattern.compile(
                "<(?:[\\w.-]+:)?(rss|feed|RDF|nitf|newsItem|newsMessage)[\\s>]")
            .matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** "the 3 items before this point are imported", for a file cut short. */
  static String before(int n, String what) {
    return (n == 1 ? "the " + what : "the " + n + " " + what + "s")
        + " before this point "
        + (n == 1 ? "is" : "are")
        + " imported";
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String shown(Path file, Path base) {
    Path abs = file.toAbsolutePath().normalize();
    Path b = base.toAbsolutePath().normalize();
    return (abs.startsWith(b) ? b.relativize(abs) : abs).toString().replace('\\', '/');
  }
}
