package org.broadsheet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.Progress;
import org.broadsheet.build.SiteBuilder;
import org.broadsheet.build.SiteFixture;
import org.broadsheet.route.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A render is bounded (issue 10, item 7): {@code <#list 1..>} used to hang the build forever. The
 * machine these tests run on may be busy, so time bounds are generous; what they pin down is which
 * way a render ended (stopped by the guard, or abandoned) and where.
 */
class RenderLimitsTest {
  static final RenderLimits ONE_SECOND = RenderLimits.DEFAULT.withTime(Duration.ofSeconds(1));

  @TempDir Path dir;

  /**
   * A view whose method blocks, as Java code called from a template can, and ignores interrupts.
   */
  public record Blocking(CountDownLatch release) {
    public String block() {
      while (true) {
        try {
          release.await();
          return "released";
        } catch (InterruptedException e) {
          // a render FreeMarker cannot stop: keep blocking
        }
      }
    }
  }

  /** A view whose method waits, using no processor time, as a busy machine makes a render wait. */
  public record Napping() {
    public String nap() throws InterruptedException {
      Thread.sleep(10);
      return "z";
    }
  }

  private Templates theme(String name, String text) throws Exception {
    return theme(name, text, System::nanoTime);
  }

  private Templates theme(String name, String text, LongSupplier clock) throws Exception {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve(name), text, StandardCharsets.UTF_8);
    return new Templates(templates, ONE_SECOND, clock);
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void anEndlessListIsStoppedAtTheLimitWithItsTemplateAndLine() throws Exception {
    Templates templates = theme("loop.ftlh", "<p>start</p>\n<#list 1.. as i></#list>\n");
    long start = System.nanoTime();
    TemplateFailure failure =
        assertThrows(
            TemplateFailure.class,
            () -> templates.render(new Page("index.html", "loop.ftlh", () -> new Object())));
    long millis = millisSince(start);
    assertTrue(millis >= 1_000 && millis < 10_000, millis + " ms");
    assertEquals(
        "templates/loop.ftlh:2:1: error: rendering took longer than 1 s and was stopped (an endless loop?); "
            + "at the loop or macro starting here",
        failure.diagnostic().headline());
  }

  @Test
  void anEndlessLoopInsideAttemptCannotSwallowTheStop() throws Exception {
    Templates templates =
        theme(
            "loop.ftlh",
            "<#list 1.. as j><#attempt><#list 1.. as i>${i}</#list><#recover>caught</#attempt></#list>");
    TemplateFailure failure =
        assertThrows(
            TemplateFailure.class,
            () -> templates.render(new Page("index.html", "loop.ftlh", () -> new Object())));
    assertTrue(
        failure.diagnostic().message().contains("longer than 1 s and was stopped"),
        failure.getMessage());
  }

  @Test
  void aRenderThatIgnoresItsStopIsAbandonedShortlyAfterTheLimit() throws Exception {
    Templates templates = theme("block.ftlh", "<p>\n${block()}</p>");
    CountDownLatch release = new CountDownLatch(1);
    try {
      long start = System.nanoTime();
      TemplateFailure failure =
          assertThrows(
              TemplateFailure.class,
              () ->
                  templates.render(
                      new Page("index.html", "block.ftlh", () -> new Blocking(release))));
      long millis = millisSince(start);
      assertTrue(millis >= 3_000 && millis < 10_000, "limit + 2 s grace: " + millis + " ms");
      assertEquals("templates/block.ftlh", failure.diagnostic().path());
      assertEquals(2, failure.diagnostic().line());
      assertTrue(
          failure.diagnostic().message().contains("did not stop; it was abandoned"),
          failure.getMessage());
    } finally {
      release.countDown();
    }
  }

  /**
   * The limit is the render's processor time: 1.5 s of waiting on a view (as on a machine too busy
   * to run the render) is not an endless loop, and the page renders (the bound for abandoning it, 1
   * s and the 2 s grace, is not reached either).
   */
  @Test
  void timeARenderSpendsWaitingIsNotChargedAsItsProcessorTime() throws Exception {
    Templates templates =
        theme("nap.ftlh", "<#list 1..150 as i><#list 1..20 as j></#list>${nap}</#list>");
    byte[] page = templates.render(new Page("index.html", "nap.ftlh", Napping::new));
    assertEquals("z".repeat(150), new String(page, StandardCharsets.UTF_8));
  }

  /**
   * A build suspended with Ctrl-Z and resumed while a page renders: the clock jumps a minute at
   * once, which counts as no more than one look at it, so the render that then answers is kept, not
   * abandoned as if it had run a minute.
   */
  @Test
  void aPauseOfTheWholeProcessIsNotChargedToTheRender() throws Exception {
    long start = System.nanoTime();
    long minute = Duration.ofMinutes(1).toNanos();
    LongSupplier clock =
        () -> {
          long t = System.nanoTime();
          return t - start > 300_000_000L ? t + minute : t;
        };
    Templates templates = theme("block.ftlh", "<p>\n${block}</p>", clock);
    CountDownLatch release = new CountDownLatch(1);
    Thread releaser =
        new Thread(
            () -> {
              try {
                Thread.sleep(1_500);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              release.countDown();
            });
    releaser.start();
    byte[] page =
        templates.render(new Page("index.html", "block.ftlh", () -> new Blocking(release)));
    assertEquals("<p>\nreleased</p>", new String(page, StandardCharsets.UTF_8));
    releaser.join();
  }

  /**
   * A run of pages on one render thread ({@link Templates#onRenderThread}, as a build's workers
   * render) is watched page by page: five renders of 1 s each are 5 s in all, past the 3 s bound
   * for abandoning one render, and every page renders.
   */
  @Test
  void aRunOfPagesOnOneRenderThreadIsWatchedPageByPage() throws Exception {
    Templates templates =
        theme("nap.ftlh", "<#list 1..100 as i><#list 1..20 as j></#list>${nap}</#list>");
    List<String> rendered = new ArrayList<>();
    templates.onRenderThread(
        () -> {
          for (int i = 0; i < 5; i++) {
            byte[] page = templates.render(new Page(i + ".html", "nap.ftlh", Napping::new));
            rendered.add(new String(page, StandardCharsets.UTF_8));
          }
        });
    assertEquals(5, rendered.size());
    rendered.forEach(page -> assertEquals("z".repeat(100), page));
  }

  /**
   * In a run, a render that ignores its stop is abandoned from the watching thread (which throws at
   * once), and the run goes no further: the abandoned render, released later, returns no page to
   * its run, so nothing is published after the build failed.
   */
  @Test
  void aRunWhoseRenderIsAbandonedReturnsNothingMore() throws Exception {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("ok.ftlh"), "ok", StandardCharsets.UTF_8);
    Files.writeString(templates.resolve("block.ftlh"), "<p>\n${block}</p>", StandardCharsets.UTF_8);
    Templates theme = new Templates(templates, ONE_SECOND);
    CountDownLatch release = new CountDownLatch(1);
    List<String> published = new CopyOnWriteArrayList<>();
    CountDownLatch runEnded = new CountDownLatch(1);
    long start = System.nanoTime();
    TemplateFailure failure;
    try {
      failure =
          assertThrows(
              TemplateFailure.class,
              () ->
                  theme.onRenderThread(
                      () -> {
                        try {
                          published.add(
                              new String(
                                  theme.render(new Page("a.html", "ok.ftlh", Object::new)),
                                  StandardCharsets.UTF_8));
                          theme.render(
                              new Page("b.html", "block.ftlh", () -> new Blocking(release)));
                          published.add("b.html");
                          theme.render(new Page("c.html", "ok.ftlh", Object::new));
                          published.add("c.html");
                        } finally {
                          runEnded.countDown();
                        }
                      }));
    } finally {
      release.countDown();
    }
    long millis = millisSince(start);
    assertTrue(millis >= 3_000 && millis < 10_000, "limit + 2 s grace: " + millis + " ms");
    assertEquals("templates/block.ftlh", failure.diagnostic().path());
    assertEquals(2, failure.diagnostic().line());
    assertEquals("b.html", failure.page());
    assertTrue(runEnded.await(10, TimeUnit.SECONDS), "the released render's run ended");
    assertEquals(List.of("ok"), published);
  }

  /**
   * The thread waiting on a run is interrupted (a build stopped): the run is stopped, and the call
   * returns only once its work has ended, so no page is published after it returned (the work here
   * takes 0.2 s to end).
   */
  @Test
  void anInterruptedRunReturnsOnlyOnceItsWorkHasEnded() throws Exception {
    Templates templates = theme("nap.ftlh", "<#list 1..100 as i>${nap}</#list>");
    List<String> published = new CopyOnWriteArrayList<>();
    AtomicBoolean workEnded = new AtomicBoolean();
    AtomicBoolean endedBeforeReturn = new AtomicBoolean();
    AtomicReference<RuntimeException> outcome = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                templates.onRenderThread(
                    () -> {
                      try {
                        for (int i = 0; i < 10; i++) {
                          templates.render(new Page(i + ".html", "nap.ftlh", Napping::new));
                          published.add(i + ".html");
                        }
                      } finally {
                        long start = System.nanoTime();
                        while (System.nanoTime() - start < 200_000_000L) {
                          Thread.onSpinWait(); // ending takes a while
                        }
                        workEnded.set(true);
                      }
                    });
              } catch (RuntimeException e) {
                outcome.set(e);
              } finally {
                endedBeforeReturn.set(workEnded.get());
              }
            });
    caller.start();
    Thread.sleep(300);
    caller.interrupt();
    caller.join(10_000);
    assertFalse(caller.isAlive());
    assertTrue(outcome.get() != null, "the interrupted run failed");
    assertTrue(endedBeforeReturn.get(), "returned before its work had ended");
    int count = published.size();
    assertTrue(count < 10, count + " pages");
    Thread.sleep(300);
    assertEquals(count, published.size(), "nothing published after the call returned");
  }

  @Test
  void deepRecursionStopsAtTheDepthBoundBeforeTheStackOverflows() throws Exception {
    Templates templates = theme("deep.ftlh", "<#macro r n>${n}<@r n=n+1/></#macro>\n<@r n=0/>");
    TemplateFailure failure =
        assertThrows(
            TemplateFailure.class,
            () -> templates.render(new Page("index.html", "deep.ftlh", () -> new Object())));
    assertEquals("templates/deep.ftlh", failure.diagnostic().path());
    assertEquals(1, failure.diagnostic().line());
    assertTrue(
        failure
            .diagnostic()
            .message()
            .startsWith(
                "templates nest deeper than 1000 elements: a macro or function"
                    + " probably calls itself without end"),
        failure.diagnostic().message());
  }

  @Test
  void aBuildWithAnEndlessListFailsInsteadOfHanging() throws Exception {
    Path site =
        SiteFixture.write(
            dir.resolve("site"),
            TemplatesSandboxTest.SITE
                + "-- templates/article.ftlh --\n<#list 1.. as i>${i}</#list>\n");
    long start = System.nanoTime();
    TemplateFailure failure =
        assertThrows(
            TemplateFailure.class,
            () -> new SiteBuilder(Progress.quiet(), ONE_SECOND).build(BuildOptions.of(site)));
    assertTrue(millisSince(start) < 60_000);
    assertTrue(
        failure.diagnostic().headline().startsWith("templates/article.ftlh:1:"),
        failure.diagnostic().headline());
    assertFalse(Files.exists(site.resolve("public")), "nothing published");
  }
}
