package org.broadsheet.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.Progress;
import org.broadsheet.build.SiteBuilder;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.config.SiteConfigLoader;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.content.Body;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.Severity;
import org.broadsheet.parse.ParseContext;
import org.broadsheet.parse.Parsers;
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
import org.broadsheet.search.SearchIndexWriter;
import org.broadsheet.source.ContentSource;
import org.broadsheet.source.SourceFile;
import org.broadsheet.view.SiteView;
import org.broadsheet.write.Publisher;

/**
 * The build as the preview runs it: one full build with drafts, future articles and badges, then
 * incremental rebuilds that keep the parsed archive in memory and render only what a change
 * touches (see {@link AffectedPages}), updating the Lucene index document by document.
 *
 * <p>An article that no longer parses keeps its last good version (page, listings, index) and its
 * diagnostic stays in {@link Report#problems()} until the file is fixed or deleted. A template that
 * fails to render is reported the same way. {@code site.yaml}, theme assets and lost events make a
 * full build.
 */
public final class PreviewBuild implements SiteBuild {
  /** Related articles shown on an article page (as in the full build). */
  private static final int RELATED = 4;
  private final Path site;
  private final Path out;
  private final Clock clock;
  private final Map<String, Article> articles = new HashMap<>();
  private final Map<String, List<Diagnostic>> problems = new TreeMap<>();
  private final List<Diagnostic> renderProblems = new ArrayList<>();
  private List<Diagnostic> archiveProblems = List.of();
  private Pipeline pipeline;
  private Archive archive;
  private Set<String> planned = Set.of();
  private final java.util.concurrent.atomic.AtomicReference<Slowest> slowest =
      new java.util.concurrent.atomic.AtomicReference<>(new Slowest("", 0));
  private FSDirectory indexDir;
  private SearchIndexWriter index;
  private DirectoryReader relatedReader;
  private RelatedArticles related;
  private final Map<String, List<String>> relatedCache = new java.util.concurrent.ConcurrentHashMap<>();

  /** The stages of the build, set up once per full build. */
  private record Pipeline(SiteConfig config, Parsers parsers, Views views,
      ArticlePages articlePages, Routes routes, Templates templates, TemplateGraph graph, AffectedPages affected) {}

  public PreviewBuild(Path site, Path out, Clock clock) {
    this.site = site.toAbsolutePath().normalize();
    this.out = out.toAbsolutePath().normalize();
    this.clock = clock;
  }

  @Override
  public Path output() {
    return out;
  }

  @Override
  public synchronized Report buildAll() throws IOException {
    long start = System.nanoTime();
    closeIndex();
    renderProblems.clear();
    BuildOptions options = new BuildOptions(site, out, true, true, false, null, true, false, clock);
    BuildResult result;
    try {
      result = new SiteBuilder(Progress.quiet()).build(options);
    } catch (RuntimeException e) {
      // The last good site stays in place; the next change builds everything again.
      pipeline = null;
      renderProblems.add(TemplateProblems.of(e));
      if (!Files.isDirectory(out)) {
        Files.createDirectories(out);
      }
      return report("full build failed", start);
    }
    pipeline = pipeline();
    articles.clear();
    problems.clear();
    relatedCache.clear();
    // the full build above has reported what the walk found: its diagnostics are not wanted twice
    for (SourceFile f : ContentSource.load(site, site.resolve("content"), new Diagnostics())) {
      if (pipeline.parsers().kindOf(f) == Parsers.Kind.ARTICLE) {
        parse(f);
      }
    }
    archive = model();
    planned = paths(pipeline.routes().plan(archive));
    indexDir = FSDirectory.open(out.resolve("search/lucene"));
    index = SearchIndexWriter.open(indexDir, pipeline.config().language(), pipeline.config().timeZone(), false);
    useLiveRelated();
    return report("built " + result.articles() + " articles, " + result.files() + " files", start);
  }

