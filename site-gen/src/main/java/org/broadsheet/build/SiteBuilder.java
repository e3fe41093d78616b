package org.broadsheet.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.config.SiteConfigLoader;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.image.ImageStage;
import org.broadsheet.image.Renditions;
import org.broadsheet.parse.ParseContext;
import org.broadsheet.parse.Parsers;
import org.broadsheet.render.RenderLimits;
import org.broadsheet.render.TemplateFailure;
import org.broadsheet.render.Templates;
import org.broadsheet.render.ThemeAssets;
import org.broadsheet.render.ThemeMessages;
import org.broadsheet.route.ArticlePages;
import org.broadsheet.route.Links;
import org.broadsheet.route.Page;
import org.broadsheet.route.PageBody;
import org.broadsheet.route.Routes;
import org.broadsheet.route.Views;
import org.broadsheet.search.RelatedLists;
import org.broadsheet.search.pages.BrowserIndexPages;
import org.broadsheet.search.pages.RuntimeFiles;
import org.broadsheet.source.ContentSource;
import org.broadsheet.source.SourceFile;
import org.broadsheet.view.SiteView;
import org.broadsheet.write.OutputGuard;
import org.broadsheet.write.Publisher;

/**
 * The build, as the data flows: load -> parse -> model -> route -> render -> publish -> index. Each
 * phase names itself in the errors it raises.
 */
public final class SiteBuilder {
  /** Related articles shown on an article page. */
  static final int RELATED = 4;

  private final Progress progress;
  private final RenderLimits limits;
  private final Consumer<String> beforePhase;

  public SiteBuilder(Progress progress) {
    this(progress, RenderLimits.DEFAULT);
  }

  public SiteBuilder(Progress progress, RenderLimits limits) {
    this(progress, limits, phase -> {});
  }

  /**
   * For tests: a hook called with each phase's name before it runs ("parse", "render"), e.g. to
   * change a file between the parse and the pages.
   */
  SiteBuilder(Progress progress, RenderLimits limits, Consumer<String> beforePhase) {
    this.progress = progress;
    this.limits = limits;
    this.beforePhase = beforePhase;
  }

