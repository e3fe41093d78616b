package org.broadsheet.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.route.Page;

/**
 * The one FreeMarker configuration of a build. Templates come from the site's own
 * {@code templates/} folder first, then the default theme on the classpath, file by file.
 * {@code .ftlh} templates escape HTML and {@code .ftlx} templates escape XML automatically.
 */
public final class Templates {
  /** Where the default theme sits on the classpath (module {@code templates/}). */
  public static final String THEME = "broadsheet/theme";
  private final Configuration configuration;

  public Templates(Path siteTemplates) throws IOException {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    List<TemplateLoader> loaders = new ArrayList<>();
    if (siteTemplates != null && Files.isDirectory(siteTemplates)) {
      loaders.add(new FileTemplateLoader(siteTemplates.toFile()));
    }
    loaders.add(new ClassTemplateLoader(Templates.class.getClassLoader(), THEME));
    cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setNumberFormat("computer");
    cfg.setLocale(java.util.Locale.ROOT);
    DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    cfg.setObjectWrapper(wrapper.build());
    this.configuration = cfg;
  }

  /** Renders one page: a template with its view, or a view that is already the file's text. */
  public byte[] render(Page page) {
    Object view = page.view().get();
    if (view instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    try {
      Template template = configuration.getTemplate(page.template());
      ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
      try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
        template.process(view, w);
      }
      return out.toByteArray();
    } catch (TemplateException e) {
      throw new RenderException(page.path() + ": template " + page.template() + ": " + e.getMessageWithoutStackTop(), e);
    } catch (IOException e) {
      throw new RenderException(page.path() + ": template " + page.template() + ": " + e.getMessage(), e);
    }
  }

  /** A page could not be rendered: a template error, with the template's position in the message. */
  public static final class RenderException extends RuntimeException {
    RenderException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