  @Override
  public synchronized Report rebuild(Set<Path> changed, boolean everything) throws IOException {
    Changes changes = Changes.sort(changed);
    if (everything || pipeline == null || changes.needsFullBuild()) {
      return buildAll();
    }
    long start = System.nanoTime();
    renderProblems.clear();
    int rendered;
    slowest.set(new Slowest("", 0));
    long parsed;
    long modelled;
    long indexed;
    try (Publisher publisher = Publisher.inPlace(out)) {
      if (!changes.templates().isEmpty()) {
        pipeline = pipeline();
      }
      Set<String> touched = applyContent(changes.content(), publisher);
      parsed = System.nanoTime();
      Archive before = archive;
      archive = remodel(touched);
      modelled = System.nanoTime();
      updateIndex(before, touched);
      if (!touched.isEmpty() || !changes.templates().isEmpty()) {
        useLiveRelated();
      }
      indexed = System.nanoTime();
      rendered = render(before, touched, changes.templates(), publisher);
      copyStatic(changes.statics(), publisher);
      publisher.commit();
    }
    long written = System.nanoTime();
    String slowestPage = rendered == 0 ? "" : String.format(", slowest %s %d ms", slowest.get().path(),
        ms(slowest.get().nanos()));
    return report(String.format("%s: %d pages (parse %d ms, model %d ms, index %d ms, render %d ms%s)",
        changes.describe(), rendered, ms(parsed - start), ms(modelled - parsed), ms(indexed - modelled),
        ms(written - indexed), slowestPage), start);
  }

  private Pipeline pipeline() throws IOException {
    Diagnostics ignored = new Diagnostics();
    SiteConfig config = SiteConfigLoader.load(site, ignored);
    Parsers parsers = Parsers.standard(new ParseContext(config.timeZone(), config.language()));
    Path templatesDir = site.resolve("templates");
    Map<String, String> assets = new HashMap<>();
    ThemeAssets.load(templatesDir).files().forEach((name, bytes) -> assets.put(name, ThemeAssets.fingerprinted(name, bytes)));
    String version = Optional.ofNullable(SiteBuilder.class.getPackage().getImplementationVersion()).orElse("dev");
    SiteView siteView = new SiteView(config.title(), config.description(), config.language(), config.baseUrl(),
        config.author(), false, true, assets, version);
    Views views = new Views(siteView, new Links(false), config.timeZone(),
        ZonedDateTime.now(clock).withZoneSameInstant(config.timeZone()));
    ArticlePages articlePages = new ArticlePages(views, a -> org.broadsheet.route.PageBody.of(body(a)));
    Routes routes = new Routes(views, articlePages, new Feeds(views), config.pageSize());
    return new Pipeline(config, parsers, views, articlePages, routes,
        new Templates(templatesDir),
        new TemplateGraph(templatesDir), new AffectedPages(config.pageSize()));
  }

