package org.broadsheet.build;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.image.ImageStage;
import org.broadsheet.image.Renditions;
import org.broadsheet.parse.ParseContext;
import org.broadsheet.parse.Parsers;
import org.broadsheet.render.RenderLimits;
import org.broadsheet.render.Templates;
import org.broadsheet.render.ThemeAssets;
import org.broadsheet.render.ThemeMessages;
import org.broadsheet.route.ArticlePages;
import org.broadsheet.route.Links;
import org.broadsheet.route.Routes;
import org.broadsheet.route.Views;
import org.broadsheet.search.IndexInfo;
import org.broadsheet.search.RelatedLists;
import org.broadsheet.search.SearchIndexWriter;
import org.broadsheet.source.SourceFile;
import org.broadsheet.write.Publisher;

/**
 * The build's stages for an engine that runs them apart (Apache Spark, in {@code site-gen-spark}):
 * the same {@link ArticleStage}, {@link PageStage}, {@link Bodies}, routes and index writer as
 * {@link SiteBuilder}, callable on a part of the articles.
 *
 * <ol>
 *   <li>{@link #parse}, on each part of the article files: parse, index into the part's own index,
 *       keep each article's summary (no body) and the diagnostics ({@link Part}).
 *   <li>{@link #merge}, once, on the driver: the model from every part's summaries, the parts'
 *       indexes added into the shipped one and reconciled with the model as {@link ArticleStage}
 *       does after a local parse, related articles from it, the browser's search files.
 *   <li>{@link #renderSite} (listings, feeds, sitemaps, the calendar, assets, static files) on the
 *       driver, and {@link #renderArticles} on each part of the model's articles, which reloads
 *       their bodies from the sources as {@link Bodies} does.
 * </ol>
 *
 * Each call sees the site through a local folder ({@link BuildOptions#source()}); {@code localize}
 * is told each source path the call is about to read, so that a site on remote storage can be
 * copied there file by file.
 */
public final class SplitBuild {
  private final BuildOptions options;
  private final SiteConfig config;
  private final Parsers parsers;
  private final Consumer<String> localize;

  private SplitBuild(
      BuildOptions options, SiteConfig config, Parsers parsers, Consumer<String> localize) {
    this.options = options;
    this.config = config;
    this.parsers = parsers;
    this.localize = localize;
  }

  /**
   * The stages for the site in {@code options.source()} ({@code site.yaml} and {@code templates/}
   * there); the problems of {@code site.yaml} go to {@code diagnostics}. The options' clock must
   * give every call the same instant (the pages show dates relative to it).
   */
  public static SplitBuild open(
      BuildOptions options, Diagnostics diagnostics, Consumer<String> localize) throws IOException {
    SiteConfig config = SiteBuilder.config(options, diagnostics);
    Parsers parsers = Parsers.standard(new ParseContext(config.timeZone(), config.language()));
    return new SplitBuild(options, config, parsers, localize);
  }

  /** What a file under {@code content/} is for. */
  public Parsers.Kind kindOf(SourceFile file) {
    return parsers.kindOf(file);
  }

