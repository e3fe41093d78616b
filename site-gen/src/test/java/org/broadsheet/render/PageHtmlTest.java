package org.broadsheet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.broadsheet.route.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The theme's HTML format prints what FreeMarker's own HTML format prints: escaping, markup values,
 * captures, concatenation, truncation, format directives.
 */
class PageHtmlTest {
  private static final String TEMPLATE =
      String.join(
          "\n",
          "${s}|${s?esc}|${s?no_esc}",
          "<#assign m>${s}<b>bold</b></#assign>${m}|${m + s}|${s + m}|${m?markup_string}",
          "${s?truncate_m(12)}|${s?truncate(12)}|${s?truncate_m(12, '<i>…</i>'?no_esc)}",
          "<#outputformat 'HTML'>${s}</#outputformat>|<#noautoesc>${s}</#noautoesc>",
          "${.output_format}|${m?is_markup_output?c}|${('<p>'?no_esc)?has_content?c}",
          "<#outputformat 'XML'>${s}</#outputformat>|${'x' + '<y>'?no_esc}",
          "<a title=\"${s}\" href=\"${u}\">${u?url}</a>");

  private static final Map<String, Object> VIEW =
      Map.of(
          "s", "Tom & Jerry's \"<b>cartoon</b>\" — café ✓ \uD83D\uDE00 and more words here",
          "u", "a b/c?d=<e>&f");

  @Test
  void printsWhatFreeMarkersHtmlFormatPrints(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/t.ftlh"), TEMPLATE);
    String theme =
        new String(
            new Templates(dir.resolve("templates"))
                .render(new Page("p.html", "t.ftlh", () -> VIEW)),
            StandardCharsets.UTF_8);

    Configuration plain = new Configuration(Configuration.VERSION_2_3_34);
    plain.setRecognizeStandardFileExtensions(true);
    plain.setOutputEncoding("UTF-8");
    StringWriter freemarkers = new StringWriter();
    try {
      new Template("t.ftlh", TEMPLATE, plain).process(VIEW, freemarkers);
    } catch (freemarker.template.TemplateException e) {
      throw new AssertionError(e);
    }
    assertEquals(freemarkers.toString(), theme);
    assertTrue(theme.contains("Tom &amp; Jerry&#39;s &quot;&lt;b&gt;"), theme);
    assertTrue(theme.contains("<span class='truncateTerminator'>[&#8230;]</span>"), theme);
  }
}