  /** Parses one article file: on success it replaces the last good version, on failure it keeps it. */
  private Optional<Article> parse(SourceFile file) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<Article> parsed = pipeline.parsers().parse(file, diagnostics);
    List<Diagnostic> errors = diagnostics.snapshot().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    if (errors.isEmpty()) {
      problems.remove(file.relativePath());
    } else {
      problems.put(file.relativePath(), errors);
    }
    parsed.ifPresent(a -> articles.put(file.relativePath(), a));
    return parsed;
  }

  private Archive model() {
    Diagnostics diagnostics = new Diagnostics();
    Archive model = Archive.of(List.copyOf(articles.values()), diagnostics, pipeline.parsers().idOrigins(site));
    archiveProblems = diagnostics.snapshot().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    return model;
  }

  /**
   * Related articles as the full build finds them: MoreLikeThis over the index as it is now,
   * through a near-real-time reader of the preview's writer. Each article's list is computed once
   * and kept until its own text changes (a MoreLikeThis query over 10,000 articles costs tens of
   * milliseconds, and an edit elsewhere rarely changes another article's list).
   */
  private void useLiveRelated() throws IOException {
    DirectoryReader reader = DirectoryReader.open(index.writer());
    if (relatedReader != null) {
      relatedReader.decRef();
    }
    relatedReader = reader;
    related = new RelatedArticles(reader, IndexInfo.read(reader)); // a new language is committed at once: see SearchIndexWriter
    pipeline.articlePages().useRelated((arch, a) -> relatedIds(a).stream()
        .map(arch::byId).flatMap(Optional::stream).toList());
  }

  private List<String> relatedIds(Article a) {
    return relatedCache.computeIfAbsent(a.id(), id -> {
      try {
        return related.ids(id, a.lang(), a.title(), body(a).text(), RELATED);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("related articles of " + a.sourcePath(), e);
      }
    });
  }

  /**
   * The articles a changed one is related to: their pages likely list it in turn (MoreLikeThis is
   * close to symmetric), so they are rendered again with its new title.
   */
  private Set<String> relatedOfTouched(Set<String> touched) {
    Set<String> ids = new HashSet<>();
    for (String id : touched) {
      relatedCache.remove(id);
      archive.byId(id).ifPresent(a -> ids.addAll(relatedIds(a)));
    }
    return ids;
  }

  /** The archive after a change: the cheap swap when one article changed in place, else anew. */
  private Archive remodel(Set<String> touched) {
    if (touched.size() == 1) {
      String id = touched.iterator().next();
      Optional<Article> updated = articles.values().stream().filter(a -> a.id().equals(id)).findFirst();
      Optional<Archive> swapped = updated.flatMap(archive::withUpdated);
      if (swapped.isPresent()) {
        return swapped.get();
      }
    }
    return touched.isEmpty() ? archive : model();
  }

  /** Re-reads changed content files; returns the ids of articles that changed, came or went. */
  private Set<String> applyContent(Set<Path> paths, Publisher publisher) throws IOException {
    Set<String> touched = new HashSet<>();
    for (Path path : paths) {
      String relative = path.toString().replace('\\', '/');
      Path file = site.resolve(path);
      if (Files.isDirectory(file)) {
        continue; // the files inside are reported one by one
      }
      for (String gone : removedUnder(relative, file)) {
        Article old = articles.remove(gone);
        problems.remove(gone);
        if (old != null) {
          touched.add(old.id());
        }
      }
      SourceFile source = new SourceFile(relative, file);
      if (!Files.isRegularFile(file)) {
        Parsers.Kind kind = pipeline.parsers().kindOf(source);
        String target = relative.substring("content/".length());
        if (kind == Parsers.Kind.STATIC && Files.isRegularFile(out.resolve(target))) {
          publisher.delete(target);
        } else if (kind == Parsers.Kind.METADATA && Files.isDirectory(file.getParent())) {
          touched.addAll(reparseFolder(file.getParent()));
        }
        continue;
      }
      switch (pipeline.parsers().kindOf(source)) {
        case ARTICLE -> {
          Article old = articles.get(relative);
          parse(source).ifPresent(a -> touched.add(a.id()));
          if (old != null && articles.get(relative) != old) {
            touched.add(old.id());
          }
        }
        case METADATA -> touched.addAll(reparseFolder(file.getParent()));
        case STATIC -> publisher.copy(file, relative.substring("content/".length()));
      }
    }
    touched.forEach(pipeline.views()::forget);
    return touched;
  }

  /**
   * Source paths at or under a deleted file or folder: articles, and files that never parsed (they
   * have only problems, which must go with them).
   */
  private List<String> removedUnder(String relative, Path file) {
    if (Files.exists(file)) {
      return List.of();
    }
    return Stream.concat(articles.keySet().stream(), problems.keySet().stream()).distinct()
        .filter(p -> p.equals(relative) || p.startsWith(relative + "/")).toList();
  }

  /** A sidecar or {@code _metadata.csv} changed: the articles beside it are parsed again. */
  private Set<String> reparseFolder(Path folder) throws IOException {
    Set<String> touched = new HashSet<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        SourceFile source = new SourceFile(site.relativize(f).toString().replace('\\', '/'), f);
        if (Files.isRegularFile(f) && pipeline.parsers().kindOf(source) == Parsers.Kind.ARTICLE) {
          Article old = articles.get(source.relativePath());
          parse(source).ifPresent(a -> touched.add(a.id()));
          if (old != null) {
            touched.add(old.id());
          }
        }
      }
    }
    return touched;
  }

  /** Renders the pages the change touches; removes pages that are no longer planned. */
  private int render(Archive before, Set<String> touched, Set<String> changedTemplates, Publisher publisher) {
    List<Page> plan = pipeline.routes().plan(archive);
    Set<String> listingPages = pipeline.affected().allListingPages(archive);
    Set<String> affectedListings = touched.isEmpty() ? Set.of() : pipeline.affected().listingPages(before, archive, touched);
    List<Page> todo = new ArrayList<>();
    for (Page page : plan) {
      boolean listing = listingPages.contains(page.path());
      if (usesChanged(page, changedTemplates) || !planned.contains(page.path())
          || (listing ? affectedListings.contains(page.path()) : !touched.isEmpty())) {
        todo.add(page);
      }
    }
    Set<String> nowPlanned = paths(plan);
    for (String gone : planned) {
      if (!nowPlanned.contains(gone)) {
        publisher.delete(gone);
      }
    }
    planned = nowPlanned;

    Set<String> articleIds = pipeline.affected().articles(before, archive, touched);
    articleIds.addAll(relatedOfTouched(touched));
    boolean allArticles = changedTemplates.stream().anyMatch(t -> pipeline.graph().uses("article.ftlh", t));
    for (Article a : allArticles ? archive.articles() : ids(articleIds)) {
      todo.add(pipeline.articlePages().page(archive, a));
    }
    for (String id : touched) {
      before.byId(id).ifPresent(old -> {
        if (archive.byId(id).map(a -> !a.slug().equals(old.slug())).orElse(true)
            && archive.articles().stream().noneMatch(a -> a.slug().equals(old.slug()))) {
          publisher.delete(Links.file(Links.article(old.slug())));
        }
      });
    }
    Progress.quiet().run("render", todo, page -> {
      try {
        long t = System.nanoTime();
        publisher.write(page.path(), pipeline.templates().render(page));
        slowest.accumulateAndGet(new Slowest(page.path(), System.nanoTime() - t), Slowest::max);
      } catch (RuntimeException e) {
        synchronized (renderProblems) {
          Diagnostic problem = TemplateProblems.of(e);
          if (!renderProblems.contains(problem)) {
            renderProblems.add(problem);
          }
        }
      }
    });
    return todo.size();
  }

  /** The page that took longest to render in the last rebuild, for the terminal. */
  private record Slowest(String path, long nanos) {
    static Slowest max(Slowest a, Slowest b) {
      return a.nanos() >= b.nanos() ? a : b;
    }
  }

  private boolean usesChanged(Page page, Set<String> changedTemplates) {
    for (String t : changedTemplates) {
      if (pipeline.graph().uses(page.template(), t)) {
        return true;
      }
    }
    return false;
  }

  private List<Article> ids(Set<String> ids) {
    List<Article> list = new ArrayList<>(ids.size());
    ids.forEach(id -> archive.byId(id).ifPresent(list::add));
    return list;
  }

  private void updateIndex(Archive before, Set<String> touched) throws IOException {
    if (touched.isEmpty()) {
      return;
    }
    Links links = pipeline.views().links();
    for (String id : touched) {
      Optional<Article> now = archive.byId(id);
      if (now.isPresent()) {
        Article a = now.get();
        index.put(a.withBody(body(a)), links.href(Links.article(a.slug())));
      } else if (before.byId(id).isPresent()) {
        index.delete(id);
      }
    }
  }

  /**
   * A near-real-time reader of the index as this build has it now, uncommitted changes included:
   * no fsync on the way from a save to search results. The preview's output is thrown away on
   * exit, so the index is committed only when the build closes.
   */
  @Override
  public synchronized Optional<DirectoryReader> searchReader() throws IOException {
    if (relatedReader == null) {
      return Optional.empty();
    }
    relatedReader.incRef(); // shared with MoreLikeThis; the caller's decRef releases its share
    return Optional.of(relatedReader);
  }

  private void copyStatic(Set<Path> statics, Publisher publisher) {
    for (Path path : statics) {
      Path file = site.resolve(path);
      String target = site.resolve("static").relativize(file).toString().replace('\\', '/');
      if (Files.isRegularFile(file)) {
        publisher.copy(file, target);
      } else if (!Files.exists(file)) {
        publisher.delete(target);
      }
    }
  }

  private Body body(Article a) {
    if (!a.body().html().isEmpty() || !a.body().text().isEmpty()) {
      return a.body();
    }
    SourceFile file = new SourceFile(a.sourcePath(), site.resolve(a.sourcePath()));
    return pipeline.parsers().parse(file, new Diagnostics()).map(Article::body).orElse(Body.EMPTY);
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  private static Set<String> paths(List<Page> plan) {
    Set<String> paths = new HashSet<>(plan.size() * 2);
    plan.forEach(p -> paths.add(p.path()));
    return paths;
  }

  private Report report(String what, long start) {
    List<Diagnostic> all = new ArrayList<>();
    problems.values().forEach(all::addAll);
    all.addAll(archiveProblems);
    all.addAll(renderProblems);
    long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
    String summary = what + " in " + ms + " ms" + (all.isEmpty() ? "" : "; " + all.size() + " problem(s)");
    return new Report(all, summary);
  }

  private void closeIndex() throws IOException {
    if (relatedReader != null) {
      relatedReader.decRef();
      relatedReader = null;
    }
    if (index != null) {
      index.commit();
      index.close();
      indexDir.close();
      index = null;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    closeIndex();
  }
}
