package org.broadsheet.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.TemplateNameFormat;
import freemarker.core.Environment;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.BeansWrapper;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.route.Page;

/**
 * The one FreeMarker configuration of a build. Templates come from the site's own {@code
 * templates/} folder first, then the default theme on the classpath, file by file. {@code .ftlh}
 * templates escape HTML and {@code .ftlx} templates escape XML automatically.
 *
 * <p>Themes are downloaded from strangers, so templates run in a sandbox: {@code ?new} can create
 * no Java object, {@code ?api} is off, templates call only the methods of the view records, and
 * they load only files inside {@code templates/} (symlinks out of it are refused) or the classpath
 * theme. Each render runs on a worker under {@link RenderLimits}; a render that ignores its stop (a
 * tight loop FreeMarker cannot interrupt) is abandoned on its daemon thread, and the build fails
 * all the same. Every failure is a {@link TemplateFailure} naming a template and, where known, a
 * line.
 */
public final class Templates {
  /** Where the default theme sits on the classpath (module {@code templates/}). */
  public static final String THEME = "broadsheet/theme";

  /**
   * Worker stacks are large so that {@link RenderLimits#depth()} stops a recursion before the stack
   * does.
   */
  private static final long WORKER_STACK_BYTES = 32L << 20;

  /** How long past the limit a render may take to notice its stop before it is abandoned. */
  private static final long GRACE_MILLIS = 2_000;

  /**
   * How often the waiting thread looks at the clock, and the most one look may count: a longer gap
   * means the whole process stood still (Ctrl-Z, a debugger, a starved machine), which no render
   * should be charged for.
   */
  private static final long LOOK_MILLIS = 250;

  private static final long MOST_COUNTED_NANOS = 2 * LOOK_MILLIS * 1_000_000;

  private final Configuration configuration;
  private final RenderLimits limits;
  private final ExecutorService workers;
  private final LongSupplier clock;

  /** The lane of the render thread this is, on render threads. */
  private static final ThreadLocal<Lane> LANE = new ThreadLocal<>();

  public Templates(Path siteTemplates) throws IOException {
    this(siteTemplates, RenderLimits.DEFAULT);
  }

  public Templates(Path siteTemplates, RenderLimits limits) throws IOException {
    this(siteTemplates, limits, System::nanoTime);
  }

