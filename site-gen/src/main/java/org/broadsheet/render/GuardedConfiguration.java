package org.broadsheet.render;

import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.IOException;
import java.util.Locale;

/**
 * A configuration whose templates check for a stop in every loop and macro body, however they are
 * loaded (the page's own template, {@code #include}, {@code #import}). Without the check an empty
 * {@code <#list 1.. as i></#list>} spins without entering any element, so {@link RenderGuard} would
 * never see it. The check is FreeMarker's own (the one its online tester uses); its entry point is
 * public but marked internal, so a FreeMarker upgrade must keep {@code TemplatesSandboxTest} green.
 */
final class GuardedConfiguration extends Configuration {
  private static final String GUARDED = "broadsheet.guarded";

  GuardedConfiguration() {
    super(Configuration.VERSION_2_3_34);
  }

  @Override
  public Template getTemplate(
      String name,
      Locale locale,
      Object customLookupCondition,
      String encoding,
      boolean parseAsFTL,
      boolean ignoreMissing)
      throws IOException {
    Template template =
        super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
    if (template != null) {
      // cached templates are shared by the render threads: add the checks once, before any of them
      // runs it
      synchronized (template) {
        if (template.getCustomAttribute(GUARDED) == null) {
          _CoreAPI.addThreadInterruptedChecks(template);
          template.setCustomAttribute(GUARDED, Boolean.TRUE);
        }
      }
    }
    return template;
  }
}
