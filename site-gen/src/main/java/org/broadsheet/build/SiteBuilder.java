package org.broadsheet.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.config.SiteConfigLoader;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.parse.ParseContext;
import org.broadsheet.parse.Parsers;
import org.broadsheet.render.RenderLimits;
import org.broadsheet.render.TemplateFailure;
import org.broadsheet.render.Templates;
import org.broadsheet.render.ThemeAssets;
import org.broadsheet.route.ArticlePages;
import org.broadsheet.route.Feeds;
import org.broadsheet.route.Links;
import org.broadsheet.route.Page;
import org.broadsheet.route.Routes;
import org.broadsheet.route.Views;
import org.broadsheet.search.IndexInfo;
import org.broadsheet.search.RelatedArticles;
import org.broadsheet.search.pages.BrowserIndexPages;
import org.broadsheet.search.pages.RuntimeFiles;
import org.broadsheet.search.SearchIndexWriter;
import org.broadsheet.source.ContentSource;
import org.broadsheet.source.SourceFile;
import org.broadsheet.view.SiteView;
import org.broadsheet.write.OutputGuard;
import org.broadsheet.write.Publisher;

/**
 * The build, as the data flows: load -> parse -> model -> route -> render -> publish -> index.
 * Each phase names itself in the errors it raises.
 */
public final class SiteBuilder {
  /** Bodies are kept from the parse for the render while their text stays under this many chars. */
  private static final long BODY_CACHE_CHARS = 256L << 20;
  private final Progress progress;
  private final RenderLimits limits;
  private final long bodyCacheChars;
  private final Consumer<String> beforePhase;

  public SiteBuilder(Progress progress) {
    this(progress, RenderLimits.DEFAULT);
  }

  public SiteBuilder(Progress progress, RenderLimits limits) {
    this(progress, limits, BODY_CACHE_CHARS, phase -> { });
  }

  /**
   * For tests: a body cache of another size, and a hook called with each phase's name before it
   * runs ("parse", "index", "render", "articles"), e.g. to change a file between parse and render.
   */
  SiteBuilder(Progress progress, RenderLimits limits, long bodyCacheChars, Consumer<String> beforePhase) {
    this.progress = progress;
    this.limits = limits;
    this.bodyCacheChars = bodyCacheChars;
    this.beforePhase = beforePhase;
  }

  public BuildResult build(BuildOptions options) throws IOException {
    Instant start = Instant.now();
    Path out = OutputGuard.siteFolder(options.out(), options.source(), options.force());          // before any work
    Diagnostics diagnostics = new Diagnostics();
    Model model = model(options, diagnostics);                                                    // load, parse, model
    SiteConfig config = model.config();
    long files;
    long bytes;
    Bodies bodies = new Bodies(options.source(), model.parsers(), diagnostics);
    try (Publisher publisher = Publisher.begin(out)) {
      Path templatesDir = options.source().resolve("templates");
      ThemeAssets assets = ThemeAssets.load(templatesDir);
      SiteView site = siteView(config, options, publishAssets(assets, publisher));
      Views views = new Views(site, new Links(options.offline()), config.timeZone(),
          ZonedDateTime.now(options.clock()).withZoneSameInstant(config.timeZone()));
      ArticlePages articlePages = new ArticlePages(views, a -> bodies.of(a,
          "its page is not published, though other pages may link to it; build again"));
      Routes routes = new Routes(views, articlePages, new Feeds(views), config.pageSize());
      Templates templates = new Templates(templatesDir, limits);
      Archive archive = index(model.archive(), bodies, views.links(), config, publisher, diagnostics);  // index
      render(templates, routes.plan(archive), publisher, "render");                                // route + render
      renderArticles(archive, routes, articlePages, templates, publisher);
      copyStatic(options.source(), model.parsed().statics(), publisher, diagnostics);
      files = publisher.filesWritten();
      bytes = publisher.bytesWritten();
      publisher.commit();                                                                          // publish
    } catch (RuntimeException e) {
      throw withContentProblems(e, diagnostics);
    }
    return model.result(files, bytes, start, diagnostics, bodies.lost());
  }

  /** Parses and reports, and tries each template once, writing nothing: {@code broadsheet check}. */
  public BuildResult check(BuildOptions options) throws IOException {
    Instant start = Instant.now();
    Diagnostics diagnostics = new Diagnostics();
    Model model = model(options, diagnostics);
    try {
      renderEachTemplateOnce(model, options);
    } catch (RuntimeException e) {
      throw withContentProblems(e, diagnostics);
    }
    return model.result(0, 0, start, diagnostics, 0);
  }