  /**
   * Builds the site into a staging folder and swaps it in. What the last build into the same folder
   * left in its {@link BuildCache} is reused: unchanged files are not parsed again, the index is
   * updated rather than rebuilt, and pages whose inputs are unchanged are kept. The result is the
   * same as a clean build's ({@link BuildOptions#clean()}), page for page.
   */
  public BuildResult build(BuildOptions options) throws IOException {
    Instant start = Instant.now();
    Path out =
        OutputGuard.siteFolder(options.out(), options.source(), options.force()); // before any work
    NoContent.check(options.source());
    Diagnostics diagnostics = new Diagnostics();
    // the content folder is walked while the site is set up: settings, parsers, theme, output,
    // index
    Background<List<SourceFile>> walk =
        Background.start(
            "broadsheet-walk",
            "the content folder was walked",
            () ->
                ContentSource.load(
                    options.source(), options.source().resolve("content"), diagnostics));
    SiteConfig config = config(options, diagnostics);
    Parsers parsers = Parsers.standard(new ParseContext(config.timeZone(), config.language()));
    Path cacheFile = BuildCache.file(out);
    String key = cacheKey(config, options);
    // read while the content folder is walked: each takes tenths of a second at 10,000 articles
    CompletableFuture<BuildCache> cached =
        options.clean()
            ? CompletableFuture.completedFuture(BuildCache.EMPTY)
            : CompletableFuture.supplyAsync(
                () -> BuildCache.load(cacheFile, key, Publisher.buildOf(out)));
    BuildCache previous = cached.join();
    Path templatesDir = options.source().resolve("templates");
    Bodies reread = new Bodies(options.source(), parsers, diagnostics);
    BuildCache.Saving saving = null; // the next build's cache, written from the model on
    Sources sources;
    try (Publisher publisher = Publisher.begin(out);
        BodyStore store = new BodyStore(publisher.staging().getParent())) {
      Path indexDir = publisher.staging().resolve("search/lucene");
      boolean takeOver =
          !previous.indexed().isEmpty() && linkIndex(out.resolve("search/lucene"), indexDir);
      BuildCache base = takeOver ? previous : BuildCache.EMPTY;
      // Lucene's writer is set up (its codecs found and loaded) while the theme is
      Background<BuildIndex> opening =
          Background.start(
              "broadsheet-index-open",
              "the search index was opened",
              () -> BuildIndex.open(indexDir, config.language(), config.timeZone(), !takeOver));
      ImageStage images;
      Views views;
      try {
        ThemeAssets assets = ThemeAssets.load(templatesDir);
        images = new ImageStage(options.source(), out, publisher, diagnostics);
        ThemeMessages messages = new ThemeMessages(templatesDir);
        SiteView site =
            siteView(
                config,
                options,
                publishAssets(assets, publisher),
                images.logo(config.logo()),
                messages);
        views =
            new Views(
                site,
                new Links(options.offline()),
                config.timeZone(),
                ZonedDateTime.now(options.clock()).withZoneSameInstant(config.timeZone()),
                messages);
      } catch (IOException | RuntimeException | Error e) {
        BuildIndex.discard(opening, e);
        throw e;
      }
      ArticleStage articles;
      Archive archive;
      ArticleStage.Parsed parsed;
      int lostBeforePages;
      ArticlePages articlePages;
      PageStage pages;
      try (BuildIndex index = opening.join()) {
        articles =
            new ArticleStage(
                parsers,
                options,
                new SourceKeys(options.source(), key),
                base,
                index.writer(),
                store,
                views.links(),
                diagnostics);
        sources = sources(walk.join(), parsers); // load
        index.writer().expect(sources.articles().size());
        run("parse", sources.articles(), articles::parse); // parse + index
        index.flushInBackground(); // beside the model: one core was idle while main built it
        long model = System.nanoTime(); // main's own steps, while no page can render
        parsed = articles.parsed();
        archive =
            Archive.of(
                parsed.articles(), diagnostics, parsers.idOrigins(options.source())); // model
        Set<String> lost = articles.reconcile(archive, parsed.hashes(), reread);
        archive = without(archive, lost, diagnostics);
        lostBeforePages = reread.lost();
        saving =
            new BuildCache(
                    key, publisher.buildId(), articles.sources(), articles.indexed(), Map.of())
                .startSaving(cacheFile);
        // the index's last step (flush, merge, commit) and the related lists, which need the
        // articles indexed, not merged, are made while the pictures and the listings are; the
        // merge goes on while the article pages are
        index.finishInBackground();
        index.relatedInBackground(RELATED);
        progress.record("model", System.nanoTime() - model);
        run("images", ImageStage.sources(archive), images::picture);
        model = System.nanoTime();
        views.usePictures(images.pictures(archive));
        articlePages = new ArticlePages(views, a -> pageBody(a, store, reread));
        articlePages.useSourceHashes(parsed.hashes());
        Routes routes = new Routes(views, articlePages, config.pageSize(), diagnostics);
        pages =
            new PageStage(
                new Templates(templatesDir, limits),
                publisher,
                themeDigest(templatesDir),
                out,
                base.pages());
        // the listings, then the article pages, which wait for the related lists being found
        List<Runnable> render = new ArrayList<>(PageStage.planned(pages, routes.plan(archive)));
        articlePages.useRelated(relatedFrom(id -> related(index).of(id)));
        render.addAll(
            PageStage.articles(pages, archive, archive.articles(), articlePages, parsed.hashes()));
        progress.record("model", System.nanoTime() - model);
        // one render thread starts at once, the others once the related lists are found: until then
        // the index's flush and the lists have the other core (10,000 Reuters stories: the flush
        // had a third of the two cores beside two render threads, and both of them then waited)
        AtomicInteger started = new AtomicInteger();
        run(
            "render",
            render,
            SiteBuilder::leaveOutLost,
            share ->
                pages.onRenderThread(
                    () -> {
                      if (started.getAndIncrement() > 0) {
                        related(index);
                      }
                      share.run();
                    }));
        timed("index", index::awaitFinish);
      }
      timed("search", () -> browserSearch(publisher, options.offline()));
      copyStatic(options.source(), sources.statics(), publisher, diagnostics);
      long files = publisher.filesWritten();
      long bytes = publisher.bytesWritten();
      BuildCache.forget(cacheFile); // never stale
      publisher.commit(); // publish
      saving.finish(pages.fingerprints());
      images.prune();
      int pagesLost = reread.lost() - lostBeforePages; // reported; their pages are left out
      return new BuildResult(
          archive.size() - pagesLost,
          parsed.failed() + (parsed.articles().size() - archive.size()) + pagesLost,
          parsed.skipped(),
          files,
          bytes,
          Duration.between(start, Instant.now()),
          diagnostics.snapshot(),
          articles.parsedNow(),
          pages.rendered(),
          images.encoded());
    } catch (RuntimeException e) {
      throw withContentProblems(e, diagnostics);
    } finally {
      if (saving != null) {
        saving.close(); // unfinished: no cache file
      }
    }
  }

