package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.broadsheet.content.Body;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plain paragraphs come out as flexmark renders them, HTML and plain text; anything else is left to
 * flexmark.
 */
class PlainParagraphsTest {
  private static final ProductionFlexmark FLEXMARK = new ProductionFlexmark();

  /** Prose, with the spaces, indents, numbers and punctuation wire copy has. */
  private static final String[] PROSE = {
    "\n\n******FLASH",
    "\n***Flash",
    "word",
    "Tehran",
    "said",
    "1987",
    "5.93",
    "155,221",
    "Feb 26 -",
    "\"quoted\"",
    "it's",
    "a > b",
    "é",
    "Kraków",
    "—",
    "日本",
    "(Reuters)",
    "3 pct.",
    "Mr.",
    "no. #5",
    "at x=1",
    "a-b",
    "step 1)",
    "up +2",
    "a.",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n",
    "\n    ",
    "\n  ",
    "\n\n",
    "\n \n",
    "\n\n   ",
    "\n1.5 mln",
    "\n2026 ",
    "\n(1) ",
    "\n1987. ",
    "\n<CCI> said",
    "\n-- were",
    "up*",
    " * ",
    "**",
    "\n--",
    "\n-x",
    "\n  ---and",
    "\n- -x",
    "\n--- -",
    "\uD83D\uDE00",
    "<CCI>",
    "Citicorp <C.N>",
    "3 < 4",
    "a <",
    "<b>bold</b>",
    "<a href=x.html>",
    "</p>",
    "</ x>"
  };

