package org.broadsheet.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
    for (String path : site.contentFiles(diagnostics)) {
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
                (n, paths) -> List.of(parsePart(settings, work, n, paths)).iterator(), true)
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
      int total = merged.archive().size();
      List<Slice> slices = slices(decoded, merged);
      List<byte[]> rendered =
          spark
              .parallelize(slices, slices.size())
              .map(slice -> renderPart(settings, staging, work, model, slice))
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

  /**
   * How many parts: as asked, else one per {@link #ARTICLES_PER_PART} articles, rounded up to a
   * multiple of Spark's default parallelism (its cores), so that every wave of tasks keeps every
   * core busy: 5 parts on 2 cores left one core idle for the last fifth of each pass.
   */
  static int parts(JobSettings settings, JavaSparkContext spark, int articles) {
    return parts(settings.partitions(), spark.defaultParallelism(), articles);
  }

  static int parts(int asked, int cores, int articles) {
    if (asked > 0) {
      return asked;
    }
    int lanes = Math.max(1, cores);
    int needed = Math.max(1, (articles + ARTICLES_PER_PART - 1) / ARTICLES_PER_PART);
    return (needed + lanes - 1) / lanes * lanes;
  }

  /**
   * What one task of pass 2 renders: the archive's articles (by their place in it) whose files part
   * {@code part} parsed, whose bodies that part kept.
   */
  record Slice(int part, int[] articles) implements java.io.Serializable {}

  /** The archive's articles by the part that parsed each: a slice per part, in part order. */
  private static List<Slice> slices(List<SplitBuild.Part> parts, SplitBuild.Merged merged) {
    Map<String, Integer> partOf = new java.util.HashMap<>();
    for (int n = 0; n < parts.size(); n++) {
      for (String path : parts.get(n).hashes().keySet()) {
        partOf.put(path, n);
      }
    }
    List<Article> all = merged.archive().articles();
    int[] counts = new int[parts.size()];
    int[] owner = new int[all.size()];
    for (int i = 0; i < all.size(); i++) {
      owner[i] = partOf.getOrDefault(all.get(i).sourcePath(), 0);
      counts[owner[i]]++;
    }
    List<Slice> slices = new ArrayList<>(parts.size());
    int[][] articles = new int[parts.size()][];
    for (int n = 0; n < parts.size(); n++) {
      articles[n] = new int[counts[n]];
      slices.add(new Slice(n, articles[n]));
    }
    int[] filled = new int[parts.size()];
    for (int i = 0; i < all.size(); i++) {
      articles[owner[i]][filled[owner[i]]++] = i;
    }
    return slices;
  }

  /**
   * Pass 1 on part {@code n}: its summaries and diagnostics; its index and its articles' bodies
   * left in the {@code work} folder. A local work folder is written in place.
   */
  private static byte[] parsePart(
      JobSettings settings, java.net.URI work, int n, Iterator<String> paths) throws IOException {
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
      java.net.URI indexUri = SiteOutput.partIndex(work, n);
      java.net.URI bodiesUri = SiteOutput.partBodies(work, n);
      Optional<Path> localIndex = SiteOutput.localPath(indexUri, conf);
      Optional<Path> localBodies = SiteOutput.localPath(bodiesUri, conf);
      Path indexDir = localIndex.orElse(scratch.resolve("index"));
      Path bodiesDir = localBodies.orElse(scratch.resolve("bodies"));
      // what an earlier attempt at this task left
      Publisher.deleteTree(indexDir);
      Publisher.deleteTree(bodiesDir);
      SplitBuild.Part part;
      try (FSDirectory dir = FSDirectory.open(indexDir)) {
        part = build.parse(files, dir, bodiesDir);
      }
      if (localIndex.isEmpty()) {
        SiteOutput.upload(indexDir, indexUri, conf);
      }
      if (localBodies.isEmpty()) {
        SiteOutput.upload(bodiesDir, bodiesUri, conf);
      }
      return part.encode();
    } finally {
      Publisher.deleteTree(scratch);
    }
  }

  /**
   * Pass 2 on one slice of the archive: the pages of the articles part {@code slice.part()} parsed,
   * with the bodies it kept, written into the staging folder (in place when it is local); returns
   * how many were written and the diagnostics of reading bodies.
   */
  private static byte[] renderPart(
      JobSettings settings,
      java.net.URI staging,
      java.net.URI work,
      Broadcast<byte[]> model,
      Slice slice)
      throws IOException {
    SplitBuild.Merged merged = Models.of(model);
    Path scratch = Files.createTempDirectory("broadsheet-pages-");
    try {
      Configuration conf = JobSettings.taskConf();
      SiteMirror site = SiteMirror.open(settings.source(), conf, scratch);
      site.localizeAll("site.yaml");
      site.localizeAll("templates");
      Optional<Path> localStaging = SiteOutput.localPath(staging, conf);
      Path out = localStaging.orElse(scratch.resolve("out"));
      Path bodies =
          SiteOutput.local(
              SiteOutput.partBodies(work, slice.part()), scratch.resolve("bodies"), conf);
      Diagnostics diagnostics = new Diagnostics();
      SplitBuild build =
          SplitBuild.open(settings.options(site.dir(), out), new Diagnostics(), site::localize);
      List<Article> all = merged.archive().articles();
      List<Article> some = new ArrayList<>(slice.articles().length);
      for (int i : slice.articles()) {
        some.add(all.get(i));
      }
      int written;
      try (Publisher publisher = Publisher.inPlace(out)) {
        written = build.renderArticles(merged, some, bodies, publisher, diagnostics);
      }
      if (localStaging.isEmpty() && Files.isDirectory(out)) {
        SiteOutput.upload(out, staging, conf);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (SummaryCodec.Out data = new SummaryCodec.Out(bytes)) {
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
    try (SummaryCodec.In in = new SummaryCodec.In(new ByteArrayInputStream(bytes))) {
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
