package org.broadsheet.parse;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.broadsheet.content.Extras;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.LineMap;

/**
 * An archive-wide {@code _metadata.csv}: one row per article file, the header naming the columns.
 *
 * <pre>
 * file,title,date,author,section,tags,url
 * 000_6c84957aa5ccaf51.txt,"Iran: JCPOA talks still ongoing",2022-08-22,,Politics,Iran;JCPOA,https://...
 * reuters-00001.txt,,1987,,,,          (a year alone dates a dateline's month and day)
 * </pre>
 *
 * {@code file} (or {@code filename}, {@code name}, {@code path}) is the file name, the name without
 * extension, or the path from the CSV's folder. Lists ({@code authors}, {@code tags}) are split on
 * {@code ;} or {@code |}. RFC 4180 quoting; {@code ;} as the delimiter when the header has no
 * comma.
 */
public final class MetadataCsv {
  private static final Set<String> FILE_COLUMNS = Set.of("file", "filename", "name", "path");
  private static final Set<String> COLUMNS =
      Set.of(
          "title",
          "date",
          "author",
          "authors",
          "section",
          "tags",
          "url",
          "summary",
          "source",
          "license",
          "licence",
          "lang",
          "dateline",
          "slug",
          "id",
          "year");

  /**
   * One row: the fields it gives, a bare year when its date is only a year, and the article's URL.
   */
  public record Entry(Metadata metadata, OptionalInt year, String url, String csvPath, int line) {}

  private final Map<String, Entry> entries;

  private MetadataCsv(Map<String, Entry> entries) {
    this.entries = Map.copyOf(entries);
  }

