package org.broadsheet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.Progress;
import org.broadsheet.build.SameSite;
import org.broadsheet.build.SiteBuilder;
import org.broadsheet.build.SiteFixture;
import org.broadsheet.diag.Diagnostic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark build in {@code local[2]} publishes what {@code broadsheet build} publishes: every
 * article, listing and feed page byte for byte, the same diagnostics, and an index that answers a
 * fixed set of queries with the same ids, order and scores. One Spark context for the class.
 */
class SparkIdentityTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static JavaSparkContext spark;

  @BeforeAll
  static void startSpark() {
    spark =
        new JavaSparkContext(
            new SparkConf()
                .setMaster("local[2]")
                .setAppName("SparkIdentityTest")
                .set("spark.ui.enabled", "false")
                .set("spark.default.parallelism", "2")
                .set("spark.sql.shuffle.partitions", "2")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    spark.setLogLevel("WARN");
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.close();
    }
  }

  @Test
  void theBundledSampleIsBuiltAsTheLocalBuildBuildsIt(@TempDir Path dir) throws IOException {
    Path site = SiteFixture.copyOfBundledSite(dir);
    // what only the whole archive can settle, split over parts: an id given twice (the later file
    // in path order is left out; the index must hold the earlier's document only), a slug two
    // articles want, and a file that does not parse (its error with line and column)
    Files.writeString(
        site.resolve("content/0000-first.md"),
        "---\ntitle: Harbour strike ends\nid: shared-id\ndate: 2024-05-01T10:00:00Z\n---\n"
            + "Dock workers went back to work after a week.\n");
    Files.writeString(
        site.resolve("content/zzzz-second.md"),
        "---\ntitle: Harbour strike ends\nid: shared-id\ndate: 2024-05-02T10:00:00Z\n---\n"
            + "A second file with the first one's id: harbour cranes idle.\n");
    Files.writeString(
        site.resolve("content/zzzz-third.md"),
        "---\ntitle: Harbour strike ends\ndate: 2024-05-03T10:00:00Z\n---\n"
            + "Same title, another id: the slug must be made unique. Harbour pay talks.\n");
    Files.writeString(
        site.resolve("content/zzzz-broken.md"),
        "---\ntitle: [unclosed\ndate: 2024-05-04\n---\nBody.\n");
    Comparison c = compare(site, dir, 3);
    assertTrue(c.local().articles() > 10, "the sample has articles: " + c.local().articles());
    List<String> problems = headlines(c.spark().diagnostics());
    assertTrue(
        problems.stream().anyMatch(d -> d.startsWith("content/zzzz-broken.md:2:8:")),
        "the parse error, with its line and column: " + problems);
    assertTrue(
        problems.stream().anyMatch(d -> d.contains("zzzz-second.md") && d.contains("shared-id")),
        "the duplicate id: " + problems);
    assertQueriesAgree(
        c,
        List.of(
            "iran",
            "\"nuclear deal\"",
            "strike -harbour",
            "chip*",
            "sanctions talks",
            "port",
            "harbour",
            "cranes"));
  }

  @Test
  void twoThousandReutersStoriesAreBuiltAsTheLocalBuildBuildsThem(@TempDir Path dir)
      throws IOException, InterruptedException {
    Optional<Path> tarball = reutersTarball();
    assumeTrue(
        tarball.isPresent(),
        "shared/corpus/reuters21578.tar.gz not found: Reuters identity skipped");
    Path site = dir.resolve("site");
    Path content = Files.createDirectories(site.resolve("content"));
    Path unpacked = Files.createDirectories(dir.resolve("reuters"));
    Process tar =
        new ProcessBuilder(
                "tar", "xzf", tarball.get().toAbsolutePath().toString(), "-C", unpacked.toString())
            .inheritIO()
            .start();
    assertEquals(0, tar.waitFor(), "tar");
    List<Path> stories;
    try (Stream<Path> s = Files.list(unpacked.resolve("reuters"))) {
      stories = s.filter(p -> p.toString().endsWith(".md")).sorted().limit(2000).toList();
    }
    for (Path story : stories) {
      Files.copy(story, content.resolve(story.getFileName()));
    }
    Files.writeString(
        site.resolve("site.yaml"), "title: Reuters 1987\nbaseUrl: https://example.org/\n");
    Comparison c = compare(site, dir, 4);
    assertTrue(c.local().articles() > 1900, "articles: " + c.local().articles());
    List<String> queries =
        new ArrayList<>(List.of("oil prices", "\"interest rates\"", "wheat -corn"));
    queries.addAll(List.of("bank*", "trade deficit japan", "gold", "opec output"));
    assertQueriesAgree(c, queries);
  }

  private record Comparison(
      BuildResult local, SparkBuild.Result spark, Path localOut, Path sparkOut) {}

  /** Builds {@code site} both ways at the same instant; asserts the files and diagnostics agree. */
  private static Comparison compare(Path site, Path dir, int partitions) throws IOException {
    Path localOut = dir.resolve("local");
    Path sparkOut = dir.resolve("spark");
    BuildResult local =
        new SiteBuilder(Progress.quiet())
            .build(
                BuildOptions.of(site)
                    .withOut(localOut)
                    .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .withClean(true));
    SparkBuild.Result built =
        SparkBuild.run(
            spark,
            new JobSettings(
                site.toUri(),
                sparkOut.toUri(),
                false,
                false,
                false,
                null,
                partitions,
                NOW.toEpochMilli()));
    Set<String> published = SameSite.assertSameFiles(localOut, sparkOut);
    for (String path : published) {
      // a web server reads the site as another user: what the local build lets others read, so
      // does the Spark build (its tasks write pages in place, through temporary files made 0600)
      if (readableByOthers(localOut.resolve(path))) {
        assertTrue(readableByOthers(sparkOut.resolve(path)), "others may read " + path);
      }
    }
    assertTrue(published.stream().anyMatch(p -> p.startsWith("articles/")));
    assertTrue(published.contains("feed.xml") && published.contains("index.html"));
    assertEquals(local.articles(), built.articles(), "articles published");
    assertEquals(local.skipped(), built.skipped(), "skipped");
    assertEquals(headlines(local.diagnostics()), headlines(built.diagnostics()), "diagnostics");
    assertFalse(
        Files.list(dir).anyMatch(p -> p.getFileName().toString().contains(".spark-")),
        "no staging or work folder left beside the output");
    return new Comparison(local, built, localOut, sparkOut);
  }

  private static void assertQueriesAgree(Comparison c, List<String> queries) throws IOException {
    List<String> expected = SameSite.searchResults(c.localOut(), queries);
    assertEquals(expected, SameSite.searchResults(c.sparkOut(), queries));
    assertEquals(segments(c.localOut()), segments(c.sparkOut()), "segments");
    assertTrue(
        expected.stream().filter(l -> !l.contains(" total ")).count() > queries.size(), "hits");
  }

  private static boolean readableByOthers(Path file) throws IOException {
    return !file.getFileSystem().supportedFileAttributeViews().contains("posix")
        || Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ);
  }

  private static List<String> headlines(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::format).sorted().toList();
  }

  private static int segments(Path site) throws IOException {
    try (var d = FSDirectory.open(site.resolve("search/lucene"));
        var reader = DirectoryReader.open(d)) {
      return reader.leaves().size();
    }
  }

  private static Optional<Path> reutersTarball() {
    String env = System.getenv("BROADSHEET_CORPUS");
    List<Path> candidates = new ArrayList<>();
    if (env != null) {
      candidates.add(Path.of(env));
    }
    candidates.add(Path.of("../../shared/corpus/reuters21578.tar.gz"));
    candidates.add(Path.of("../shared/corpus/reuters21578.tar.gz"));
    return candidates.stream().filter(Files::isRegularFile).findFirst();
  }
}