  /**
   * Runs a work item of the render phase; a page whose body could not be read again is left out
   * (reported).
   */
  static void leaveOutLost(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      if (!causedBy(e, Bodies.Lost.class)) {
        throw e;
      }
    }
  }

  /**
   * An article page's body: the one the parse kept in {@code store} (null: none), else its file
   * parsed again.
   */
  static PageBody pageBody(Article a, BodyStore store, Bodies reread) {
    Optional<PageBody> kept = store == null ? Optional.empty() : store.get(a.sourcePath());
    return kept.orElseGet(
        () ->
            PageBody.of(
                reread.of(
                    a,
                    "its page is not published, though other pages may link to it;"
                        + " build again")));
  }

  /** The article and static files under {@code content/}. */
  record Sources(List<SourceFile> articles, List<SourceFile> statics) {}

  static Sources sources(BuildOptions options, Parsers parsers, Diagnostics diagnostics)
      throws IOException {
    return sources(
        ContentSource.load(options.source(), options.source().resolve("content"), diagnostics),
        parsers);
  }

  /** The files of the content folder, sorted into articles and static files. */
  static Sources sources(List<SourceFile> files, Parsers parsers) {
    List<SourceFile> articles = new ArrayList<>();
    List<SourceFile> statics = new ArrayList<>();
    for (SourceFile f : files) {
      switch (parsers.kindOf(f)) {
        case ARTICLE -> articles.add(f);
        case STATIC -> statics.add(f);
        case METADATA -> {}
      }
    }
    return new Sources(articles, statics);
  }

  /**
   * What a cache must have been written under to be used: the code (the jar's size and time), the
   * settings, and the options that change what is published.
   */
  private static String cacheKey(SiteConfig config, BuildOptions options) {
    return Fingerprint.of(
        codeStamp(),
        config.toString(),
        options.drafts(),
        options.future(),
        options.offline(),
        options.preview(),
        String.valueOf(options.baseUrl()));
  }

  private static String codeStamp() {
    try {
      Path code =
          Path.of(SiteBuilder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(code)
          ? code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code)
          : "classes";
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      return "unknown " + Instant.now(); // never matches: every build is a clean one
    }
  }

  /** Hard-links the last build's index files into the staging folder, for the writer to update. */
  private static boolean linkIndex(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return false;
    }
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        try {
          Files.createLink(to.resolve(f.getFileName()), f);
        } catch (UnsupportedOperationException | IOException e) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
    return true;
  }

  static Archive without(Archive archive, Set<String> lost, Diagnostics diagnostics) {
    return lost.isEmpty()
        ? archive
        : Archive.of(
            archive.articles().stream().filter(a -> !lost.contains(a.id())).toList(), diagnostics);
  }

  /**
   * A digest of the site's own templates and assets (the default theme is part of the code stamp).
   */
  private static String themeDigest(Path templatesDir) throws IOException {
    List<Object> parts = new ArrayList<>();
    if (Files.isDirectory(templatesDir)) {
      try (var files = Files.walk(templatesDir)) {
        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
          parts.add(templatesDir.relativize(f).toString());
          parts.add(Files.readAllBytes(f));
        }
      }
    }
    return Fingerprint.of(parts);
  }

  /** The related lists being found, waited for by whoever needs them first. */
  private static RelatedLists related(BuildIndex index) {
    try {
      return index.related();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Related articles as listed by id for each article's id. */
  static ArticlePages.Related relatedFrom(Function<String, List<String>> lists) {
    return (arch, a) ->
        lists.apply(a.id()).stream().map(arch::byId).flatMap(Optional::stream).toList();
  }

  /**
   * What the browser reads besides the index (its manifest; with {@code offline}, the index as
   * scripts for file://), and Lucene compiled by TeaVM (only the build the index's languages need;
   * its file:// script only {@code offline}); counted by the publisher.
   */
  static void browserSearch(Publisher publisher, boolean offline) {
    Path site = publisher.staging();
    Path search = site.resolve("search");
    List<Path> written = new ArrayList<>();
    try {
      written.addAll(BrowserIndexPages.write(search, offline));
      written.addAll(
          RuntimeFiles.copyTo(search.resolve("lucene"), search.resolve("runtime"), offline));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the browser's search files", e);
    }
    publisher.adopt("search/lucene"); // the index, written by its writer
    for (Path file : written) {
      publisher.adopt(site.relativize(file).toString());
    }
  }

  /**
   * Parses and reports, and tries each template once, writing nothing: {@code broadsheet check}.
   */
  public BuildResult check(BuildOptions options) throws IOException {
    Instant start = Instant.now();
    NoContent.check(options.source());
    Diagnostics diagnostics = new Diagnostics();
    SiteConfig config = config(options, diagnostics);
    Parsers parsers = Parsers.standard(new ParseContext(config.timeZone(), config.language()));
    ArticleStage articles = ArticleStage.checking(parsers, options, diagnostics);
    run("parse", sources(options, parsers, diagnostics).articles(), articles::parse);
    ArticleStage.Parsed parsed = articles.parsed();
    Archive archive =
        Archive.of(parsed.articles(), diagnostics, parsers.idOrigins(options.source()));
    try {
      renderEachTemplateOnce(
          config,
          archive,
          new Bodies(options.source(), parsers, diagnostics),
          options,
          diagnostics);
    } catch (RuntimeException e) {
      throw withContentProblems(e, diagnostics);
    }
    return new BuildResult(
        archive.size(),
        parsed.failed() + (parsed.articles().size() - archive.size()),
        parsed.skipped(),
        0,
        0,
        Duration.between(start, Instant.now()),
        diagnostics.snapshot(),
        parsed.articles().size(),
        0,
        0);
  }

  /**
   * The first page of each template, rendered and thrown away, so that {@code check} finds a broken
   * theme (syntax, sandbox, time limit, recursion) without building the site.
   */
  private void renderEachTemplateOnce(
      SiteConfig config,
      Archive archive,
      Bodies bodies,
      BuildOptions options,
      Diagnostics diagnostics)
      throws IOException {
    Path templatesDir = options.source().resolve("templates");
    ThemeMessages messages = new ThemeMessages(templatesDir);
    Views views =
        new Views(
            siteView(config, options, assetNames(templatesDir), Optional.empty(), messages),
            new Links(options.offline()),
            config.timeZone(),
            ZonedDateTime.now(options.clock()).withZoneSameInstant(config.timeZone()),
            messages);
    ArticlePages articlePages =
        new ArticlePages(views, a -> PageBody.of(bodies.of(a, "its page is not checked")));
    Routes routes = new Routes(views, articlePages, config.pageSize(), diagnostics);
    Map<String, Page> firstOfEach = new LinkedHashMap<>();
    routes.plan(archive).forEach(page -> firstOfEach.putIfAbsent(page.template(), page));
    archive.articles().stream()
        .findFirst()
        .ifPresent(a -> firstOfEach.putIfAbsent("article.ftlh", articlePages.page(archive, a)));
    Templates templates = new Templates(templatesDir, limits);
    firstOfEach.values().forEach(templates::render);
  }

  /** Where each theme asset is published (its fingerprinted path), without publishing it. */
  static Map<String, String> assetNames(Path templatesDir) throws IOException {
    Map<String, String> assets = new HashMap<>();
    ThemeAssets.load(templatesDir)
        .files()
        .forEach((name, bytes) -> assets.put(name, ThemeAssets.fingerprinted(name, bytes)));
    return assets;
  }

  /**
   * A template failure carries the content problems found before it, so the command line can show
   * both.
   */
  private static RuntimeException withContentProblems(RuntimeException e, Diagnostics diagnostics) {
    Optional<TemplateFailure> theme = TemplateFailure.in(e);
    return theme.isPresent() ? theme.get().after(diagnostics.snapshot()) : e;
  }

  static SiteConfig config(BuildOptions options, Diagnostics diagnostics) throws IOException {
    // the preview serves at its own address: only a published site needs a baseUrl
    SiteConfig config =
        SiteConfigLoader.loadForPublishing(
            options.source(), diagnostics, options.baseUrl() != null || options.preview());
    return options.baseUrl() != null ? config.withBaseUrl(options.baseUrl()) : config;
  }

  private <T> void run(String phase, List<T> items, Consumer<T> work) {
    run(phase, items, work, Runnable::run);
  }

  private <T> void run(String phase, List<T> items, Consumer<T> work, Consumer<Runnable> onThread) {
    beforePhase.accept(phase);
    progress.run(phase, items, work, onThread);
  }

  /** Runs one step of the build on this thread, timed as a phase of its own. */
  private void timed(String phase, IoStep step) throws IOException {
    beforePhase.accept(phase);
    long t = System.nanoTime();
    try {
      step.run();
    } finally {
      progress.record(phase, System.nanoTime() - t);
    }
  }

  @FunctionalInterface
  private interface IoStep {
    void run() throws IOException;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (kind.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  static Map<String, String> publishAssets(ThemeAssets assets, Publisher publisher) {
    Map<String, String> published = new HashMap<>();
    assets
        .files()
        .forEach(
            (name, content) -> {
              String path = ThemeAssets.fingerprinted(name, content);
              publisher.write(path, content);
              published.put(name, path);
            });
    return published;
  }

  static SiteView siteView(
      SiteConfig config,
      BuildOptions options,
      Map<String, String> assets,
      Optional<Renditions> logo,
      ThemeMessages messages) {
    String version =
        Optional.ofNullable(SiteBuilder.class.getPackage().getImplementationVersion())
            .orElse("dev");
    return new SiteView(
        config.title(),
        config.description(),
        config.language(),
        config.baseUrl(),
        config.author(),
        options.offline(),
        options.preview(),
        assets,
        version,
        logoUrl(config, logo),
        logo.map(l -> l.thumb() != null ? l.thumb().path() : l.original())
            .orElse("assets/favicon.svg"),
        logo.map(l -> l.thumb() != null ? "image/png" : mediaType(l.original()))
            .orElse("image/svg+xml"),
        messages.of(config.language()),
        config.timeZone().getId());
  }

  /** The logo's absolute URL: its published size, or the URL written in site.yaml. */
  private static String logoUrl(SiteConfig config, Optional<Renditions> logo) {
    if (logo.isPresent()) {
      Renditions l = logo.get();
      return config.baseUrl() + (l.sizes().isEmpty() ? l.original() : l.largest().path());
    }
    return config.logo().startsWith("http") ? config.logo() : "";
  }

  private static String mediaType(String path) {
    String p = path.toLowerCase(java.util.Locale.ROOT);
    return p.endsWith(".svg")
        ? "image/svg+xml"
        : p.endsWith(".png") ? "image/png" : p.endsWith(".ico") ? "image/x-icon" : "image/jpeg";
  }

  /**
   * Copies {@code static/} to the site root, and non-article files under {@code content/} beside
   * their pages.
   */
  static void copyStatic(
      Path siteDir, List<SourceFile> contentStatics, Publisher publisher, Diagnostics diagnostics)
      throws IOException {
    for (SourceFile f : contentStatics) {
      publisher.copy(f.file(), f.relativePath().substring("content/".length()));
    }
    Path staticDir = siteDir.resolve("static");
    if (Files.isDirectory(staticDir)) {
      for (SourceFile f : ContentSource.load(siteDir, staticDir, diagnostics)) {
        publisher.copy(f.file(), f.relativePath().substring("static/".length()));
      }
    }
  }
}
