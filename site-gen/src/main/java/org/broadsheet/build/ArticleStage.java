package org.broadsheet.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.parse.Parsers;
import org.broadsheet.route.Links;
import org.broadsheet.route.Views;
import org.broadsheet.search.SearchIndexWriter;
import org.broadsheet.source.SourceFile;

/**
 * Parse, model and index as one streaming pass: each changed file is parsed once, its document goes
 * to the index and its body to the {@link BodyStore} at once, and only its summary stays in memory.
 * An unchanged file (same {@link SourceKeys key} as in the last build's cache) is not parsed: its
 * summary and diagnostics come from the cache and its document is already in the index, which the
 * build took over from the last one. After the model, the index is reconciled with the archive:
 * renamed slugs and duplicate ids are indexed again, articles that went are deleted.
 */
final class ArticleStage {
  private final Parsers parsers;
  private final BuildOptions options;
  private final SourceKeys keys;
  private final BuildCache previous;
  private final SearchIndexWriter index;
  private final BodyStore store;
  private final Links links;
  private final Diagnostics diagnostics;

  /** What the index holds, by id; starts as the last build's when its index was taken over. */
  private final Map<String, BuildCache.Indexed> indexed;

  private final Set<String> putNow = ConcurrentHashMap.newKeySet();
  private final Set<String> duplicates = ConcurrentHashMap.newKeySet();
  private final Map<String, BuildCache.Source> sources = new ConcurrentHashMap<>();
  private final AtomicInteger parsedNow = new AtomicInteger();
  private final List<Article> articles = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> hashes = new ConcurrentHashMap<>();

  /** One copy of each dateline, section, author, tag, source, licence and language. */
  private final Map<String, String> sharedText = new ConcurrentHashMap<>();

  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();
  private final ZonedDateTime now;

  ArticleStage(
      Parsers parsers,
      BuildOptions options,
      SourceKeys keys,
      BuildCache previous,
      SearchIndexWriter index,
      BodyStore store,
      Links links,
      Diagnostics diagnostics) {
    this.parsers = parsers;
    this.options = options;
    this.keys = keys;
    this.previous = previous;
    this.index = index;
    this.store = store;
    this.links = links;
    this.diagnostics = diagnostics;
    this.indexed = new ConcurrentHashMap<>(previous.indexed());
    this.now = ZonedDateTime.now(options.clock());
  }

  /** For {@code check}: parses every file, indexes and keeps nothing. */
  static ArticleStage checking(Parsers parsers, BuildOptions options, Diagnostics diagnostics) {
    return new ArticleStage(
        parsers,
        options,
        new SourceKeys(options.source(), "check"),
        BuildCache.EMPTY,
        null,
        null,
        null,
        diagnostics);
  }

  /**
   * For a distributed build's driver: a stage over the index merged from its parts, which hold what
   * {@code indexed} says (each part's {@link #indexed()}) and, where two files gave one id, each of
   * the {@code duplicates}. {@link #reconcile} then makes it hold the archive exactly, as in a
   * local build.
   */
  static ArticleStage merged(
      Parsers parsers,
      BuildOptions options,
      SearchIndexWriter index,
      Links links,
      Map<String, BuildCache.Indexed> indexed,
      Set<String> duplicates,
      Diagnostics diagnostics) {
    ArticleStage stage =
        new ArticleStage(
            parsers,
            options,
            new SourceKeys(options.source(), "merged"),
            new BuildCache("", "", Map.of(), indexed, Map.of()),
            index,
            null,
            links,
            diagnostics);
    stage.duplicates.addAll(duplicates);
    return stage;
  }

  /** Articles to publish (summaries), what was left out, and each source's hash. */
  record Parsed(List<Article> articles, int failed, int skipped, Map<String, String> hashes) {}