  /** With the monotonic clock (nanoseconds) the waiting thread reads: tests jump it. */
  Templates(Path siteTemplates, RenderLimits limits, LongSupplier clock) throws IOException {
    this.limits = limits;
    this.clock = clock;
    Configuration cfg = new GuardedConfiguration();
    List<TemplateLoader> loaders = new ArrayList<>();
    if (siteTemplates != null && Files.isDirectory(siteTemplates)) {
      // its canonical-path check stays on: a file or symlink resolving outside the folder is
      // refused
      loaders.add(new FileTemplateLoader(siteTemplates.toFile(), false));
    }
    loaders.add(new ClassTemplateLoader(Templates.class.getClassLoader(), THEME));
    cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    cfg.setTemplateNameFormat(
        TemplateNameFormat.DEFAULT_2_4_0); // no "..", backslash or scheme out of the root
    cfg.setRecognizeStandardFileExtensions(true);
    PageHtml.register(cfg); // .ftlh: HTML escaped straight into the page's bytes
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setNumberFormat("computer");
    cfg.setLocale(Locale.ROOT);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    DefaultObjectWrapperBuilder wrapper =
        new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    wrapper.setExposureLevel(BeansWrapper.EXPOSE_SAFE);
    wrapper.setExposeFields(false);
    wrapper.setMemberAccessPolicy(new ViewAccessPolicy());
    cfg.setObjectWrapper(new ViewObjectWrapper(wrapper));
    cfg.setSharedVariable("cached", new CachedOutput()); // kept output lives as long as this build
    this.configuration = cfg;
    this.workers =
        Executors.newCachedThreadPool(
            task -> {
              Thread t = new Thread(null, task, "broadsheet-render", WORKER_STACK_BYTES);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Renders one page: a template with its view, or a view that is already the file's text. On a
   * thread of {@link #onRenderThread} the page renders right there; anywhere else it renders on a
   * render thread of its own, watched from the calling thread, as if in {@code onRenderThread}.
   */
  public byte[] render(Page page) {
    Lane lane = LANE.get();
    if (lane != null) {
      return lane.render(page);
    }
    byte[][] bytes = new byte[1][];
    onRenderThread(() -> bytes[0] = render(page));
    return bytes[0];
  }

  /**
   * Runs {@code work}, which may render any number of pages, on a render thread and returns when it
   * is done, rethrowing what it threw. Each page it renders is watched from here: a render that has
   * not answered within its limit and the grace is abandoned (see {@link #watch}), and this method
   * throws its {@link TemplateFailure} at once. Handing over a whole run of pages rather than each
   * page costs two thread switches a run, not two a page (10,000 Reuters stories: 0.7 s of a 6.3 s
   * build).
   */
  public void onRenderThread(Runnable work) {
    Lane lane = new Lane();
    Future<?> done =
        workers.submit(
            () -> {
              lane.thread = Thread.currentThread();
              LANE.set(lane);
              try {
                if (!lane.stopped) {
                  work.run();
                }
              } finally {
                LANE.remove();
              }
            });
    boolean interrupted = false;
    try {
      while (true) {
        try {
          watch(done, lane);
          break;
        } catch (InterruptedException e) {
          // stop the work and wait for it all the same: it may be writing a page
          interrupted = true;
          lane.stop();
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (interrupted) {
      throw new CancellationException("rendering was interrupted");
    }
  }

  /**
   * Waits for {@code done}, looking at the lane's render under way every {@link #LOOK_MILLIS}; a
   * render that has not answered within its limit and the grace, counted only while this process
   * runs (a look long after the one before counts no more than {@link #MOST_COUNTED_NANOS}), is
   * abandoned. A render that blocks (no element entered, no stop seen) is abandoned all the same; a
   * build suspended with Ctrl-Z and resumed is not failed for it. Time between renders (the work's
   * own, such as writing a page) is not counted.
   */
  private void watch(Future<?> done, Lane lane) throws ExecutionException, InterruptedException {
    long budget = (limits.time().toMillis() + GRACE_MILLIS) * 1_000_000;
    long counted = 0;
    long last = clock.getAsLong();
    RenderGuard watched = null;
    while (true) {
      try {
        done.get(LOOK_MILLIS, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        long now = clock.getAsLong();
        long step = Math.min(Math.max(0, now - last), MOST_COUNTED_NANOS);
        last = now;
        RenderGuard guard = lane.current.get();
        if (guard != watched) {
          watched = guard; // another page: its count starts
          counted = 0;
        } else if (guard != null) {
          counted += step;
        }
        if (guard != null
            && guard != Lane.ABANDONED
            && counted > budget
            && lane.current.compareAndSet(guard, Lane.ABANDONED)) {
          done.cancel(true);
          throw new TemplateFailure(guard.at(guard.overtime(false)), guard.page(), null);
        }
      }
    }
  }

  /**
   * A render thread's state, shared with the thread watching it: the render under way, {@link
   * #ABANDONED} once one was (then the thread renders nothing more and returns no page, even one
   * that finishes later: its work may not publish after the build failed), and whether it was told
   * to stop.
   */
  private final class Lane {
    static final RenderGuard ABANDONED = new RenderGuard(RenderLimits.DEFAULT, "");
    final AtomicReference<RenderGuard> current = new AtomicReference<>();
    volatile Thread thread;
    volatile boolean stopped;

    void stop() {
      stopped = true;
      Thread t = thread;
      if (t != null) {
        t.interrupt();
      }
    }

    byte[] render(Page page) {
      if (stopped) {
        throw new CancellationException("rendering " + page.path() + " was interrupted");
      }
      Object view = page.view().get();
      if (view instanceof String text) {
        return text.getBytes(StandardCharsets.UTF_8);
      }
      RenderGuard guard = new RenderGuard(limits, page.path());
      if (!current.compareAndSet(null, guard)) {
        throw abandonedEarlier(page);
      }
      byte[] bytes;
      try {
        bytes = process(page, view, guard);
      } catch (Exception e) {
        current.compareAndSet(guard, null);
        throw TemplateFailure.of(e, page.template(), page.path());
      } catch (Error e) {
        current.compareAndSet(guard, null);
        throw e;
      }
      if (!current.compareAndSet(guard, null)) {
        throw abandonedEarlier(page); // the watcher abandoned it just now
      }
      return bytes;
    }

    private TemplateFailure abandonedEarlier(Page page) {
      return new TemplateFailure(
          Diagnostic.error("templates", "a render on this thread was abandoned"),
          page.path(),
          null);
    }
  }

  /** On a worker: loads the template and runs it under the guard. */
  private byte[] process(Page page, Object view, RenderGuard guard) throws Exception {
    try {
      Template template = configuration.getTemplate(page.template());
      PageText out = PageText.forPage();
      try {
        Environment env = template.createProcessingEnvironment(view, out);
        guard.start();
        env.setTemplateProcessingTracer(guard);
        env.process();
        if (guard.stopped() != null) {
          throw guard.stopped(); // the template caught the stop with #attempt and went on
        }
        return out.toBytes();
      } finally {
        out.done();
      }
    } catch (StackOverflowError e) {
      throw guard.stop(
          "the Java stack overflowed: a macro or function probably calls itself without end");
    }
  }
}
