package org.broadsheet.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.broadsheet.diag.Diagnostics;
import org.junit.jupiter.api.Test;

class HtmlToMarkdownTest {
  static String md(String html) {
    return HtmlToMarkdown.fragment(html, "https://site.example/a/");
  }

  @Test
  void textThatLooksLikeMarkdownOrHtmlStaysText() {
    assertEquals(
        "1\\. not a list \\<b\\> \\*x\\* # \\[a\\](b) \\&amp; \\| \\~\\~",
        md("<p>1. not a list &lt;b&gt; *x* # [a](b) &amp;amp; | ~~</p>"));
    assertEquals(
        "\\# heading?\n\n\\- item?\n\n\\> quote?",
        md("<p># heading?</p><p>- item?</p><p>> quote?</p>"));
  }

  @Test
  void unsafeAddressesAreDroppedAndRelativeOnesResolved() {
    assertEquals(
        "[a](https://site.example/a/b.html) c d ![](https://site.example/i.png)",
        md(
            "<p><a href=\"b.html\">a</a> <a href=\"javascript:alert(1)\">c</a>"
                + " <a href=\" JAVASCRIPT:x\">d</a> <img src=\"/i.png\"><img src=\"data:x\"></p>"));
  }

  @Test
  void structureBecomesMarkdown() {
    assertEquals(
        "## Title\n\n1. one\n2. two\n   - nested\n\n> quoted\n>\n> twice\n\n````\ncode ``` here\n````",
        md(
            "<h1>Title</h1><ol><li>one</li><li>two<ul><li>nested</li></ul></li></ol>"
                + "<blockquote><p>quoted</p><p>twice</p></blockquote><pre>code ``` here</pre>"));
    assertEquals("a\\\nb\n\nc", md("<div>a<br>b<br><br>c</div>"));
    assertEquals("x", md("<script>evil()</script><style>p{}</style><iframe>f</iframe><p>x</p>"));
  }

  @Test
  void aLinkAroundTextLongerThanALinkMayHoldKeepsTheTextAndAShortLinkThatTheBuildReads() {
    // [ then 1,000 characters of escapes: flexmark tried every way to read them and gave up late
    String text = "[<b>x</b> - ".repeat(100);
    String markdown =
        md("<p>before <a href=\"https://quaytimes.example/s\">" + text + "</a> after</p>");
    String label = md("<p>" + text + "</p>");
    assertTrue(label.length() > HtmlToMarkdown.LONGEST_LINK_TEXT, "long: " + label.length());
    assertEquals(
        "before " + label + " ([quaytimes.example](https://quaytimes.example/s)) after", markdown);
    assertEquals(
        "[short](https://quaytimes.example/s)",
        md("<a href=\"https://quaytimes.example/s\">short</a>"));
    Diagnostics diagnostics = new Diagnostics();
    var article =
        ImportFixture.built(
            "a.md", Path.of("content/a.md"), "---\ntitle: T\n---\n" + markdown + "\n", diagnostics);
    assertTrue(article.isPresent() && !diagnostics.hasErrors(), diagnostics.toString());
    assertTrue(article.get().body().html().contains("<a href=\"https://quaytimes.example/s\">"));
  }
}