  /**
   * What one part's articles gave.
   *
   * @param articles summaries of the articles to publish, in the order of the files
   * @param hashes each file's content hash, by source path
   * @param failed files that gave no article
   * @param skipped drafts and future articles left out
   * @param indexed what the part's index holds, by id
   * @param duplicates ids that two of the part's files gave
   */
  public record Part(
      List<Article> articles,
      Map<String, String> hashes,
      int failed,
      int skipped,
      List<Diagnostic> diagnostics,
      Map<String, BuildCache.Indexed> indexed,
      Set<String> duplicates) {

    /** Compact bytes, for sending to the driver. */
    public byte[] encode() {
      return bytes(
          out -> {
            out.writeInt(articles.size());
            for (Article a : articles) {
              SummaryCodec.writeArticle(out, a);
            }
            SummaryCodec.writeMap(out, hashes);
            out.writeInt(failed);
            out.writeInt(skipped);
            SummaryCodec.writeDiagnostics(out, diagnostics);
            SummaryCodec.writeIndexed(out, indexed);
            SummaryCodec.writeList(out, List.copyOf(duplicates));
          });
    }

    public static Part decode(byte[] bytes) {
      return read(
          bytes,
          in -> {
            int n = in.readInt();
            List<Article> articles = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              articles.add(SummaryCodec.readArticle(in));
            }
            Map<String, String> hashes = SummaryCodec.readMap(in);
            int failed = in.readInt();
            int skipped = in.readInt();
            List<Diagnostic> diagnostics = SummaryCodec.readDiagnostics(in);
            Map<String, BuildCache.Indexed> indexed = SummaryCodec.readIndexed(in);
            Set<String> duplicates = new HashSet<>(SummaryCodec.readList(in));
            return new Part(articles, hashes, failed, skipped, diagnostics, indexed, duplicates);
          });
    }
  }

  /**
   * Pass 1 on one part: parses {@code files} (each once, in order, on this thread), writes their
   * documents into a fresh index in {@code indexDir} (committed, not merged), their bodies into a
   * new folder {@code bodiesDir} for {@link #renderArticles}, and keeps summaries.
   */
  public Part parse(List<SourceFile> files, Directory indexDir, Path bodiesDir) throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    try (SearchIndexWriter index =
            SearchIndexWriter.open(indexDir, config.language(), config.timeZone(), true);
        BodyStore bodies = BodyStore.keep(bodiesDir)) {
      ArticleStage stage =
          new ArticleStage(
              parsers,
              options,
              new SourceKeys(options.source(), "split"),
              BuildCache.EMPTY,
              index,
              bodies,
              new Links(options.offline()),
              diagnostics);
      for (SourceFile file : files) {
        localize.accept(file.relativePath());
        stage.parse(file);
      }
      index.commit();
      ArticleStage.Parsed parsed = stage.parsed();
      return new Part(
          parsed.articles(),
          parsed.hashes(),
          parsed.failed(),
          parsed.skipped(),
          diagnostics.snapshot(),
          stage.indexed(),
          stage.duplicates());
    }
  }

  /**
   * The model and its shipped index, made by the driver from every part.
   *
   * @param archive the articles published, as a local build's model holds them
   * @param hashes each article's source hash, by source path
   * @param related each article's related articles, by id
   * @param failed files that gave no article, and articles left out by the model or the index
   */
  public record Merged(
      Archive archive,
      Map<String, String> hashes,
      Map<String, List<String>> related,
      Map<String, Renditions> pictures,
      Optional<Renditions> logo,
      int failed,
      int skipped) {

    /** What the article pages need, as compact bytes for every worker. */
    public byte[] encodeForPages() {
      return bytes(
          out -> {
            out.writeInt(archive.size());
            for (Article a : archive.articles()) {
              SummaryCodec.writeArticle(out, a);
              SummaryCodec.writeString(out, hashes.getOrDefault(a.sourcePath(), ""));
              SummaryCodec.writeList(out, related.getOrDefault(a.id(), List.of()));
            }
            out.writeInt(pictures.size());
            for (Map.Entry<String, Renditions> e : new TreeMap<>(pictures).entrySet()) {
              SummaryCodec.writeString(out, e.getKey());
              SummaryCodec.writeRenditions(out, e.getValue());
            }
            out.writeBoolean(logo.isPresent());
            if (logo.isPresent()) {
              SummaryCodec.writeRenditions(out, logo.get());
            }
          });
    }

    /** The model again from {@link #encodeForPages()}: equal articles in equal order. */
    public static Merged decodeForPages(byte[] bytes) {
      return read(
          bytes,
          in -> {
            int n = in.readInt();
            List<Article> articles = new ArrayList<>(n);
            Map<String, String> hashes = new HashMap<>(n * 2);
            Map<String, List<String>> related = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
              Article a = SummaryCodec.readArticle(in);
              articles.add(a);
              hashes.put(a.sourcePath(), SummaryCodec.readString(in));
              related.put(a.id(), List.copyOf(SummaryCodec.readList(in)));
            }
            int p = in.readInt();
            Map<String, Renditions> pictures = new HashMap<>(p * 2);
            for (int i = 0; i < p; i++) {
              pictures.put(SummaryCodec.readString(in), SummaryCodec.readRenditions(in));
            }
            Optional<Renditions> logo =
                in.readBoolean() ? Optional.of(SummaryCodec.readRenditions(in)) : Optional.empty();
            // the articles are the model's already: unique ids and slugs, nothing to report
            Archive archive = Archive.of(articles, new Diagnostics());
            return new Merged(archive, hashes, related, pictures, logo, 0, 0);
          });
    }
  }

  /**
   * On the driver: the model from the parts' summaries (in the parts' order), the parts' indexes
   * added into {@code publisher}'s {@code search/lucene} and made to hold the model's articles
   * exactly, merged to one segment; related articles from it; the browser's search files. Every
   * part's diagnostics go to {@code diagnostics}, then the model's.
   */
  public Merged merge(
      List<Part> parts, List<Directory> partIndexes, Publisher publisher, Diagnostics diagnostics)
      throws IOException {
    List<Article> articles = new ArrayList<>();
    Map<String, String> hashes = new HashMap<>();
    Map<String, BuildCache.Indexed> indexed = new HashMap<>();
    Set<String> duplicates = new HashSet<>();
    int failed = 0;
    int skipped = 0;
    for (Part part : parts) {
      articles.addAll(part.articles());
      hashes.putAll(part.hashes());
      diagnostics.addAll(part.diagnostics());
      duplicates.addAll(part.duplicates());
      for (Map.Entry<String, BuildCache.Indexed> e : part.indexed().entrySet()) {
        if (indexed.putIfAbsent(e.getKey(), e.getValue()) != null) {
          duplicates.add(e.getKey()); // two parts indexed it
        }
      }
      failed += part.failed();
      skipped += part.skipped();
    }
    Archive archive =
        Archive.of(
            articles,
            diagnostics,
            a -> {
              localize.accept(a.sourcePath());
              return parsers.idOrigins(options.source()).apply(a);
            });
    Bodies reread = new Bodies(options.source(), parsers, diagnostics, localize);
    Path indexDir = publisher.staging().resolve("search/lucene");
    try (FSDirectory dir = FSDirectory.open(indexDir);
        SearchIndexWriter index =
            SearchIndexWriter.open(dir, config.language(), config.timeZone(), true)) {
      index.addIndexes(partIndexes.toArray(Directory[]::new));
      ArticleStage stage =
          ArticleStage.merged(
              parsers,
              options,
              index,
              new Links(options.offline()),
              indexed,
              duplicates,
              diagnostics);
      Set<String> lost = stage.reconcile(archive, hashes, reread);
      archive = SiteBuilder.without(archive, lost, diagnostics);
      index.optimizeAndCommit();
    }
    Map<String, List<String>> related = new LinkedHashMap<>();
    try (FSDirectory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      RelatedLists lists =
          RelatedLists.compute(reader, IndexInfo.read(reader), SiteBuilder.RELATED);
      for (Article a : archive.articles()) {
        related.put(a.id(), lists.of(a.id()));
      }
    }
    SiteBuilder.browserSearch(publisher, options.offline()); // before the pages, as locally
    // pictures in their sizes, on the driver (once each), for every part's pages
    ImageStage images = new ImageStage(options.source(), options.out(), publisher, diagnostics);
    Optional<Renditions> logo = images.logo(config.logo());
    for (String src : ImageStage.sources(archive)) {
      images.picture(src);
    }
    Map<String, Renditions> pictures = images.pictures(archive);
    failed += articles.size() - archive.size();
    return new Merged(archive, hashes, related, pictures, logo, failed, skipped);
  }

  /**
   * On the driver: the theme's assets and every page but the articles' (listings, calendar, feeds,
   * sitemaps, search page, ...), then {@code statics} (files beside the articles under {@code
   * content/}, and {@code static/}). Feeds that show bodies reload them from the sources.
   */
  public void renderSite(
      Merged merged, Publisher publisher, List<SourceFile> statics, Diagnostics diagnostics)
      throws IOException {
    Map<String, String> assets =
        SiteBuilder.publishAssets(ThemeAssets.load(templatesDir()), publisher);
    Views views = views(assets, merged);
    ArticlePages articlePages = articlePages(views, merged, diagnostics);
    Routes routes = new Routes(views, articlePages, config.pageSize(), diagnostics);
    PageStage stage = stage(publisher);
    // on the driver's cores, as the local build renders them
    Workers.run(
        "render",
        PageStage.planned(stage, routes.plan(merged.archive())),
        Runnable::run,
        stage::onRenderThread);
    SiteBuilder.copyStatic(options.source(), statics, publisher, diagnostics);
  }

  /**
   * On a part of the model's articles: their pages, each with the body {@link #parse} kept in
   * {@code bodiesDir} (null: none kept), else parsed again from its source (an article whose file
   * no longer gives it is left out and reported). Returns the pages written.
   */
  public int renderArticles(
      Merged merged,
      List<Article> some,
      Path bodiesDir,
      Publisher publisher,
      Diagnostics diagnostics)
      throws IOException {
    Views views = views(SiteBuilder.assetNames(templatesDir()), merged);
    try (BodyStore kept = bodiesDir == null ? null : BodyStore.open(bodiesDir)) {
      ArticlePages articlePages = articlePages(views, merged, kept, diagnostics);
      PageStage stage = stage(publisher);
      for (Runnable work :
          PageStage.articles(stage, merged.archive(), some, articlePages, merged.hashes())) {
        SiteBuilder.leaveOutLost(work);
      }
      return stage.rendered();
    }
  }

  private ArticlePages articlePages(Views views, Merged merged, Diagnostics diagnostics) {
    return articlePages(views, merged, null, diagnostics);
  }

  private ArticlePages articlePages(
      Views views, Merged merged, BodyStore kept, Diagnostics diagnostics) {
    Bodies bodies = new Bodies(options.source(), parsers, diagnostics, localize);
    ArticlePages pages = new ArticlePages(views, a -> SiteBuilder.pageBody(a, kept, bodies));
    pages.useRelated(SiteBuilder.relatedFrom(id -> merged.related().getOrDefault(id, List.of())));
    pages.useSourceHashes(merged.hashes());
    return pages;
  }

  private PageStage stage(Publisher publisher) throws IOException {
    return new PageStage(
        new Templates(templatesDir(), RenderLimits.DEFAULT),
        publisher,
        "",
        options.out(),
        Map.of());
  }

  private Views views(Map<String, String> assets, Merged merged) {
    ThemeMessages messages = new ThemeMessages(templatesDir());
    Views views =
        new Views(
            SiteBuilder.siteView(config, options, assets, merged.logo(), messages),
            new Links(options.offline()),
            config.timeZone(),
            ZonedDateTime.now(options.clock()).withZoneSameInstant(config.timeZone()),
            messages);
    views.usePictures(merged.pictures());
    return views;
  }

  private Path templatesDir() {
    return options.source().resolve("templates");
  }

  @FunctionalInterface
  private interface Writing {
    void to(SummaryCodec.Out out) throws IOException;
  }

  @FunctionalInterface
  private interface Reading<T> {
    T from(SummaryCodec.In in) throws IOException;
  }

  private static byte[] bytes(Writing writing) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (SummaryCodec.Out out = new SummaryCodec.Out(new DeflaterOutputStream(buffer))) {
      writing.to(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  private static <T> T read(byte[] bytes, Reading<T> reading) {
    try (SummaryCodec.In in =
        new SummaryCodec.In(new InflaterInputStream(new ByteArrayInputStream(bytes)))) {
      return reading.from(in);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt part data", e);
    }
  }
}
