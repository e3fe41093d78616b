package org.broadsheet.render;

import freemarker.core.Environment;
import freemarker.core.TemplateProcessingTracer;
import freemarker.template.Template;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.broadsheet.diag.Diagnostic;

/**
 * Watches one page render through FreeMarker's tracer, which sees every template element entered:
 * stops the render when it runs past its deadline, when elements nest deeper than a bound (a macro
 * or function calling itself without end, which would otherwise end in a StackOverflowError), or
 * when its thread is interrupted; and remembers the last element entered, so that every way a
 * render can end badly names a template and a line.
 *
 * <p>Once stopped, it stops every element after, so a template cannot swallow the stop with {@code
 * #attempt}. The deadline is in the render thread's processor time, which an endless loop runs up
 * and a suspended process (Ctrl-Z) or a busy machine does not; where the JVM cannot tell a thread's
 * processor time, the monotonic clock. The interrupt is looked at every 64 elements and the clock
 * every 1,024: a thread's processor time takes about 0.45 us to read (the monotonic clock 0.03),
 * more than most elements cost, and a page enters hundreds to thousands of them.
 */
final class RenderGuard implements TemplateProcessingTracer {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME =
      THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

  private long deadline = Long.MAX_VALUE; // set by start()
  private final RenderLimits limits;
  private final String page;
  private int depth;
  private int entered;

  /**
   * Read by the waiting thread when the render does not answer; a slightly stale element is good
   * enough there.
   */
  private TracedElement last;

  private volatile TemplateFailure stopped;

  RenderGuard(RenderLimits limits, String page) {
    this.limits = limits;
    this.page = page;
  }

  /** The path of the page being rendered. */
  String page() {
    return page;
  }

  /** Starts the clock; on the thread that renders, before the render. */
  void start() {
    deadline = now() + limits.time().toNanos();
  }

  /** This thread's processor time, or where the JVM cannot tell it, the monotonic clock. */
  private static long now() {
    return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  @Override
  public void enterElement(Environment env, TracedElement element) {
    last = element;
    if (stopped != null) {
      throw stopped;
    }
    if (++depth > limits.depth()) {
      throw stop(
          "templates nest deeper than "
              + limits.depth()
              + " elements: a macro or function probably calls itself without end");
    }
    if ((++entered & 63) == 0) {
      if ((entered & 1023) == 0 && now() - deadline > 0) {
        throw stop(overtime(true));
      }
      if (Thread.currentThread().isInterrupted()) {
        throw stop("stopped: the build was interrupted");
      }
    }
  }

  @Override
  public void exitElement(Environment env, TracedElement element) {
    depth--;
  }

  /** The message for a render that ran past its deadline and {@code stopped}, or was abandoned. */
  String overtime(boolean stopped) {
    return "rendering took longer than "
        + limits.describeTime()
        + (stopped
            ? " and was stopped"
            : " and did not stop; it was abandoned and may still use a processor")
        + " (an endless loop?)";
  }

  /** Stops the render from now on, at the last element entered. */
  TemplateFailure stop(String message) {
    TemplateFailure failure = new TemplateFailure(at(message), page, null);
    stopped = failure;
    return failure;
  }

  /** Whether the render was stopped, even if the template caught the stop. */
  TemplateFailure stopped() {
    return stopped;
  }

  /**
   * {@code message} at the last element entered: its template, line and column, and what it was.
   */
  Diagnostic at(String message) {
    TracedElement element = last;
    if (element == null) {
      return Diagnostic.error("templates", message);
    }
    Template template = element.getTemplate();
    String name = template.getSourceName() != null ? template.getSourceName() : template.getName();
    // the stop check GuardedConfiguration puts in loop and macro bodies sits at their position
    String what =
        element.getDescription().contains("threadInterruptionCheck")
            ? "the loop or macro starting here"
            : element.getDescription();
    return Diagnostic.error(
        "templates/" + name,
        Math.max(0, element.getBeginLine()),
        Math.max(0, element.getBeginColumn()),
        message + "; at " + what,
        "");
  }
}