  /** The row for a file, given its path relative to the CSV's folder. */
  public Optional<Entry> find(String pathFromCsvFolder) {
    String name = pathFromCsvFolder.substring(pathFromCsvFolder.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    for (String key : List.of(pathFromCsvFolder, name, base)) {
      Entry e = entries.get(key);
      if (e != null) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  public int size() {
    return entries.size();
  }

  /** Reads the CSV text; problems go to {@code problems} with their line and column. */
  public static MetadataCsv parse(
      String text, String path, ParseContext context, List<Diagnostic> problems) {
    LineMap lines = new LineMap(text);
    List<List<String>> rows = new ArrayList<>();
    List<Integer> rowLines = new ArrayList<>();
    char delimiter = delimiter(text);
    readRows(text, delimiter, rows, rowLines, lines);
    if (rows.isEmpty()) {
      problems.add(Diagnostic.warning(path, "empty _metadata.csv; ignored"));
      return new MetadataCsv(Map.of());
    }
    List<String> header =
        rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int fileColumn = -1;
    for (int c = 0; c < header.size(); c++) {
      if (FILE_COLUMNS.contains(header.get(c)) && fileColumn < 0) {
        fileColumn = c;
      } else if (!COLUMNS.contains(header.get(c))) {
        problems.add(
            Diagnostic.warning(
                path,
                1,
                1,
                "unknown column '"
                    + header.get(c)
                    + "' (known: file, "
                    + String.join(", ", COLUMNS.stream().sorted().toList())
                    + "); ignored",
                lines.lineText(1)));
      }
    }
    if (fileColumn < 0) {
      problems.add(
          Diagnostic.error(
              path,
              1,
              1,
              "_metadata.csv needs a 'file' column naming each article file",
              lines.lineText(1)));
      return new MetadataCsv(Map.of());
    }
    Map<String, Entry> entries = new HashMap<>();
    for (int r = 1; r < rows.size(); r++) {
      Map<String, String> row = new HashMap<>();
      List<String> cells = rows.get(r);
      for (int c = 0; c < Math.min(cells.size(), header.size()); c++) {
        if (!cells.get(c).isBlank()) {
          row.put(header.get(c), cells.get(c).strip());
        }
      }
      String file =
          row.getOrDefault(header.get(fileColumn), "").replace('\\', '/').replaceFirst("^\\./", "");
      if (file.isEmpty()) {
        continue;
      }
      int line = rowLines.get(r);
      entries.put(file, entry(row, path, line, lines.lineText(line), context, problems));
    }
    return new MetadataCsv(entries);
  }

  private static Entry entry(
      Map<String, String> row,
      String path,
      int line,
      String lineText,
      ParseContext context,
      List<Diagnostic> problems) {
    Optional<ZonedDateTime> date = Optional.empty();
    OptionalInt year = OptionalInt.empty();
    String rawDate = row.getOrDefault("date", "");
    String rawYear = row.getOrDefault("year", rawDate.length() >= 4 ? rawDate.substring(0, 4) : "");
    if (rawYear.matches("\\d{4}")) {
      year = OptionalInt.of(Integer.parseInt(rawYear));
    }
    if (!rawDate.isEmpty() && !rawDate.matches("\\d{4}(-\\d{2})?")) {
      date = Dates.parse(rawDate, context.timeZone());
      if (date.isEmpty()) {
        int col = Math.max(1, lineText.indexOf(rawDate) + 1);
        problems.add(
            Diagnostic.warning(
                path,
                line,
                col,
                "'date' is not an ISO 8601 date: '"
                    + rawDate
                    + "' (expected e.g. 2024-03-01); row used without a date",
                lineText));
      }
    }
    text(row, "id")
        .flatMap(Metadata::idProblem)
        .ifPresent(
            problem ->
                problems.add(
                    Diagnostic.error(
                        path,
                        line,
                        columnOf(lineText, row.get("id")),
                        "'id' " + problem + "; the article of this row is left out",
                        lineText)));
    List<String> tags = new ArrayList<>(list(row.getOrDefault("tags", "")));
    List<String> nameless = Metadata.namelessTags(tags);
    if (!nameless.isEmpty()) {
      problems.add(
          Diagnostic.warning(
              path,
              line,
              columnOf(lineText, row.get("tags")),
              Metadata.namelessMessage(nameless),
              lineText));
      tags.removeAll(nameless);
    }
    Metadata m =
        new Metadata(
            text(row, "title"),
            date,
            Optional.empty(),
            list(row.getOrDefault("authors", row.getOrDefault("author", ""))),
            tags,
            text(row, "section"),
            text(row, "summary"),
            text(row, "slug"),
            text(row, "id"),
            false,
            text(row, "source"),
            text(row, "license").or(() -> text(row, "licence")),
            text(row, "lang"),
            text(row, "dateline"),
            Extras.NONE,
            Optional.empty());
    return new Entry(m, year, row.getOrDefault("url", ""), path, line);
  }

  /** Where a cell's text starts on its row's first line; 1 when it cannot be found there. */
  private static int columnOf(String lineText, String value) {
    String firstLine = value.split("[\r\n]", 2)[0];
    int at = firstLine.isEmpty() ? -1 : lineText.indexOf(firstLine);
    return at + 1 > 0 ? at + 1 : 1;
  }

  private static Optional<String> text(Map<String, String> row, String key) {
    return Optional.ofNullable(row.get(key)).filter(s -> !s.isBlank());
  }

  private static List<String> list(String value) {
    if (value.isBlank()) {
      return List.of();
    }
    String separator = value.contains(";") || value.contains("|") ? "[;|]" : ",";
    return java.util.Arrays.stream(value.split(separator))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static char delimiter(String text) {
    int nl = text.indexOf('\n');
    String header = nl < 0 ? text : text.substring(0, nl);
    return header.indexOf(',') < 0 && header.indexOf(';') >= 0 ? ';' : ',';
  }

  /** RFC 4180 rows: quoted cells may hold the delimiter, doubled quotes and line breaks. */
  private static void readRows(
      String text, char delimiter, List<List<String>> rows, List<Integer> rowLines, LineMap lines) {
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int rowStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank()) {
        quoted = true;
        cell.setLength(0);
      } else if (c == delimiter) {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        endRow(row, cell, rows, rowLines, lines.line(rowStart));
        row = new ArrayList<>();
        rowStart = i + 1;
      } else if (c != '\ufeff') {
        cell.append(c);
      }
    }
    endRow(row, cell, rows, rowLines, lines.line(rowStart));
  }

  private static void endRow(
      List<String> row,
      StringBuilder cell,
      List<List<String>> rows,
      List<Integer> rowLines,
      int line) {
    row.add(cell.toString());
    cell.setLength(0);
    if (row.size() > 1 || !row.get(0).isBlank()) {
      rows.add(row);
      rowLines.add(line);
    }
  }
}
