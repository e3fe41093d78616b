package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.Random;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.junit.jupiter.api.Test;

class LinearInlineParserTest {
  private static final MutableDataSet OPTIONS = MarkdownParser.options();
  private static final Parser FLEXMARK = Parser.builder(OPTIONS).build();
  private static final Parser OURS = LinearInlineParser.install(Parser.builder(OPTIONS)).build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder(OPTIONS).build();

  @Test
  void parsesAsFlexmarksOwnInlineParser() {
    // links, images, references, autolinks, code, emphasis, escapes and entities, mixed at random
    String[] pieces = {
      "[",
      "]",
      "(",
      ")",
      "a",
      " ",
      "\n",
      "<",
      ">",
      "!",
      "*",
      "_",
      "`",
      "\\",
      "\"",
      "'",
      ":",
      "/",
      "http://x.org/p",
      "www.b.org",
      "c@d.org",
      "&amp;",
      "&#35;",
      "~~",
      "[^1]",
      "[r]",
      "\n[r]: /u",
      "\n[^1]: note",
      "<http://e.org>",
      "(/u \"t\")",
      "|",
      "\n| a | b |\n|---|---|\n",
      "  \n"
    };
    Random random = new Random(36);
    for (int doc = 0; doc < 20_000; doc++) {
      StringBuilder md = new StringBuilder();
      int length = 1 + random.nextInt(24);
      for (int i = 0; i < length; i++) {
        md.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = md.append('\n').toString();
      Node theirs = FLEXMARK.parse(text);
      Node ours = OURS.parse(text);
      assertEquals(
          FlexmarkFixture.tree(theirs), FlexmarkFixture.tree(ours), () -> "tree of " + text);
      assertEquals(HTML.render(theirs), HTML.render(ours), () -> "HTML of " + text);
    }
  }

  @Test
  void aParagraphOfThousandsOfLinksIsReadOnceNotOncePerLink() {
    // each link was a copy of the whole paragraph: 2,000 of them went past the read bound
    String body = "[a](b) ".repeat(4_000);
    Diagnostics diagnostics = new Diagnostics();
    var article =
        ParseFixtures.markdown("links.md", "---\ntitle: Links\n---\n" + body + "\n", diagnostics);
    assertTrue(
        article.isPresent(),
        () -> diagnostics.snapshot().stream().map(Diagnostic::headline).toList().toString());
    assertEquals(4_000, article.get().body().html().split("<a href=\"b\"", -1).length - 1);
  }
}
