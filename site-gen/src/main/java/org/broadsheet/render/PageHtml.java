package org.broadsheet.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import freemarker.core.DefaultTruncateBuiltinAlgorithm;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateMarkupOutputModel;
import freemarker.template.Configuration;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.StringUtil;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * FreeMarker's HTML output format (the one {@code .ftlh} templates and {@code <#outputformat
 * "HTML">} get, registered under its name "HTML"), escaping text into a page's bytes in one pass.
 * FreeMarker's own reads a string a {@code charAt} call a character and hands the runs between
 * special characters to the writer, which copies them out again to encode them; where the JIT is C1
 * (the launcher's), its escaping of the summaries (in three meta tags and every card) took a
 * twelfth of rendering. Here {@link PageText} copies the string out once and escapes and encodes it
 * in the same loop. The markup is FreeMarker's, character for character: {@code < > & " '} become
 * {@code &lt; &gt; &amp; &quot; &#39;}, and any other writer gets FreeMarker's own escaping.
 */
final class PageHtml extends CommonMarkupOutputFormat<PageHtml.Markup> {
  static final PageHtml INSTANCE = new PageHtml();

  private PageHtml() {}

  /**
   * Makes this the configuration's "HTML" format, with FreeMarker's truncation of it ({@link
   * Truncation}).
   */
  static void register(Configuration configuration) {
    configuration.setRegisteredCustomOutputFormats(List.of(INSTANCE));
    try {
      configuration.setTruncateBuiltinAlgorithm(new Truncation());
    } catch (TemplateModelException e) {
      throw new IllegalStateException(e); // markup of this format is not refused
    }
  }

  @Override
  public String getName() {
    return "HTML";
  }

  @Override
  public String getMimeType() {
    return "text/html";
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    if (out instanceof PageText page) {
      page.writeHtmlEscaped(textToEsc);
    } else {
      StringUtil.XHTMLEnc(textToEsc, out);
    }
  }

  @Override
  public String escapePlainText(String plainTextContent) {
    return StringUtil.XHTMLEnc(plainTextContent);
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return builtInName.equals("html") || builtInName.equals("xml") || builtInName.equals("xhtml");
  }

  @Override
  protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Markup(plainTextContent, markupContent);
  }

  /** HTML markup of this format: text to escape, or markup as it is. */
  static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
    Markup(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public PageHtml getOutputFormat() {
      return INSTANCE;
    }
  }

  /**
   * {@code ?truncate} as FreeMarker's default does it, its markup terminator of this format: one of
   * FreeMarker's HTML format could not be printed in a page of this one. A markup terminator is
   * measured as FreeMarker measures HTML (text outside tags, an entity one character), which it
   * does only for its own formats.
   */
  private static final class Truncation extends DefaultTruncateBuiltinAlgorithm {
    Truncation() throws TemplateModelException {
      super(
          STANDARD_ASCII_TERMINATOR,
          null,
          null,
          INSTANCE.fromMarkup(HTMLOutputFormat.INSTANCE.getMarkupString(STANDARD_M_TERMINATOR)),
          null,
          null,
          true,
          null);
    }

    @Override
    protected int getMTerminatorLength(TemplateMarkupOutputModel<?> terminator)
        throws TemplateModelException {
      return super.getMTerminatorLength(asHtml(terminator));
    }

    @Override
    protected boolean getMTerminatorRemovesDots(
        @SuppressWarnings("rawtypes") TemplateMarkupOutputModel terminator)
        throws TemplateModelException {
      return super.getMTerminatorRemovesDots(asHtml(terminator));
    }

    private static TemplateMarkupOutputModel<?> asHtml(TemplateMarkupOutputModel<?> terminator)
        throws TemplateModelException {
      return terminator instanceof Markup markup
          ? HTMLOutputFormat.INSTANCE.fromMarkup(INSTANCE.getMarkupString(markup))
          : terminator;
    }
  }
}