  /**
   * Takes one article file in: from the cache when unchanged, else parsed and indexed. Thread-safe.
   */
  void parse(SourceFile file) {
    byte[] bytes;
    try {
      bytes = file.readBytes(); // once, for the key and the parse
    } catch (IOException e) {
      bytes = null; // the parse reads it again and reports why it cannot
    }
    String hash = keys.of(file, bytes);
    BuildCache.Source cached = previous.sources().get(file.relativePath());
    boolean unchanged = cached != null && cached.hash().equals(hash);
    Optional<Article> parsed;
    if (unchanged) {
      parsed = cached.article();
      diagnostics.addAll(cached.diagnostics());
    } else {
      Diagnostics own = new Diagnostics();
      parsed = bytes == null ? parsers.parse(file, own) : parsers.parse(file, bytes, own);
      diagnostics.addAll(own.snapshot());
      parsedNow.incrementAndGet();
      if (parsed.isEmpty() && options.preview() && cached != null && cached.article().isPresent()) {
        // the preview keeps the last good version of an article that no longer parses (its error is
        // shown)
        parsed = cached.article();
        unchanged = true;
        hash = cached.hash();
      } else {
        cached =
            new BuildCache.Source(
                hash, parsed.map(p -> p.withoutBody().withSharedText(this::share)), own.snapshot());
      }
    }
    sources.put(file.relativePath(), cached);
    hashes.put(file.relativePath(), hash);
    if (parsed.isEmpty()) {
      failed.incrementAndGet();
      return;
    }
    Article a = parsed.get();
    if (a.draft() && !options.drafts()) {
      skipped.incrementAndGet();
      diagnostics.add(
          Diagnostic.note(
              file.relativePath(), "draft; not published (build with --drafts to include it)"));
      return;
    }
    if (a.date().map(d -> d.isAfter(now)).orElse(false) && !options.future()) {
      skipped.incrementAndGet();
      diagnostics.add(
          Diagnostic.note(
              file.relativePath(),
              "dated in the future ("
                  + Views.iso(a.date().get())
                  + "); not published (build with --future to include it)"));
      return;
    }
    Optional<ZonedDateTime> publishDate = a.extras().publishDate();
    if (publishDate.map(d -> d.isAfter(now)).orElse(false) && !options.future()) {
      skipped.incrementAndGet();
      diagnostics.add(
          Diagnostic.note(
              file.relativePath(),
              "publishDate in the future ("
                  + Views.iso(publishDate.get())
                  + "); not published (build with --future to include it)"));
      return;
    }
    Optional<ZonedDateTime> expiry = a.extras().expiryDate();
    if (expiry.map(d -> !d.isAfter(now)).orElse(false) && !options.preview()) {
      skipped.incrementAndGet();
      diagnostics.add(
          Diagnostic.note(
              file.relativePath(),
              "expired ("
                  + Views.iso(expiry.get())
                  + "); not published (the preview shows it; remove expiryDate to publish it)"));
      return;
    }
    if (!unchanged && index != null) {
      if (store != null) {
        store.put(a.sourcePath(), a.body());
      }
      put(a, hash);
    }
    // the cache's summary when there is one: a million articles are held once, not twice
    articles.add(cached.article().orElseGet(a::withoutBody));
  }

  private String share(String text) {
    String first = sharedText.putIfAbsent(text, text);
    return first == null ? text : first;
  }

  /** What the files taken in so far gave. */
  Parsed parsed() {
    return new Parsed(List.copyOf(articles), failed.get(), skipped.get(), Map.copyOf(hashes));
  }

  private void put(Article withBody, String hash) {
    if (!putNow.add(withBody.id())) {
      duplicates.add(
          withBody.id()); // two files, one id: the model keeps one, reconcile indexes it alone
    }
    try {
      index.put(withBody, links.href(Links.article(withBody.slug())));
    } catch (IOException e) {
      throw new UncheckedIOException(withBody.sourcePath(), e);
    }
    indexed.put(
        withBody.id(), new BuildCache.Indexed(withBody.sourcePath(), hash, withBody.slug()));
  }

  /**
   * Makes the index hold exactly the archive's articles under their final slugs. Returns the ids of
   * articles whose body could not be read again to index them (reported by {@code bodies}).
   */
  Set<String> reconcile(Archive archive, Map<String, String> hashes, Bodies bodies)
      throws IOException {
    Set<String> ids = new HashSet<>();
    List<Article> again = new ArrayList<>();
    for (Article a : archive.articles()) {
      ids.add(a.id());
      BuildCache.Indexed want =
          new BuildCache.Indexed(a.sourcePath(), hashes.get(a.sourcePath()), a.slug());
      if (duplicates.contains(a.id()) || !want.equals(indexed.get(a.id()))) {
        again.add(a);
      }
    }
    for (String id : List.copyOf(indexed.keySet())) {
      if (!ids.contains(id)) {
        index.delete(id);
        indexed.remove(id);
      }
    }
    Set<String> lost = new HashSet<>();
    for (Article a : again) {
      index.delete(a.id());
      indexed.remove(a.id());
      try {
        put(a.withBody(bodies.of(a, "article left out")), hashes.get(a.sourcePath()));
      } catch (Bodies.Lost e) {
        lost.add(a.id());
      }
    }
    return lost;
  }

  /** How many files this build parsed (the others came from the cache). */
  int parsedNow() {
    return parsedNow.get();
  }

  /** For the next build: every source as parsed, and what the index holds. */
  Map<String, BuildCache.Source> sources() {
    return Map.copyOf(sources);
  }

  Map<String, BuildCache.Indexed> indexed() {
    return Map.copyOf(indexed);
  }

  /** Ids that two or more files taken in gave. */
  Set<String> duplicates() {
    return Set.copyOf(duplicates);
  }
}
