package org.broadsheet.render;

import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import java.util.List;
import java.util.Optional;
import org.broadsheet.diag.Diagnostic;

/**
 * The theme failed: a template did not parse, failed while rendering, tried something the sandbox
 * forbids, ran past its time limit or recursed without end. The build stops without publishing, and
 * the command line exits with 3, apart from content errors (1) and refusals (2).
 */
public final class TemplateFailure extends RuntimeException {
  private final transient Diagnostic diagnostic;
  private final String page;
  private final transient List<Diagnostic> earlier;

  /**
   * @param page the page being rendered, e.g. {@code index.html}
   */
  TemplateFailure(Diagnostic diagnostic, String page, Throwable cause) {
    this(diagnostic, page, List.of(), cause);
  }

  private TemplateFailure(
      Diagnostic diagnostic, String page, List<Diagnostic> earlier, Throwable cause) {
    super(diagnostic.headline() + (page.isEmpty() ? "" : " (rendering " + page + ")"), cause);
    this.diagnostic = diagnostic;
    this.page = page;
    this.earlier = List.copyOf(earlier);
  }

  /** Where the theme failed and why, at the template's {@code path:line:col} where known. */
  public Diagnostic diagnostic() {
    return diagnostic;
  }

  /**
   * The page being rendered when the theme failed, e.g. {@code articles/x/index.html}; empty if
   * none.
   */
  public String page() {
    return page;
  }

  /** Problems in the content found before the theme failed, to report with it. */
  public List<Diagnostic> earlier() {
    return earlier;
  }

  /** The same failure, carrying the content problems found before it. */
  public TemplateFailure after(List<Diagnostic> contentProblems) {
    TemplateFailure copy = new TemplateFailure(diagnostic, page, contentProblems, getCause());
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  /** The template failure in {@code failure}'s chain of causes, if there is one. */
  public static Optional<TemplateFailure> in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TemplateFailure f) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * A failure of {@code template} while rendering {@code page}, at FreeMarker's position where it
   * has one.
   */
  static TemplateFailure of(Throwable failure, String template, String page) {
    Optional<TemplateFailure> known = in(failure);
    if (known.isPresent()) {
      return known.get();
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ParseException p && p.getTemplateName() != null) {
        return new TemplateFailure(
            Diagnostic.error(
                "templates/" + p.getTemplateName(),
                Math.max(0, p.getLineNumber()),
                Math.max(0, p.getColumnNumber()),
                p.getEditorMessage(),
                ""),
            page,
            failure);
      }
      if (t instanceof TemplateException e && e.getTemplateSourceName() != null) {
        return new TemplateFailure(
            Diagnostic.error(
                "templates/" + e.getTemplateSourceName(),
                e.getLineNumber() == null ? 0 : e.getLineNumber(),
                e.getColumnNumber() == null ? 0 : e.getColumnNumber(),
                summary(innermost(e).getMessageWithoutStackTop()),
                ""),
            page,
            failure);
      }
    }
    return new TemplateFailure(
        Diagnostic.error(
            "templates/" + template,
            summary(failure.getClass().getSimpleName() + ": " + failure.getMessage())),
        page,
        failure);
  }

  /** The root reason: {@code ?eval} and {@code ?interpret} wrap the error of the code they ran. */
  private static TemplateException innermost(TemplateException outer) {
    TemplateException inner = outer;
    for (Throwable t = outer.getCause(); t != null; t = t.getCause()) {
      if (t instanceof TemplateException e) {
        inner = e;
      }
    }
    return inner;
  }

  /** FreeMarker's message up to its tips ("----"), on one line. */
  private static String summary(String message) {
    StringBuilder sb = new StringBuilder();
    for (String line : message.lines().toList()) {
      if (line.startsWith("----") || sb.length() > 300) {
        break;
      }
      if (!line.isBlank()) {
        sb.append(sb.length() == 0 ? "" : " ").append(line.strip());
      }
    }
    return sb.length() == 0 ? "template error" : sb.toString();
  }
}