  /**
   * The first page of each template, rendered and thrown away, so that {@code check} finds a broken
   * theme (syntax, sandbox, time limit, recursion) without building the site. Article pages use the
   * bodies kept from the parse.
   */
  private void renderEachTemplateOnce(Model model, BuildOptions options) throws IOException {
    Path templatesDir = options.source().resolve("templates");
    Map<String, String> assets = new HashMap<>();
    ThemeAssets.load(templatesDir).files().forEach((name, bytes) -> assets.put(name, ThemeAssets.fingerprinted(name, bytes)));
    SiteConfig config = model.config();
    Views views = new Views(siteView(config, options, assets), new Links(options.offline()), config.timeZone(),
        ZonedDateTime.now(options.clock()).withZoneSameInstant(config.timeZone()));
    Routes routes = new Routes(views, new ArticlePages(views, Article::body), new Feeds(views), config.pageSize());
    Map<String, Page> firstOfEach = new LinkedHashMap<>();
    routes.plan(model.archive()).forEach(page -> firstOfEach.putIfAbsent(page.template(), page));
    routes.articles(model.archive()).stream().findFirst().ifPresent(page -> firstOfEach.putIfAbsent(page.template(), page));
    Templates templates = new Templates(templatesDir, limits);
    firstOfEach.values().forEach(templates::render);
  }

  /** A template failure carries the content problems found before it, so the command line can show both. */
  private static RuntimeException withContentProblems(RuntimeException e, Diagnostics diagnostics) {
    Optional<TemplateFailure> theme = TemplateFailure.in(e);
    return theme.isPresent() ? theme.get().after(diagnostics.snapshot()) : e;
  }

  /** The site's settings, parsers and articles: everything before rendering. */
  record Model(SiteConfig config, Parsers parsers, Parsed parsed, Archive archive) {
    /** @param lost articles whose body could not be read again for rendering */
    BuildResult result(long files, long bytes, Instant start, Diagnostics diagnostics, int lost) {
      int leftOut = parsed.failed() + (parsed.articles().size() - archive.size()) + lost;
      return new BuildResult(archive.size() - lost, leftOut, parsed.skipped(), files, bytes,
          Duration.between(start, Instant.now()), diagnostics.snapshot());
    }
  }

  Model model(BuildOptions options, Diagnostics diagnostics) throws IOException {
    SiteConfig config = config(options, diagnostics);
    Parsers parsers = Parsers.standard(new ParseContext(config.timeZone(), config.language()));
    List<SourceFile> sources = ContentSource.load(options.source(), options.source().resolve("content"), diagnostics); // load
    Parsed parsed = parseAll(sources, parsers, options, diagnostics);                                      // parse
    Archive archive = Archive.of(parsed.articles(), diagnostics, parsers.idOrigins(options.source()));    // model
    return new Model(config, parsers, parsed, archive);
  }

  static SiteConfig config(BuildOptions options, Diagnostics diagnostics) throws IOException {
    SiteConfig config = SiteConfigLoader.load(options.source(), diagnostics);
    return options.baseUrl() != null ? config.withBaseUrl(options.baseUrl()) : config;
  }

  /** Articles to publish (bodies kept while they fit the cache), static files, and what was left out. */
  record Parsed(List<Article> articles, List<SourceFile> statics, int failed, int skipped) {}

  Parsed parseAll(List<SourceFile> sources, Parsers parsers, BuildOptions options, Diagnostics diagnostics) {
    List<SourceFile> articleFiles = new ArrayList<>();
    List<SourceFile> statics = new ArrayList<>();
    for (SourceFile f : sources) {
      switch (parsers.kindOf(f)) {
        case ARTICLE -> articleFiles.add(f);
        case STATIC -> statics.add(f);
        case METADATA -> { }
      }
    }
    ZonedDateTime now = ZonedDateTime.now(options.clock());
    List<Article> articles = Collections.synchronizedList(new ArrayList<>(articleFiles.size()));
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    AtomicLong cached = new AtomicLong();
    run("parse", articleFiles, file -> {
      Optional<Article> parsed = parsers.parse(file, diagnostics);
      if (parsed.isEmpty()) {
        failed.incrementAndGet();
        return;
      }
      Article a = parsed.get();
      if (a.draft() && !options.drafts()) {
        skipped.incrementAndGet();
        diagnostics.add(Diagnostic.note(file.relativePath(), "draft; not published (build with --drafts to include it)"));
        return;
      }
      if (a.date().map(d -> d.isAfter(now)).orElse(false) && !options.future()) {
        skipped.incrementAndGet();
        diagnostics.add(Diagnostic.note(file.relativePath(), "dated in the future ("
            + Views.iso(a.date().get()) + "); not published (build with --future to include it)"));
        return;
      }
      boolean keep = cached.addAndGet(a.body().html().length() + a.body().text().length()) < bodyCacheChars;
      articles.add(keep ? a : a.withoutBody());
    });
    return new Parsed(List.copyOf(articles), statics, failed.get(), skipped.get());
  }

