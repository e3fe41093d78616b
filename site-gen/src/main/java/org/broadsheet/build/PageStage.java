package org.broadsheet.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.render.Templates;
import org.broadsheet.route.ArticlePages;
import org.broadsheet.route.Page;
import org.broadsheet.view.Card;
import org.broadsheet.view.Messages;
import org.broadsheet.view.SiteView;
import org.broadsheet.write.Publisher;

/**
 * Renders the site's pages, each only when its inputs changed: a page's fingerprint is a digest of
 * the theme and of the view its template renders, or for an article page of the source's content
 * key and {@link ArticlePages#inputs}, so neither its body nor its view is made to decide. A page
 * whose fingerprint equals the last build's is published as that build's file, unrendered.
 */
final class PageStage {
  private final Templates templates;
  private final Publisher publisher;
  private final String theme;
  private final Path previousOut;
  private final Map<String, String> previousPages;
  private final Map<String, String> pages = new ConcurrentHashMap<>();
  private final AtomicInteger rendered = new AtomicInteger();
  // what many pages show: the site and its strings on every page, a card on a dozen
  private final Fingerprint.Shared shared =
      new Fingerprint.Shared(Set.of(SiteView.class, Messages.class, Card.class));

  /**
   * @param theme a digest of the templates, so a theme change renders every page that uses them
   * @param previousOut the last build's output, whose pages of equal fingerprint are kept
   */
  PageStage(
      Templates templates,
      Publisher publisher,
      String theme,
      Path previousOut,
      Map<String, String> previousPages) {
    this.templates = templates;
    this.publisher = publisher;
    this.theme = theme;
    this.previousOut = previousOut;
    this.previousPages = previousPages;
  }

  /** Rendering the planned pages (listings, feeds, the calendar, ...): a work item each. */
  static List<Runnable> planned(PageStage stage, List<Page> planned) {
    List<Runnable> work = new ArrayList<>(planned.size());
    for (Page page : planned) {
      work.add(
          () -> {
            Page once = page.once();
            stage.publish(once.inputs().get(), once);
          });
    }
    return work;
  }

  /**
   * Rendering the pages of {@code some} of the archive's articles (all of them, or one part's in a
   * distributed build): a work item each; the archive gives their neighbours.
   */
  static List<Runnable> articles(
      PageStage stage,
      Archive archive,
      List<Article> some,
      ArticlePages articles,
      Map<String, String> hashes) {
    List<Runnable> work = new ArrayList<>(some.size());
    for (Article a : some) {
      work.add(
          () ->
              stage.publish(
                  List.of("source " + hashes.get(a.sourcePath()), articles.inputs(archive, a)),
                  articles.page(archive, a)));
    }
    return work;
  }

  /**
   * Publishes one page: kept from the last build when its {@code inputs} are unchanged, else
   * rendered.
   */
  private void publish(Object inputs, Page page) {
    String fingerprint = Fingerprint.of(shared, theme, page.template(), inputs);
    pages.put(page.path(), fingerprint);
    if (fingerprint.equals(previousPages.get(page.path()))
        && publisher.keep(previousOut.resolve(page.path()), page.path())) {
      return;
    }
    publisher.write(page.path(), templates.render(page));
    rendered.incrementAndGet();
  }

  /**
   * Runs a worker's share of this stage's items on a render thread ({@link
   * Templates#onRenderThread}).
   */
  void onRenderThread(Runnable work) {
    templates.onRenderThread(work);
  }

  /** Fingerprints of every page published, for the next build. */
  Map<String, String> fingerprints() {
    return Map.copyOf(pages);
  }

  int rendered() {
    return rendered.get();
  }
}
