package org.broadsheet.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.parse.ParseContext;
import org.broadsheet.parse.Parsers;
import org.broadsheet.source.SourceFile;

/**
 * The first N Reuters-21578 stories of {@code shared/corpus/reuters21578.tar.gz} (beside the
 * clone), parsed by core's parsers exactly as a site build parses them. Absent in a clone without
 * shared/.
 */
final class ReutersCorpus {
  private ReutersCorpus() {}

  static Optional<Path> tarball() {
    String env = System.getenv("BROADSHEET_CORPUS");
    List<Path> candidates = new ArrayList<>();
    if (env != null) {
      candidates.add(Path.of(env));
    }
    candidates.add(Path.of("../../shared/corpus/reuters21578.tar.gz"));
    candidates.add(Path.of("../shared/corpus/reuters21578.tar.gz"));
    return candidates.stream().filter(Files::isRegularFile).findFirst();
  }

  static List<Article> load(Path tarball, Path workDir, int count)
      throws IOException, InterruptedException {
    Path dir = workDir.resolve("reuters");
    if (!Files.isDirectory(dir.resolve("reuters"))) {
      Files.createDirectories(dir);
      Process tar =
          new ProcessBuilder(
                  "tar", "xzf", tarball.toAbsolutePath().toString(), "-C", dir.toString())
              .inheritIO()
              .start();
      if (tar.waitFor() != 0) {
        throw new IOException("tar failed on " + tarball);
      }
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir.resolve("reuters"))) {
      files = s.filter(p -> p.toString().endsWith(".md")).sorted().limit(count).toList();
    }
    Parsers parsers = Parsers.standard(new ParseContext(ZoneId.of("UTC"), "en"));
    Diagnostics diagnostics = new Diagnostics();
    List<Article> out = new ArrayList<>();
    for (Path f : files) {
      parsers
          .parse(new SourceFile("content/" + f.getFileName(), f), diagnostics)
          .ifPresent(out::add);
    }
    return out;
  }

  /** Deterministic queries of every kind the query language has, from the stories' own words. */
  static List<Parity.Query> queries(List<Article> articles, int count) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < articles.size() && words.size() < 400; i += 37) {
      for (String w : articles.get(i).title().toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
        if (w.length() >= 4 && !words.contains(w)) {
          words.add(w);
        }
      }
    }
    List<Parity.Query> out = new ArrayList<>();
    String[][] ranges = {
      {"1987-03-01", "1987-03-15"}, {"1987-01-01", "1987-12-31"}, {null, "1987-03-05"}
    };
    for (int i = 0; out.size() < count; i++) {
      String a = words.get(i % words.size());
      String b = words.get((i * 7 + 3) % words.size());
      String c = words.get((i * 13 + 5) % words.size());
      Parity.Query q =
          switch (i % 10) {
            case 0, 1, 2 -> Parity.Query.of(a);
            case 3 -> Parity.Query.of(a + " " + b);
            case 4 ->
                Parity.Query.of(a + " " + b + " " + c + " " + words.get((i + 11) % words.size()));
            case 5 -> Parity.Query.of("\"" + a + " " + b + "\" " + c);
            case 6 -> Parity.Query.of(a + " -" + b);
            case 7 -> Parity.Query.of(a.substring(0, 4) + "*");
            case 8 ->
                new Parity.Query(a, null, null, ranges[i % 3][0], ranges[i % 3][1], "relevance");
            default -> new Parity.Query(a + " " + b, null, null, null, null, "date");
          };
      out.add(q);
    }
    return out;
  }
}
