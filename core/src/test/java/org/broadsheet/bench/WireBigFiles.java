package org.broadsheet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.parse.ParseContext;
import org.broadsheet.parse.Parsers;
import org.broadsheet.source.SourceFile;

/**
 * Times the wire parser on hostile large inputs, to show parsing stays linear: single-line files of
 * 5, 25 and 50 MB (glued paragraphs; no spaces at all; only periods), each parsed through the whole
 * path (read, decode, parse). Run by {@code bench/wire-stats.sh}.
 */
public final class WireBigFiles {
  private WireBigFiles() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("wire-big");
    Parsers parsers = Parsers.standard(new ParseContext(ZoneId.of("UTC"), "en"));
    String glued =
        "TEHRAN \u2014 The spokesman said the talks were still going on, and that a reply was due.\u00a0 "
            + "Officials met again on Monday As it has been said before the sides are close. ";
    System.out.println("file          size     wall      cpu  MB/cpu-s   blocks");
    for (int mb : new int[] {5, 25, 50}) {
      time(parsers, dir, "glued-" + mb, repeat(glued, mb));
      time(parsers, dir, "nospace-" + mb, repeat("x", mb));
      time(parsers, dir, "periods-" + mb, repeat("a.", mb));
    }
  }

  private static String repeat(String unit, int mb) {
    int times = mb * 1_000_000 / unit.getBytes(StandardCharsets.UTF_8).length;
    return unit.repeat(times);
  }

  private static void time(Parsers parsers, Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name + ".txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    long size = Files.size(file);
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long started = System.nanoTime();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    Optional<Article> a =
        parsers.parse(new SourceFile("content/" + name + ".txt", file), new Diagnostics());
    double s = (System.nanoTime() - started) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
    long blocks = a.map(x -> x.body().html().lines().count()).orElse(0L);
    System.out.printf(
        "%-12s %5.1f MB %6.2f s %6.2f s %7.1f %8d%n",
        name, size / 1e6, s, cpu, size / 1e6 / cpu, blocks);
    Files.delete(file);
  }
}
