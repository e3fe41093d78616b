package org.broadsheet.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.broadsheet.build.SplitBuild;
import org.broadsheet.build.SummaryCodec;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.parse.Parsers;
import org.broadsheet.source.SourceFile;
import org.broadsheet.write.Publisher;

/**
 * The site build on Spark, in two passes over the articles with the driver's model between them, as
 * the local build parses once, keeps summaries and reloads bodies for the pages:
 *
 * <ol>
 *   <li><b>parse</b>: the article files, cut into contiguous parts in path order; each task parses
 *       its part, writes its own Lucene index (to a work folder beside the output) and returns its
 *       articles' summaries and every diagnostic.
 *   <li><b>model</b>, on the driver: the archive from all summaries; the parts' indexes added into
 *       the shipped, date-sorted index and reconciled with the archive (duplicate ids, renamed
 *       slugs); related articles from it; the browser's search files.
 *   <li><b>article pages</b>: the archive (summaries, related lists) is broadcast; each task
 *       renders a slice of its articles, parsing their bodies again from the sources.
 *   <li><b>site pages</b>, on the driver: listings, calendar, feeds, sitemaps, assets, static
 *       files; then the staging folder is swapped in.
 * </ol>
 */
public final class SparkBuild {
  /** Articles per part when the job is not told how many parts to make. */
  private static final int ARTICLES_PER_PART = 2000;

  private SparkBuild() {}

  /** What a build gave. */
  public record Result(
      int articles,
      int failed,
      int skipped,
      List<Diagnostic> diagnostics,
      Map<String, Duration> phases,
      long summaryBytes,
      long modelBytes) {}

  public static Result run(JavaSparkContext spark, JobSettings settings) throws IOException {
    Configuration conf = spark.hadoopConfiguration();
    String buildId = UUID.randomUUID().toString().substring(0, 8);
    SiteOutput output = SiteOutput.check(settings.out(), settings.source(), buildId, conf);
    Path scratch = Files.createTempDirectory("broadsheet-driver-");
    Map<String, Duration> phases = new LinkedHashMap<>();
    try {
      Result result = build(spark, settings, output, conf, scratch, phases);
      long t = System.nanoTime();
      output.commit();
      phases.put("commit", Duration.ofNanos(System.nanoTime() - t));
      return result;
    } catch (IOException | RuntimeException e) {
      output.abandon();
      throw e;
    } finally {
      Publisher.deleteTree(scratch);
    }
  }

  private static Result build(
      JavaSparkContext spark,
      JobSettings settings,
      SiteOutput output,
      Configuration conf,
      Path scratch,
      Map<String, Duration> phases)
      throws IOException {
    long t = System.nanoTime();
    Diagnostics diagnostics = new Diagnostics();
    SiteMirror site = SiteMirror.open(settings.source(), conf, scratch);
    site.localizeAll("site.yaml");
    site.localizeAll("templates");
    Path localOut = scratch.resolve("out");
    SplitBuild build =
        SplitBuild.open(settings.options(site.dir(), localOut), diagnostics, site::localize);
    List<String> articles = new ArrayList<>();
    List<SourceFile> statics = new ArrayList<>();
    for (String path : site.contentFiles()) {
      SourceFile file = new SourceFile(path, site.dir().resolve(path));
      Parsers.Kind kind = build.kindOf(file);
      if (kind == Parsers.Kind.ARTICLE) {
        articles.add(path);
      } else if (kind == Parsers.Kind.STATIC) {
        site.localize(path);
        statics.add(file);
      }
    }
    int parts = parts(settings, spark, articles.size());
    java.net.URI work = output.work();
    java.net.URI staging = output.staging();
    List<byte[]> encoded =
        spark
            .parallelize(articles, parts)
            .mapPartitionsWithIndex(
                (n, paths) ->
                    List.of(parsePart(settings, SiteOutput.partIndex(work, n), paths)).iterator(),
                true)
            .collect();
    phases.put("parse", since(t));

    t = System.nanoTime();
    long summaryBytes = encoded.stream().mapToLong(b -> b.length).sum();
    List<SplitBuild.Part> decoded = encoded.stream().map(SplitBuild.Part::decode).toList();
    SplitBuild.Merged merged;
    List<Directory> indexes = new ArrayList<>();
    try (Publisher publisher = Publisher.begin(localOut)) {
      try {
        for (int n = 0; n < decoded.size(); n++) {
          Path local =
              SiteOutput.local(SiteOutput.partIndex(work, n), scratch.resolve("parts/" + n), conf);
          indexes.add(FSDirectory.open(local));
        }
        merged = build.merge(decoded, indexes, publisher, diagnostics);
      } finally {
        for (Directory d : indexes) {
          d.close();
        }
      }
      phases.put("model", since(t));

      t = System.nanoTime();
      byte[] modelBytes = merged.encodeForPages();
      Broadcast<byte[]> model = spark.broadcast(modelBytes);
      int slices = parts(settings, spark, merged.archive().size());
      int total = merged.archive().size();
      List<byte[]> rendered =
          spark
              .parallelize(IntStream.range(0, slices).boxed().toList(), slices)
              .map(
                  n ->
                      renderPart(
                          settings, staging, model, n * total / slices, (n + 1) * total / slices))
              .collect();
      model.destroy();
      int pages = 0;
      Set<Diagnostic> known = new java.util.HashSet<>(diagnostics.snapshot());
      for (byte[] r : rendered) {
        pages += readRendered(r, known, diagnostics);
      }
      phases.put("articles", since(t));

      t = System.nanoTime();
      build.renderSite(merged, publisher, statics, diagnostics);
      publisher.commit();
      SiteOutput.upload(localOut, output.staging(), conf);
      phases.put("site", since(t));
      int lost = total - pages;
      return new Result(
          total - lost,
          merged.failed() + lost,
          merged.skipped(),
          diagnostics.snapshot(),
          phases,
          summaryBytes,
          modelBytes.length);
    }
  }

