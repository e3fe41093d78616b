package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Script URLs in scraped Markdown and wire copy: every variant that ran script in Chromium before
 * (issue 10, item 6) is written without an href or src, and safe links keep theirs.
 */
class UnsafeLinksTest {
  /** Each line is one attack; the name in brackets says which. */
  static final String ATTACKS =
      """
      [upper](JAVASCRIPT:alert(1))
      [mixed](JaVaScRiPt:alert(1))
      [space](< javascript:alert(1)>)
      [space-entity](&#32;javascript:alert(1))
      [decimal](&#106;avascript:alert(1))
      [hex](&#x6A;avascript:alert(1))
      [colon](javascript&colon;alert(1))
      [tab](<java\tscript:alert(1)>)
      [tab-entity](java&Tab;script:alert(1))
      [tab-decimal](java&#9;script:alert(1))
      [newline-entity](java&NewLine;script:alert(1))
      [control](&#1;javascript:alert(1))
      [lower](javascript:alert(1))
      [reference][evil] [reference-tab][tabbed]
      <JAVASCRIPT:alert(1)>
      ![image](JAVASCRIPT:alert(1))
      ![image-ref][evil]
      [data](Data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
      [vbscript](vbscript:msgbox(1))
      [vbscript-upper](VBScript:msgbox(1))
      Plain text autolinked by the extension: javascript://%0aalert(1) and JAVASCRIPT://%0Aalert(1)

      [evil]: JAVASCRIPT:alert(1)
      [tabbed]: <java	script:alert(1)>
      """;

  static final String SAFE =
      """
      [web](https://example.org/a?b=1&c=2) [plain](http://example.org/) [mail](mailto:desk@example.org)
      [phone](tel:+43-1-123) [relative](../other/) [root](/archive/) [fragment](#top) [query](?q=x)
      [colon-later](a/b:c) ![pic](https://example.org/p.png) <https://example.org/auto> www.example.org
      """;

  @TempDir Path site;

  @Test
  void noVariantOfAScriptUrlReachesAnHrefOrSrcInMarkdown() throws Exception {
    Diagnostics d = new Diagnostics();
    Article a =
        ParseFixtures.parse(site, "xss.md", "---\ntitle: XSS\n---\n" + ATTACKS, d).orElseThrow();
    String html = a.body().html();
    assertEquals(List.of(), unsafeUrls(html), html);
    for (String text :
        List.of(
            "upper",
            "mixed",
            "space-entity",
            "decimal",
            "hex",
            "colon",
            "tab-entity",
            "tab-decimal",
            "newline-entity",
            "control",
            "reference",
            "data",
            "vbscript")) {
      assertTrue(html.contains(">" + text + "</a>"), "the link text stays: " + text + "\n" + html);
    }
    assertTrue(html.contains("alt=\"image\""), html);
  }

  @Test
  void everyDroppedUrlIsReportedWithItsPosition() throws Exception {
    Diagnostics d = new Diagnostics();
    String file = "---\ntitle: XSS\n---\n" + ATTACKS;
    ParseFixtures.parse(site, "xss.md", file, d).orElseThrow();
    List<Diagnostic> warnings =
        d.snapshot().stream().filter(x -> x.severity() == Severity.WARNING).toList();
    List<String> lines = file.lines().toList();
    // flexmark makes no link of [space] and [tab] (a space or tab inside <...>) nor a definition of
    // [tabbed];
    // [reference] and ![image-ref] are reported once, at the definition [evil]
    List<String> notReported =
        List.of("[space]", "[tab]", "[tabbed]", "[reference]", "![image-ref]", "");
    List<Integer> expected = new ArrayList<>();
    for (int i = 3; i < lines.size(); i++) {
      String l = lines.get(i);
      if (notReported.stream().noneMatch(p -> p.isEmpty() ? l.isEmpty() : l.startsWith(p))) {
        expected.add(i + 1);
      }
    }
    assertEquals(
        expected, warnings.stream().map(Diagnostic::line).distinct().toList(), warnings.toString());
    assertTrue(
        warnings.stream().allMatch(w -> w.path().equals("content/xss.md") && w.column() > 0),
        warnings.toString());
    Diagnostic first = warnings.get(0);
    assertEquals(4, first.line());
    assertEquals(1, first.column());
    assertTrue(first.message().contains("'JAVASCRIPT:alert(1)'"), first.message());
    assertTrue(
        warnings.stream().anyMatch(w -> w.message().contains("'java\\x09script:alert(1)'")),
        warnings.toString());
  }

  @Test
  void safeLinksKeepTheirUrls() throws Exception {
    Diagnostics d = new Diagnostics();
    String html =
        ParseFixtures.parse(site, "ok.md", "---\ntitle: OK\n---\n" + SAFE, d)
            .orElseThrow()
            .body()
            .html();
    assertEquals(List.of(), unsafeUrls(html), html);
    for (String url :
        List.of(
            "https://example.org/a?b=1&amp;c=2",
            "http://example.org/",
            "mailto:desk@example.org",
            "tel:+43-1-123",
            "../other/",
            "/archive/",
            "#top",
            "?q=x",
            "a/b:c",
            "https://example.org/auto",
            "http://www.example.org")) {
      assertTrue(html.contains("href=\"" + url + "\""), url + "\n" + html);
    }
    assertTrue(html.contains("src=\"https://example.org/p.png\""), html);
    assertTrue(d.snapshot().isEmpty(), d.snapshot().toString());
  }

  @Test
  void wireCopyNeverMakesLinks() throws Exception {
    Diagnostics d = new Diagnostics();
    String text =
        "VIENNA - "
            + ATTACKS.replace("\n", " ")
            + " Visit https://example.org/ or www.example.org.\n";
    String html = ParseFixtures.parse(site, "001_xss.txt", text, d).orElseThrow().body().html();
    assertFalse(html.contains("<a"), html);
    assertFalse(html.contains("<img"), html);
    assertEquals(List.of(), unsafeUrls(html), html);
  }

  private static final Pattern URL_ATTRIBUTE = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");
  private static final Set<String> ALLOWED = Set.of("http", "https", "mailto", "tel");

  /**
   * The href and src values a browser would treat as a scheme other than the allowed ones. This
   * oracle is written apart from SafeUrls on purpose: decode character references, drop ASCII tab
   * and newlines, trim C0 controls and spaces, then read the scheme.
   */
  static List<String> unsafeUrls(String html) {
    List<String> unsafe = new ArrayList<>();
    Matcher m = URL_ATTRIBUTE.matcher(html);
    while (m.find()) {
      String url =
          decode(m.group(1))
              .replaceAll("[\t\n\r]", "")
              .replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "");
      Matcher scheme = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):").matcher(url);
      if (scheme.find() && !ALLOWED.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
        unsafe.add(m.group(1));
      }
    }
    return unsafe;
  }

  private static String decode(String attribute) {
    Matcher m = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);?").matcher(attribute);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      String text =
          ref.startsWith("#x") || ref.startsWith("#X")
              ? Character.toString(Integer.parseInt(ref.substring(2), 16))
              : ref.startsWith("#")
                  ? Character.toString(Integer.parseInt(ref.substring(1)))
                  : switch (ref) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "colon" -> ":";
                    case "Tab" -> "\t";
                    case "NewLine" -> "\n";
                    default -> m.group();
                  };
      m.appendReplacement(sb, Matcher.quoteReplacement(text));
    }
    return m.appendTail(sb).toString();
  }
}
