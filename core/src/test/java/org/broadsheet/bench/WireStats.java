package org.broadsheet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.parse.ParseContext;
import org.broadsheet.parse.Parsers;
import org.broadsheet.source.SourceFile;

/**
 * Figures for the wire parser over a folder of {@code .txt} stories (the Reuters-21578 wire texts):
 * crashes, stories with a body that became articles, dateline rate among stories that open with
 * one, bodies still holding a {@code Reuter} sign-off, and throughput. Run by {@code
 * bench/wire-stats.sh}.
 *
 * <p>"Opens with a dateline" and "has a body" are judged here by simple reference rules that do not
 * share code with the parser, so the figures check the parser rather than repeat it.
 */
public final class WireStats {
  /** PLACE, [State,] [- ] Month Day: the Reuters form, judged on the first line. */
  private static final Pattern OPENS_WITH_DATELINE =
      Pattern.compile(
          "^\\s*[A-Za-z][^,\\n]{1,40}, (?:[A-Za-z.]+\\.?,? )?(?:-\\s*)?(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
              + "[a-z]*\\.? ?\\d{1,2}\\b");

  private static final Pattern SIGN_OFF_LEFT =
      Pattern.compile("(?i)(?:^|\\n|[.!?)\"”]\\s+|\\s{2,})reuters?\\b[\\s.\\d:/a-z]{0,8}$");
  private static final Pattern REF_DATELINE = Pattern.compile("^\\s*[^\\n]{0,60}?\\s[-—–]+\\s");

  private WireStats() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    Parsers parsers = Parsers.standard(new ParseContext(ZoneId.of("UTC"), "en"));
    int crashes = 0, withBody = 0, articles = 0, bodyArticles = 0, opening = 0, datelineFound = 0;
    int signOffLeft = 0, headings = 0, pre = 0, undated = 0;
    long bytes = 0;
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long started = System.nanoTime();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    StringBuilder misses = new StringBuilder();
    for (Path file : files) {
      byte[] raw = Files.readAllBytes(file);
      bytes += raw.length;
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      boolean hasBody = hasBody(text);
      boolean opens = OPENS_WITH_DATELINE.matcher(text.lines().findFirst().orElse("")).find();
      Diagnostics diagnostics = new Diagnostics();
      Optional<Article> article;
      try {
        article =
            parsers.parse(new SourceFile("reuters-wire/" + file.getFileName(), file), diagnostics);
      } catch (RuntimeException e) {
        crashes++;
        continue;
      }
      crashes +=
          (int)
              diagnostics.snapshot().stream()
                  .filter(d -> d.message().startsWith("parser failed"))
                  .count();
      withBody += hasBody ? 1 : 0;
      if (article.isEmpty()) {
        if (hasBody) {
          misses
              .append("  no article: ")
              .append(file.getFileName())
              .append(' ')
              .append(diagnostics.snapshot().stream().map(Diagnostic::message).toList())
              .append('\n');
        }
        continue;
      }
      Article a = article.get();
      articles++;
      bodyArticles += hasBody ? 1 : 0;
      undated += a.isDated() ? 0 : 1;
      if (opens) {
        opening++;
        if (!a.dateline().isEmpty()) {
          datelineFound++;
        } else if (misses.length() < 4000) {
          misses
              .append("  dateline missed: ")
              .append(file.getFileName())
              .append(": ")
              .append(text.lines().findFirst().orElse(""))
              .append('\n');
        }
      }
      String body = a.body().text();
      if (SIGN_OFF_LEFT.matcher(body.substring(Math.max(0, body.length() - 40))).find()) {
        signOffLeft++;
        if (misses.length() < 6000) {
          misses.append("  sign-off left: ").append(file.getFileName()).append('\n');
        }
      }
      headings += (int) a.body().html().lines().filter(l -> l.startsWith("<h2")).count();
      pre += (int) a.body().html().lines().filter(l -> l.startsWith("<pre>")).count();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
    System.out.printf("files                       %d (%.1f MB)%n", files.size(), bytes / 1e6);
    System.out.printf("crashes                     %d%n", crashes);
    System.out.printf(
        "stories with a body         %d -> articles %d (%s)%n",
        withBody,
        bodyArticles,
        withBody == bodyArticles ? "all" : (withBody - bodyArticles) + " lost");
    System.out.printf("articles in all             %d%n", articles);
    System.out.printf(
        "dateline found              %d of %d that open with one (%.2f%%)%n",
        datelineFound, opening, 100.0 * datelineFound / Math.max(1, opening));
    System.out.printf("bodies with Reuter sign-off %d%n", signOffLeft);
    System.out.printf("subheadings / pre blocks    %d / %d%n", headings, pre);
    System.out.printf("undated (no year known)     %d%n", undated);
    System.out.printf(
        "parse time                  %.2f s wall, %.2f s cpu (1 thread; read+decode+parse)%n",
        seconds, cpu);
    System.out.printf(
        "throughput                  %.0f stories/cpu-s, %.1f MB/cpu-s%n",
        files.size() / cpu, bytes / 1e6 / cpu);
    if (misses.length() > 0) {
      System.out.print("examples:\n" + misses);
    }
  }

  /** Some text beyond a leading dateline and a closing sign-off. */
  static boolean hasBody(String text) {
    String t = text.strip();
    t = t.replaceFirst("(?i)\\s*\\breuters?\\b[\\s.\\d:/A-Za-z]{0,8}$", "").strip();
    t = REF_DATELINE.matcher(t).replaceFirst("");
    return !t.isBlank();
  }
}
