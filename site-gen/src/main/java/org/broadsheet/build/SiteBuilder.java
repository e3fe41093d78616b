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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.config.SiteConfigLoader;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.content.Body;
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
import org.broadsheet.search.RelatedArticles;
import org.broadsheet.search.pages.BrowserIndexPages;
import org.broadsheet.web.RuntimeFiles;
import org.broadsheet.search.SearchIndexWriter;
import org.broadsheet.search.SearchSchema;
import org.broadsheet.source.ContentSource;
import org.broadsheet.source.SourceFile;
import org.broadsheet.view.SiteView;
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

  public SiteBuilder(Progress progress) {
    this(progress, RenderLimits.DEFAULT);
  }

  public SiteBuilder(Progress progress, RenderLimits limits) {
    this.progress = progress;
    this.limits = limits;
  }

  public BuildResult build(BuildOptions options) throws IOException {
    Instant start = Instant.now();
    Diagnostics diagnostics = new Diagnostics();
    Model model = model(options, diagnostics);                                                    // load, parse, model
    SiteConfig config = model.config();
    Archive archive = model.archive();
    long files;
    long bytes;
    try (Publisher publisher = Publisher.begin(options.out())) {
      Path templatesDir = options.source().resolve("templates");
      ThemeAssets assets = ThemeAssets.load(templatesDir);
      SiteView site = siteView(config, options, publishAssets(assets, publisher));
      Views views = new Views(site, new Links(options.offline()), config.timeZone(),
          ZonedDateTime.now(options.clock()).withZoneSameInstant(config.timeZone()));
      ArticlePages articlePages = new ArticlePages(views, a -> reparse(a, options.source(), model.parsers()));
      Routes routes = new Routes(views, articlePages, new Feeds(views), config.pageSize());
      Templates templates = new Templates(templatesDir, limits);
      render(templates, routes.plan(archive), publisher, "render");                                // route + render
      indexAndRenderArticles(archive, routes, articlePages, templates, views.links(), config, publisher);   // index
      copyStatic(options.source(), model.parsed().statics(), publisher);
      files = publisher.filesWritten();
      bytes = publisher.bytesWritten();
      publisher.commit();                                                                          // publish
    } catch (RuntimeException e) {
      throw withContentProblems(e, diagnostics);
    }
    return model.result(files, bytes, start, diagnostics);
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
    return model.result(0, 0, start, diagnostics);
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
    BuildResult result(long files, long bytes, Instant start, Diagnostics diagnostics) {
      int leftOut = parsed.failed() + (parsed.articles().size() - archive.size());
      return new BuildResult(archive.size(), leftOut, parsed.skipped(), files, bytes,
          Duration.between(start, Instant.now()), diagnostics.snapshot());
    }
  }

  Model model(BuildOptions options, Diagnostics diagnostics) throws IOException {
    SiteConfig config = config(options, diagnostics);
    Parsers parsers = Parsers.standard(new ParseContext(config.timeZone(), config.language()));
    List<SourceFile> sources = ContentSource.load(options.source(), options.source().resolve("content")); // load
    Parsed parsed = parseAll(sources, parsers, options, diagnostics);                                      // parse
    return new Model(config, parsers, parsed, Archive.of(parsed.articles(), diagnostics));                 // model
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
    progress.run("parse", articleFiles, file -> {
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
      boolean keep = cached.addAndGet(a.body().html().length() + a.body().text().length()) < BODY_CACHE_CHARS;
      articles.add(keep ? a : a.withoutBody());
    });
    return new Parsed(List.copyOf(articles), statics, failed.get(), skipped.get());
  }

  /** Reads an article's body again when it was not kept from the parse. */
  private static Body reparse(Article a, Path siteDir, Parsers parsers) {
    SourceFile file = new SourceFile(a.sourcePath(), siteDir.resolve(a.sourcePath()));
    return parsers.parse(file, new Diagnostics()).map(Article::body).orElse(Body.EMPTY);
  }

  private void render(Templates templates, List<Page> pages, Publisher publisher, String phase) {
    progress.run(phase, pages, page -> publisher.write(page.path(), templates.render(page)));
  }

  /**
   * The Lucene index, then the article pages, whose related articles come from that index.
   * Bodies are loaded per article (from the parse's cache, or parsed again), never all at once.
   */
  private void indexAndRenderArticles(Archive archive, Routes routes, ArticlePages articlePages, Templates templates,
      Links links, SiteConfig config, Publisher publisher) throws IOException {
    Path indexDir = publisher.staging().resolve("search/lucene");
    Files.createDirectories(indexDir);
    Analyzer analyzer = SearchSchema.analyzer(config.language());
    try (FSDirectory dir = FSDirectory.open(indexDir)) {
      try (SearchIndexWriter index = SearchIndexWriter.open(dir, analyzer, config.timeZone(), true)) {
        progress.run("index", archive.articles(), a -> {
          try {
            index.put(a.withBody(articlePages.body(a)), links.href(Links.article(a.slug())));
          } catch (IOException e) {
            throw new UncheckedIOException(a.sourcePath(), e);
          }
        });
        index.optimizeAndCommit();
      }
      Path search = publisher.staging().resolve("search");
      BrowserIndexPages.write(indexDir, search.resolve("pages"), config.language());   // the browser's paged copy
      RuntimeFiles.copyTo(search.resolve("runtime"));                                   // Lucene compiled by TeaVM
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        RelatedArticles related = new RelatedArticles(reader, analyzer);
        articlePages.useRelated((arch, a) -> relatedArticles(related, arch, a));
        render(templates, routes.articles(archive), publisher, "articles");
      }
    }
  }

  private static List<Article> relatedArticles(RelatedArticles related, Archive archive, Article a) {
    try {
      return related.ids(a.id(), a.title(), a.body().text(), 4).stream()
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
  private static void copyStatic(Path siteDir, List<SourceFile> contentStatics, Publisher publisher) throws IOException {
    for (SourceFile f : contentStatics) {
      publisher.copy(f.file(), f.relativePath().substring("content/".length()));
    }
    Path staticDir = siteDir.resolve("static");
    if (Files.isDirectory(staticDir)) {
      for (SourceFile f : ContentSource.load(staticDir, staticDir)) {
        publisher.copy(f.file(), f.relativePath());
      }
    }
  }
}
