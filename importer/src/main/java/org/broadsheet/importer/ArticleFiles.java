package org.broadsheet.importer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.broadsheet.content.Slugs;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes each story as a Markdown article with YAML front matter (dumped by SnakeYAML), at a file
 * name derived from the story's id alone: the same story imported again lands on the same file,
 * which is rewritten only when its bytes would change. Nothing in the file depends on when the
 * import ran, so a second import of the same input changes no byte.
 *
 * <pre>
 * ---
 * title: ...            Broadsheet's own keys, in this order, when the source gives them
 * id: ...               the source's guid / id / doc-id
 * date, updated, authors, section, tags, summary, dateline, source, license, lang, draft
 * imported:             everything else the source said: format, file, and its own fields
 *   format: rss
 *   file: feeds/wire.xml
 *   link: https://...
 * ---
 * Markdown body
 * </pre>
 */
final class ArticleFiles {
  /** Whether a story's file was created, changed or already as it would be written. */
  enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  private final Path folder;
  private final Yaml yaml;

  ArticleFiles(Path folder) {
    this.folder = folder;
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setSplitLines(false);
    options.setAllowUnicode(true);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setLineBreak(DumperOptions.LineBreak.UNIX);
    this.yaml = new Yaml(new Representer(options), options);
  }

  /** The file name of a story: readable words of its id, then a hash of the whole id. */
  static String fileName(String id) {
    String tail = id;
    try {
      URI uri = URI.create(id.strip());
      if (uri.getScheme() != null && uri.getRawPath() != null) {
        String path = uri.getPath().replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        tail = last + (uri.getQuery() == null ? "" : "-" + uri.getQuery());
        if (tail.isBlank()) {
          tail = uri.getHost() == null ? id : uri.getHost();
        }
      }
    } catch (IllegalArgumentException e) {
      // not a URI: the id as it is
    }
    String words = Slugs.slugify(tail.replaceAll("\\.[a-z]{2,5}$", ""));
    if (words.length() > 60) {
      words = words.substring(0, 60).replaceAll("-+$", "");
    }
    return (words.isEmpty() || words.equals("untitled") ? "story" : words)
        + "-"
        + hash(id).substring(0, 10)
        + ".md";
  }

  /**
   * Writes (or leaves as it is) the story's file.
   *
   * @param input the input file as found from its input folder (not from where the import runs, so
   *     that the same import run elsewhere writes the same bytes)
   */
  Outcome write(Story story, String input) throws IOException {
    Path file = folder.resolve(fileName(story.id()));
    byte[] bytes = render(story, input).getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
      return Outcome.UNCHANGED;
    }
    boolean existed = Files.exists(file);
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, ".import-", ".tmp");
    try {
      Files.write(temp, bytes);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return existed ? Outcome.UPDATED : Outcome.CREATED;
  }

  Path folder() {
    return folder;
  }

  /** The article file's text. */
  String render(Story s, String input) {
    Map<String, Object> front = new LinkedHashMap<>();
    putText(front, "title", s.title());
    front.put("id", s.id());
    putText(front, "slug", s.slug());
    s.date().ifPresent(d -> front.put("date", d));
    s.updated().ifPresent(d -> front.put("updated", d));
    if (!s.authors().isEmpty()) {
      front.put("authors", s.authors());
    }
    putText(front, "section", s.section());
    if (!s.tags().isEmpty()) {
      front.put("tags", s.tags());
    }
    putText(front, "summary", s.summary());
    putText(front, "dateline", s.dateline());
    putText(front, "source", s.source());
    putText(front, "license", s.license());
    putText(front, "lang", s.lang());
    if (s.draft()) {
      front.put("draft", true);
    }
    Map<String, Object> imported = new LinkedHashMap<>();
    imported.put("format", s.imported().get("format"));
    imported.put("file", input);
    imported.putAll(s.imported());
    front.put("imported", imported);
    String body = s.markdown().strip();
    return "---\n" + yaml.dump(front) + "---\n" + (body.isEmpty() ? "" : body + "\n");
  }

  private static void putText(Map<String, Object> front, String key, String value) {
    if (!value.isBlank()) {
      front.put(key, value);
    }
  }

  /** SHA-256 of the id's UTF-8 bytes, in hex. */
  static String hash(String id) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