  /** What may mean more than prose: syntax, line starts, other spaces; sprinkled in rarely. */
  private static final String[] OTHER = {
    "*",
    "_",
    "`",
    "[",
    "]",
    "<",
    "&",
    "~~",
    "|",
    "\\",
    "@",
    "http://x.org",
    "www.x.org",
    "[^1]",
    "<b>",
    "<a b=\"c>\">",
    "<a b='c>'>",
    "<!-- c -->",
    "<?x?>",
    "<http://x.org>",
    "<a\n>",
    "</a\n>",
    "\n<div>",
    "&amp;",
    "a@b.org",
    "![i](x.png)",
    "\n1. ",
    "\n12) ",
    "\n- ",
    "\n-- ",
    "\n+ ",
    "\n= ",
    "\n===",
    "\n---",
    "\n# ",
    "\n> ",
    "\n#tag",
    "\n\n    ",
    "  \n",
    "\u00a0",
    "\u2003",
    "\u3000",
    "\t",
    "\r",
    "\u0000",
    "\u0085",
    "\uFEFF",
    "\u2028",
    "\u000B",
    "\f"
  };

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "\n\n  \n",
        "One paragraph.",
        "SALVADOR, Feb 26 - Showers continued\nthroughout the week.\n    The dry period means\nthe temporao will be late.\n",
        "First.\n\nSecond \"quoted\", a > b.\n\n\n   Third, indented three.\n",
        "Lines with indented continuations\n        deeply.",
        "1.5 mln bags\n2026 was a year\nand #5, x=1, a-b, 1) and +2.",
        "Citicorp <CCI> said\n    it sold <AA.N> shares; 3 < 4, </p> and <b>bold</b>.",
        "Unicode: Kraków — 日本語 — emoji \uD83D\uDE00 and a no-break\u00a0space",
        "Text\n2) item",
        "trailing space \nthen more",
        "x \n  y \nz \n\nw \nv \n\n  indented \nand not ",
        "a <a title=\"x>y\">",
        "a <b\nc>",
        "Shares of <Consolidated Foods\nCorp> rose; <a b='c\nd'> too",
        "Net profit rose in\n1987. The company said\n12. and 3) too",
        "<CCI> said on Monday\n<AA.N> shares rose\n</x> and <Lloyds Bank NZA Ltd> too",
        "******ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK",
        "Text\n***FLASH LINE\nmore text\n\n**B second paragraph, <CCI> said",
        "*x",
        "World quotas\n-- the major device\n-- were suspended",
        "a  \nhard break",
        "a   \nhard break, however indented\n  b  \n    c \nd  ",
        "a  \n    b  \nc\n\nlast  \n\n  x  ",
        "x\n  a  \n  b",
        "Net profit rose.\n    - Corrects a figure\n    1) Regular reviews\n     # not a heading\n"
            + "    > nor a quote\n    ---\n    +2 pct\n    ===",
        "  ***indented",
        "orders up*\nmore text\n\nanother paragraph's*",
        "a * b and 5 x 3",
        "Text ** more",
        "x\n  ***Flash inside",
        "****** Italian government has resigned\n****** Bank of France cut its rate\nto 7-3/4 pct",
        "** spaced",
        "*** x *",
        "a * b * c",
        "a ** b *** c\n** d\nup*",
        "--tickers rose\n\n--- and more\n   -x",
      })
  void rendersPlainParagraphsAsFlexmarkDoes(String markdown) {
    Optional<Body> fast = PlainParagraphs.body(markdown);
    if (markdown.contains("\u00a0")) {
      assertTrue(fast.isEmpty(), "a space other than U+0020 is left to flexmark");
      return;
    }
    assertTrue(fast.isPresent(), "plain paragraphs take the fast path");
    assertEquals(FLEXMARK.body(markdown), fast.get());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "# Heading",
        "   ## Heading",
        "> quoted",
        "- item",
        "+ item",
        "* item",
        "1. item",
        "Text\n1. item",
        "Text\n001) item",
        "<div> at a line's start",
        "<P>text",
        "Text\n</li> closing",
        "<CCI>\nalone on its line",
        "Text\n<CCI>   ",
        "Text\n   <CCI> indented three",
        "Text\n    <CCI> indented four",
        "Text\n   - item indented three",
        "<CCI",
        "    code",
        "Text\n\n    code",
        "Text\n===",
        "Text\n---",
        "Text\n--",
        "Text\n-- \nmore",
        "Text\n-",
        "Text\n-  - -",
        "- - -",
        "-- --  ",
        "Text\n   -",
        "***",
        "Research <Advanced Viral Research \nCorp> said",
        "2026\n\n \n<CCI> said",
        "*emphasis*",
        "_emphasis_",
        "`code`",
        "[link](http://x.org)",
        "<div>raw</div>",
        "a <!-- comment -->",
        "a <?pi?>",
        "a <http://x.org>",
        "AT&T",
        "~~struck~~",
        "| a | b |\n|---|---|",
        "see http://x.org",
        "see www.x.org",
        "mail a@b.org",
        "tab\there",
        "crlf\r\nline",
        "nul\u0000",
        "note[^1]",
        "escaped \\*",
        "**bold** text",
        "***A and *b*",
        "***A\nthen b*",
        "***A\n***B",
        "a*b*c",
        "up*\n*FLASH",
        "Text\n  * item",
        "x\n* item",
        "x\n   *",
        "** *",
        "* * *",
        "up*\nand *so",
        "a *b and c* d",
        "*",
      })
  void leavesEverythingElseToFlexmark(String markdown) {
    assertEquals(Optional.empty(), PlainParagraphs.body(markdown));
  }

  @Test
  void randomProseRendersAsFlexmarkDoes() {
    Random random = new Random(28);
    int fast = 0;
    int docs = 4000;
    for (int doc = 0; doc < docs; doc++) {
      StringBuilder md = new StringBuilder();
      for (int n = random.nextInt(60); n > 0; n--) {
        String[] pieces = random.nextInt(200) == 0 ? OTHER : PROSE;
        String piece = pieces[random.nextInt(pieces.length)];
        // at a line's end, mostly no space, else one, two or three (a hard break)
        if (piece.startsWith("\n")) {
          while (!md.isEmpty() && md.charAt(md.length() - 1) == ' ') {
            md.setLength(md.length() - 1);
          }
          if (!md.isEmpty() && random.nextInt(3) == 0) {
            md.append(" ".repeat(1 + random.nextInt(3)));
          }
        }
        md.append(piece);
        if (random.nextBoolean()) {
          md.append(' ');
        }
      }
      String markdown = md.toString();
      Optional<Body> body = PlainParagraphs.body(markdown);
      if (body.isPresent()) {
        fast++;
        assertEquals(
            FLEXMARK.body(markdown),
            body.get(),
            () -> "for input: " + markdown.replace("\n", "\\n"));
      }
    }
    assertTrue(fast > docs / 6, "the fast path took " + fast + " of " + docs);
  }

  /**
   * Every Reuters-21578 story in {@code shared/corpus} (absent in a clone without it) that takes
   * the fast path comes out as flexmark renders it.
   */
  @Test
  void reutersStoriesRenderAsFlexmarkDoes(@TempDir Path dir)
      throws IOException, InterruptedException {
    Optional<Path> tarball = reutersTarball();
    assumeTrue(tarball.isPresent(), "shared/corpus/reuters21578.tar.gz is absent: skipped");
    Process tar =
        new ProcessBuilder(
                "tar", "xzf", tarball.get().toAbsolutePath().toString(), "-C", dir.toString())
            .inheritIO()
            .start();
    assertEquals(0, tar.waitFor(), "tar");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    int fast = 0;
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int close = text.indexOf("\n---\n", 4);
      String markdown = close < 0 ? text : text.substring(close + 5);
      Optional<Body> body = PlainParagraphs.body(markdown);
      if (body.isPresent()) {
        fast++;
        assertEquals(FLEXMARK.body(markdown), body.get(), file::toString);
      }
    }
    assertTrue(fast > files.size() / 2, "the fast path took " + fast + " of " + files.size());
  }

  private static Optional<Path> reutersTarball() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("BROADSHEET_CORPUS");
    if (env != null) {
      candidates.add(Path.of(env));
    }
    candidates.add(Path.of("../../shared/corpus/reuters21578.tar.gz"));
    candidates.add(Path.of("../shared/corpus/reuters21578.tar.gz"));
    return candidates.stream().filter(Files::isRegularFile).findFirst();
  }

  /**
   * {@link MarkdownParser#flexmarkBody} as a build runs it: with assertions off. Tests run with
   * them on, and flexmark's text collector then trips an assertion on some plain input (a line of
   * spaces before the last paragraph, in a few Reuters stories), so the parser takes its fallback
   * and joins lines with spaces; without assertions the collector gives the text. A class loader of
   * its own loads flexmark and the parser afresh with assertions off.
   */
  private static final class ProductionFlexmark {
    private final Object parser;
    private final java.lang.reflect.Method flexmarkBody;
    private final java.lang.reflect.Method html;
    private final java.lang.reflect.Method text;

    ProductionFlexmark() {
      try {
        List<java.net.URL> urls = new ArrayList<>();
        for (String entry :
            System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
          urls.add(Path.of(entry).toUri().toURL());
        }
        ClassLoader loader =
            new java.net.URLClassLoader(
                urls.toArray(java.net.URL[]::new), ClassLoader.getPlatformClassLoader());
        loader.setDefaultAssertionStatus(false);
        Class<?> type = loader.loadClass(MarkdownParser.class.getName());
        parser = type.getConstructor().newInstance();
        flexmarkBody = type.getDeclaredMethod("flexmarkBody", String.class);
        flexmarkBody.setAccessible(true);
        Class<?> body = loader.loadClass(Body.class.getName());
        html = body.getMethod("html");
        text = body.getMethod("text");
      } catch (ReflectiveOperationException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    Body body(String markdown) {
      try {
        Object body = flexmarkBody.invoke(parser, markdown);
        return new Body((String) html.invoke(body), (String) text.invoke(body));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
