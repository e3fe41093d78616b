package org.broadsheet.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.content.Article;
import org.broadsheet.content.Body;
import org.broadsheet.content.Slugs;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.LineMap;
import org.broadsheet.source.SourceFile;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Raw plain-text wire copy (first level): id from the file name, title from a sidecar
 * {@code <name>.yaml} or the lead sentence, dateline and licence footer split off into fields.
 */
public final class WireTextParser implements ArticleParser {
  private static final Pattern DATELINE =
      Pattern.compile("^\\s*([A-Z][A-Z .'’-]{1,40}?)(?:,\\s*([A-Z][a-z]{2,8}\\.? \\d{1,2}))?\\s*[—–-]+\\s+");
  private static final Pattern LICENCE = Pattern.compile(
      "All Content by (.+?) is licensed under a Creative Commons Attribution 4\\.0 International License\\.?\\s*$");
  private static final Pattern ID_FROM_NAME = Pattern.compile("^\\d+_(.+)$");
  private static final Pattern DATE_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

  @Override
  public boolean accepts(SourceFile file) {
    return file.extension().equals("txt");
  }

  @Override
  public Optional<Article> parse(SourceFile file, String text, ParseContext context, Diagnostics diagnostics) {
    String path = file.relativePath();
    Optional<Metadata> sidecar = readSidecar(file, context, diagnostics);
    if (sidecar.isEmpty()) {
      return Optional.empty();
    }
    Metadata meta = sidecar.get();
    String body = text.replace("\r\n", "\n").strip();
    String source = "";
    String license = "";
    Matcher lic = LICENCE.matcher(body);
    if (lic.find()) {
      source = lic.group(1).strip();
      license = "CC-BY-4.0";
      body = body.substring(0, lic.start()).strip();
    }
    String dateline = "";
    Matcher dl = DATELINE.matcher(body);
    if (dl.find()) {
      dateline = dl.group(1).strip();
      body = body.substring(dl.end());
    }
    List<String> paragraphs = new ArrayList<>();
    for (String p : body.split("\u00a0\\s*|\\n\\s*\\n|\\n(?= {2,}|\\t)")) {
      String clean = p.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
      if (!clean.isEmpty()) {
        paragraphs.add(clean);
      }
    }
    if (paragraphs.isEmpty()) {
      diagnostics.add(Diagnostic.error(path, "no body text after the dateline; no article"));
      return Optional.empty();
    }
    String plain = String.join("\n\n", paragraphs);
    StringBuilder html = new StringBuilder();
    for (String p : paragraphs) {
      html.append("<p>").append(Html.escape(p)).append("</p>\n");
    }
    String id = meta.id().orElseGet(() -> idFromName(file.baseName()));
    Optional<java.time.ZonedDateTime> date = meta.date().or(() -> dateFromName(file.baseName(), context));
    if (date.isEmpty()) {
      diagnostics.add(Diagnostic.warning(path, "no date (sidecar, _metadata.csv or file name); listed as undated"));
    }
    String title = meta.title().orElseGet(() -> Summaries.lead(paragraphs.get(0), 90));
    return Optional.of(new Article(id, meta.slug().map(Slugs::slugify).orElse(Slugs.slugify(id)), title,
        meta.summary().orElse(Summaries.lead(plain, 220)), date, meta.updated(), meta.authors(),
        meta.dateline().orElse(dateline), meta.section().orElse(""), meta.tags(),
        meta.source().orElse(source), meta.license().orElse(license), meta.lang().orElse(context.language()),
        meta.draft(), path, new Body(html.toString(), plain)));
  }

  static String idFromName(String baseName) {
    Matcher m = ID_FROM_NAME.matcher(baseName);
    return m.matches() ? m.group(1) : baseName;
  }

  private static Optional<java.time.ZonedDateTime> dateFromName(String baseName, ParseContext context) {
    Matcher m = DATE_IN_NAME.matcher(baseName);
    return m.find() ? Dates.parse(m.group(1), context.timeZone()) : Optional.empty();
  }

  /** Reads {@code <name>.yaml}/{@code .yml}/{@code .json} beside the file; empty on error, EMPTY when absent. */
  static Optional<Metadata> readSidecar(SourceFile file, ParseContext context, Diagnostics diagnostics) {
    for (String ext : List.of("yaml", "yml", "json")) {
      Path sidecar = file.file().resolveSibling(file.baseName() + "." + ext);
      if (!Files.isRegularFile(sidecar)) {
        continue;
      }
      String sidePath = file.relativePath().substring(0, file.relativePath().length() - file.fileName().length())
          + sidecar.getFileName();
      try {
        String yaml = Files.readString(sidecar, StandardCharsets.UTF_8);
        LineMap lines = new LineMap(yaml);
        Object loaded = Yamls.loader().load(yaml);
        if (!(loaded instanceof Map<?, ?> map)) {
          diagnostics.add(Diagnostic.error(sidePath, 1, 1, "sidecar must be a mapping of keys to values", lines.lineText(1)));
          return Optional.empty();
        }
        return Metadata.read(map, sidePath, context, key -> lineOfKey(lines, key), lines::lineText, diagnostics);
      } catch (IOException | YAMLException e) {
        diagnostics.add(Diagnostic.error(sidePath, "cannot read sidecar: " + e.getMessage()));
        return Optional.empty();
      }
    }
    return Optional.of(Metadata.EMPTY);
  }

  private static int lineOfKey(LineMap lines, String key) {
    for (int line = 1; line <= lines.lineCount(); line++) {
      String l = lines.lineText(line).stripLeading().replace("\"", "");
      if (l.startsWith(key) && l.substring(key.length()).stripLeading().startsWith(":")) {
        return line;
      }
    }
    return 0;
  }
}
