package org.broadsheet.preview;

import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.render.TemplateFailure;

/**
 * A failed render as a diagnostic at the template's {@code path:line:col} where FreeMarker knows
 * it.
 */
final class TemplateProblems {
  private TemplateProblems() {}

  static Diagnostic of(Throwable failure) {
    var known = TemplateFailure.in(failure);
    if (known.isPresent()) {
      return known.get().diagnostic();
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ParseException p && p.getTemplateName() != null) {
        return Diagnostic.error(
            "templates/" + p.getTemplateName(),
            Math.max(0, p.getLineNumber()),
            Math.max(0, p.getColumnNumber()),
            p.getEditorMessage(),
            "");
      }
      if (t instanceof TemplateException e && e.getTemplateSourceName() != null) {
        return Diagnostic.error(
            "templates/" + e.getTemplateSourceName(),
            e.getLineNumber() == null ? 0 : e.getLineNumber(),
            e.getColumnNumber() == null ? 0 : e.getColumnNumber(),
            e.getMessageWithoutStackTop().lines().findFirst().orElse("template error"),
            "");
      }
    }
    return Diagnostic.error("templates", String.valueOf(failure.getMessage()));
  }
}