  private static int parts(JobSettings settings, JavaSparkContext spark, int articles) {
    if (settings.partitions() > 0) {
      return settings.partitions();
    }
    return Math.max(
        spark.defaultParallelism(), (articles + ARTICLES_PER_PART - 1) / ARTICLES_PER_PART);
  }

  /** Pass 1 on one part: its summaries and diagnostics; its index left at {@code indexUri}. */
  private static byte[] parsePart(
      JobSettings settings, java.net.URI indexUri, Iterator<String> paths) throws IOException {
    Path scratch = Files.createTempDirectory("broadsheet-parse-");
    try {
      Configuration conf = JobSettings.taskConf();
      SiteMirror site = SiteMirror.open(settings.source(), conf, scratch);
      site.localizeAll("site.yaml");
      SplitBuild build =
          SplitBuild.open(
              settings.options(site.dir(), scratch.resolve("out")),
              new Diagnostics(), // the driver reports site.yaml's problems
              site::localize);
      List<SourceFile> files = new ArrayList<>();
      paths.forEachRemaining(p -> files.add(new SourceFile(p, site.dir().resolve(p))));
      Path indexDir = scratch.resolve("index");
      SplitBuild.Part part;
      try (FSDirectory dir = FSDirectory.open(indexDir)) {
        part = build.parse(files, dir);
      }
      SiteOutput.upload(indexDir, indexUri, conf);
      return part.encode();
    } finally {
      Publisher.deleteTree(scratch);
    }
  }

  /**
   * Pass 2 on one slice of the archive, articles {@code from} to {@code to}: their pages, uploaded
   * into the staging folder; returns how many were written and the diagnostics of reading bodies.
   */
  private static byte[] renderPart(
      JobSettings settings, java.net.URI staging, Broadcast<byte[]> model, int from, int to)
      throws IOException {
    SplitBuild.Merged merged = Models.of(model);
    Path scratch = Files.createTempDirectory("broadsheet-pages-");
    try {
      Configuration conf = JobSettings.taskConf();
      SiteMirror site = SiteMirror.open(settings.source(), conf, scratch);
      site.localizeAll("site.yaml");
      site.localizeAll("templates");
      Path out = scratch.resolve("out");
      Diagnostics diagnostics = new Diagnostics();
      SplitBuild build =
          SplitBuild.open(settings.options(site.dir(), out), new Diagnostics(), site::localize);
      List<Article> some = merged.archive().articles().subList(from, to);
      int written;
      try (Publisher publisher = Publisher.inPlace(out)) {
        written = build.renderArticles(merged, some, publisher, diagnostics);
      }
      if (Files.isDirectory(out)) {
        SiteOutput.upload(out, staging, conf);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream data = new DataOutputStream(bytes)) {
        data.writeInt(written);
        SummaryCodec.writeDiagnostics(data, diagnostics.snapshot());
      }
      return bytes.toByteArray();
    } finally {
      Publisher.deleteTree(scratch);
    }
  }

  /**
   * A slice's page count; its diagnostics go to {@code diagnostics} unless the parse gave them
   * already (a body read again reports only what is new, as locally).
   */
  private static int readRendered(byte[] bytes, Set<Diagnostic> known, Diagnostics diagnostics) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int written = in.readInt();
      for (Diagnostic d : SummaryCodec.readDiagnostics(in)) {
        if (known.add(d)) {
          diagnostics.add(d);
        }
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }
}