  private <T> void run(String phase, List<T> items, Consumer<T> work) {
    beforePhase.accept(phase);
    progress.run(phase, items, work);
  }

  private void render(Templates templates, List<Page> pages, Publisher publisher, String phase) {
    run(phase, pages, page -> {
      try {
        publisher.write(page.path(), templates.render(page));
      } catch (RuntimeException e) {
        if (!causedBy(e, Bodies.Lost.class)) {
          throw e;
        }
        // the article's file changed or vanished since the parse: reported, its page left out
      }
    });
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (kind.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes the Lucene index (bodies loaded per article, never all at once) and its browser pages.
   * Returns the archive to publish: without the articles whose body could not be read again, so
   * that the listings, feeds and pages rendered after it never show them.
   */
  private Archive index(Archive archive, Bodies bodies, Links links, SiteConfig config, Publisher publisher,
      Diagnostics diagnostics) throws IOException {
    Path indexDir = publisher.staging().resolve("search/lucene");
    Files.createDirectories(indexDir);
    Set<String> lost = ConcurrentHashMap.newKeySet();
    try (FSDirectory dir = FSDirectory.open(indexDir);
        SearchIndexWriter index = SearchIndexWriter.open(dir, config.language(), config.timeZone(), true)) {
      run("index", archive.articles(), a -> {
        try {
          index.put(a.withBody(bodies.of(a, "article left out")), links.href(Links.article(a.slug())));
        } catch (Bodies.Lost e) {
          lost.add(a.id());
        } catch (IOException e) {
          throw new UncheckedIOException(a.sourcePath(), e);
        }
      });
      index.optimizeAndCommit();
    }
    Path search = publisher.staging().resolve("search");
    BrowserIndexPages.write(indexDir, search.resolve("pages"));                        // the browser's paged copy
    RuntimeFiles.copyTo(search.resolve("runtime"));                                   // Lucene compiled by TeaVM
    return lost.isEmpty() ? archive : Archive.of(
        archive.articles().stream().filter(a -> !lost.contains(a.id())).toList(), diagnostics);
  }

  /** The article pages, whose related articles come from the index. */
  private void renderArticles(Archive archive, Routes routes, ArticlePages articlePages, Templates templates,
      Publisher publisher) throws IOException {
    try (FSDirectory dir = FSDirectory.open(publisher.staging().resolve("search/lucene"));
        DirectoryReader reader = DirectoryReader.open(dir)) {
      RelatedArticles related = new RelatedArticles(reader, IndexInfo.read(reader));
      articlePages.useRelated((arch, a) -> relatedArticles(related, arch, a));
      render(templates, routes.articles(archive), publisher, "articles");
    }
  }

  private static List<Article> relatedArticles(RelatedArticles related, Archive archive, Article a) {
    try {
      return related.ids(a.id(), a.lang(), a.title(), a.body().text(), 4).stream()
          .map(archive::byId).flatMap(Optional::stream).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("related articles of " + a.sourcePath(), e);
    }
  }

  private static Map<String, String> publishAssets(ThemeAssets assets, Publisher publisher) {
    Map<String, String> published = new HashMap<>();
    assets.files().forEach((name, content) -> {
      String path = ThemeAssets.fingerprinted(name, content);
      publisher.write(path, content);
      published.put(name, path);
    });
    return published;
  }

  private static SiteView siteView(SiteConfig config, BuildOptions options, Map<String, String> assets) {
    String version = Optional.ofNullable(SiteBuilder.class.getPackage().getImplementationVersion()).orElse("dev");
    return new SiteView(config.title(), config.description(), config.language(), config.baseUrl(), config.author(),
        options.offline(), options.preview(), assets, version);
  }

  /** Copies {@code static/} to the site root, and non-article files under {@code content/} beside their pages. */
  private static void copyStatic(Path siteDir, List<SourceFile> contentStatics, Publisher publisher,
      Diagnostics diagnostics) throws IOException {
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
