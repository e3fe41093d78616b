package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownParserTest {
  @TempDir Path site;

  @Test
  void readsEveryFrontMatterField() throws Exception {
    Diagnostics d = new Diagnostics();
    Article a =
        ParseFixtures.parse(
                site,
                "2021/rates.md",
                """
        ---
        title: "Bank raises rates"
        date: 2021-03-04T09:15:00+02:00
        updated: 2021-03-05
        authors: [Ana Lima, Tom Berg]
        tags: [interest rates, economy]
        section: business
        summary: A short summary.
        slug: bank-rates
        id: rates-2021
        draft: false
        source: Example Wire
        license: CC-BY-4.0
        lang: en
        dateline: LONDON
        ---
        The bank **raised** rates.
        """,
                d)
            .orElseThrow();
    assertEquals("rates-2021", a.id());
    assertEquals("bank-rates", a.slug());
    assertEquals("Bank raises rates", a.title());
    assertEquals(ZonedDateTime.parse("2021-03-04T09:15:00+02:00"), a.date().orElseThrow());
    assertEquals(ZonedDateTime.parse("2021-03-05T00:00Z[UTC]"), a.updated().orElseThrow());
    assertEquals(List.of("Ana Lima", "Tom Berg"), a.authors());
    assertEquals(List.of("interest rates", "economy"), a.tags());
    assertEquals("business", a.section());
    assertEquals("LONDON", a.dateline());
    assertEquals("Example Wire", a.source());
    assertEquals("CC-BY-4.0", a.license());
    assertTrue(a.body().html().contains("<strong>raised</strong>"));
    assertEquals("The bank raised rates.", a.body().text());
    assertTrue(d.snapshot().isEmpty(), d.snapshot().toString());
  }

  @Test
  void rawHtmlShownAsTextIsTheArticlesTextToo() throws Exception {
    Diagnostics d = new Diagnostics();
    Article a =
        ParseFixtures.parse(
                site,
                "citicorp.md",
                """
        ---
        title: Citicorp rules out a price war
        ---
        Citicorp *<CCI>* said it would not follow <!-- a wire note --> rivals.

        <div class="x">
        The board met.
        </div>
        """,
                d)
            .orElseThrow();
    assertTrue(a.body().html().contains("<em>&lt;CCI&gt;</em>"), a.body().html());
    assertTrue(a.body().html().contains("&lt;div class=&quot;x&quot;&gt;"), a.body().html());
    String text = a.body().text();
    assertTrue(
        text.startsWith("Citicorp <CCI> said it would not follow <!-- a wire note --> rivals."),
        text);
    assertTrue(text.contains("<div class=\"x\">\nThe board met.\n</div>"), text);
    assertTrue(d.snapshot().isEmpty(), d.snapshot().toString());
  }

  @Test
  void authorAsHugoAndJekyllWriteItIsTheAuthors() throws Exception {
    Diagnostics d = new Diagnostics();
    Article one =
        ParseFixtures.parse(site, "one.md", "---\ntitle: T\nauthor: Wei Jackson\n---\nx\n", d)
            .orElseThrow();
    Article list =
        ParseFixtures.parse(site, "list.md", "---\ntitle: T\nauthor: [A B, C D]\n---\nx\n", d)
            .orElseThrow();
    assertEquals(List.of("Wei Jackson"), one.authors());
    assertEquals(List.of("A B", "C D"), list.authors());
    assertTrue(d.snapshot().isEmpty(), d.snapshot().toString());

    Article both =
        ParseFixtures.parse(
                site, "both.md", "---\ntitle: T\nauthors: [A B]\nauthor: C D\n---\nx\n", d)
            .orElseThrow();
    assertEquals(List.of("A B"), both.authors());
    Diagnostic warning = d.snapshot().get(0);
    assertEquals(Severity.WARNING, warning.severity());
    assertEquals(4, warning.line());
    assertTrue(warning.message().contains("'author' is ignored"), warning.message());
  }

  @Test
  void dateWithoutZoneIsInTheSiteZone() throws Exception {
    Article a =
        ParseFixtures.parse(
                site,
                "a.md",
                "---\ntitle: T\ndate: 2020-10-04T18:30:00\n---\nx\n",
                new Diagnostics())
            .orElseThrow();
    assertEquals("2020-10-04T18:30Z[UTC]", a.date().orElseThrow().toString());
  }

  @Test
  void rendersGfmTablesStrikethroughAutolinksFootnotesAndHeadingIds() throws Exception {
    Article a =
        ParseFixtures.parse(
                site,
                "a.md",
                """
        ---
        title: Features
        ---
        ## Rates by year

        | Year | Rate |
        |------|------|
        | 2020 | 0.1  |

        It was ~~wrong~~ right, see https://example.org/report and a note.[^1]

        [^1]: The note.
        """,
                new Diagnostics())
            .orElseThrow();
    String html = a.body().html();
    assertTrue(html.contains("<h2 id=\"rates-by-year\">"), html);
    assertTrue(html.contains("<table"), html);
    assertTrue(html.contains("<del>wrong</del>"), html);
    assertTrue(html.contains("<a href=\"https://example.org/report\">"), html);
    assertTrue(html.contains("footnote"), html);
    String text = a.body().text();
    assertTrue(text.contains("and a note.\n"), "no reference number in the text: " + text);
    assertTrue(text.endsWith("The note."), "the note's own text stays: " + text);
  }

  @Test
  void brokenYamlIsReportedAtItsLineInTheFile() throws Exception {
    Diagnostics d = new Diagnostics();
    var a = ParseFixtures.parse(site, "bad.md", "---\ntitle: ok\ntags: [a, b\n---\nbody\n", d);
    assertTrue(a.isEmpty());
    Diagnostic e = d.snapshot().get(0);
    assertEquals(Severity.ERROR, e.severity());
    assertEquals("content/bad.md", e.path());
    assertTrue(e.line() >= 3, e.format());
    assertTrue(e.message().startsWith("broken YAML"), e.message());
  }

  @Test
  void unclosedFrontMatterIsAnErrorOnLineOne() throws Exception {
    Diagnostics d = new Diagnostics();
    assertTrue(ParseFixtures.parse(site, "open.md", "---\ntitle: x\nbody\n", d).isEmpty());
    assertEquals(
        "content/open.md:1:1: error: front matter is never closed: no '---' line after this one",
        d.snapshot().get(0).headline());
  }

  @Test
  void badDateIsAnErrorAtTheKeysLine() throws Exception {
    Diagnostics d = new Diagnostics();
    assertTrue(
        ParseFixtures.parse(site, "d.md", "---\ntitle: x\ndate: 2021-02-31\n---\nb\n", d)
            .isEmpty());
    Diagnostic e = d.snapshot().get(0);
    assertEquals(3, e.line());
    assertEquals("date: 2021-02-31", e.sourceLine());
  }

  @Test
  void unknownKeyIsANoteKeptAsAParamAndTheArticleStillBuilds() throws Exception {
    Diagnostics d = new Diagnostics();
    Article a =
        ParseFixtures.parse(site, "k.md", "---\ntitle: x\ncolour: red\n---\nb\n", d).orElseThrow();
    Diagnostic w = d.snapshot().get(0);
    assertEquals(Severity.NOTE, w.severity(), "check --strict makes it a warning");
    assertTrue(Metadata.isUnknownKeyNote(w));
    assertEquals(3, w.line());
    assertTrue(w.message().contains("'colour'"));
    assertEquals(java.util.Map.of("colour", "red"), a.extras().params());
  }

  @Test
  void theNotesOnOneUnknownKeyShareOneMessageAndEachNamesItsOwnFileAndLine() throws Exception {
    Diagnostics d = new Diagnostics();
    ParseFixtures.parse(site, "k1.md", "---\ntitle: x\nnewid: 1\n---\nb\n", d).orElseThrow();
    ParseFixtures.parse(site, "k2.md", "---\ntitle: y\nslug: y\nnewid: 2\n---\nb\n", d)
        .orElseThrow();
    ParseFixtures.parse(site, "k3.md", "---\ntitle: z\nplaces: [usa]\n---\nb\n", d).orElseThrow();
    List<Diagnostic> notes = d.snapshot();
    assertEquals(3, notes.size());
    // held to the end of the build, one for each article of a wire archive: one string, not 25,000
    assertSame(notes.get(0).message(), notes.get(1).message());
    assertTrue(notes.get(2).message().contains("'places'"), notes.get(2).message());
    assertEquals("content/k1.md:3:1", notes.get(0).headline().split(": ")[0]);
    assertEquals("content/k2.md:4:1", notes.get(1).headline().split(": ")[0]);
    assertEquals("newid: 2", notes.get(1).sourceLine());
  }

  @Test
  void hugoKeysMapOntoBroadsheetFields() throws Exception {
    Diagnostics d = new Diagnostics();
    Article a =
        ParseFixtures.parse(
                site,
                "h.md",
                "---\ntitle: x\ncategories: [World, Europe]\ndescription: In short.\n"
                    + "publishDate: 2021-02-03\nlastmod: 2021-02-04 10:00:00 +0100\n"
                    + "expiryDate: 2030-01-01\naliases: [/old/x/]\nweight: 3\n---\nb\n",
                d)
            .orElseThrow();
    assertEquals(java.util.List.of(), d.snapshot());
    assertEquals("World", a.section());
    assertEquals(java.util.List.of("Europe"), a.tags());
    assertEquals("In short.", a.summary());
    assertEquals("2021-02-03", a.date().orElseThrow().toLocalDate().toString());
    assertEquals("2021-02-04T10:00+01:00", a.updated().orElseThrow().toOffsetDateTime().toString());
    assertEquals(java.util.List.of("/old/x/"), a.extras().aliases());
    assertEquals(3, a.extras().weight().getAsInt());
    assertEquals(2030, a.extras().expiryDate().orElseThrow().getYear());
    assertTrue(a.extras().publishDate().isEmpty(), "publishDate alone is the date");
  }

  @Test
  void aBadAliasOrWeightIsReportedAtItsLine() throws Exception {
    Diagnostics d = new Diagnostics();
    Article a =
        ParseFixtures.parse(site, "b.md", "---\ntitle: x\naliases: [../up/, /ok/]\n---\nb\n", d)
            .orElseThrow();
    assertEquals(java.util.List.of("/ok/"), a.extras().aliases());
    Diagnostic w = d.snapshot().get(0);
    assertEquals(Severity.WARNING, w.severity());
    assertEquals(3, w.line());
    assertTrue(w.message().contains("'../up/'"), w.message());
    assertTrue(
        ParseFixtures.parse(site, "w.md", "---\ntitle: x\nweight: heavy\n---\nb\n", d).isEmpty());
  }

  @Test
  void missingTitleFallsBackToTheLeadWithAWarning() throws Exception {
    Diagnostics d = new Diagnostics();
    Article a =
        ParseFixtures.parse(
                site, "t.md", "---\ndate: 2020-01-01\n---\nDockers strike. More text.\n", d)
            .orElseThrow();
    assertEquals("Dockers strike. More text.", a.title());
    assertEquals(Severity.WARNING, d.snapshot().get(0).severity());
  }

  @Test
  void noTitleNoBodyAndNoFrontMatterAreErrors() throws Exception {
    Diagnostics d = new Diagnostics();
    assertTrue(ParseFixtures.parse(site, "t.md", "---\ntitle: \"\"\n---\n\n\n", d).isEmpty());
    assertTrue(ParseFixtures.parse(site, "n.md", "Just text\n", d).isEmpty());
    assertEquals(2, d.count(Severity.ERROR));
    assertTrue(
        d.snapshot().get(1).message().contains("no title and no body"), d.snapshot().toString());
  }

  @Test
  void emptyWhitespaceAndBinaryFilesAreReportedNotParsed() throws Exception {
    Diagnostics d = new Diagnostics();
    assertTrue(ParseFixtures.parse(site, "e.md", new byte[0], d).isEmpty());
    assertTrue(ParseFixtures.parse(site, "w.md", " \n\t\n".getBytes(), d).isEmpty());
    assertTrue(ParseFixtures.parse(site, "b.md", new byte[] {'-', 0, 1, 2}, d).isEmpty());
    List<String> messages = d.snapshot().stream().map(Diagnostic::message).toList();
    assertTrue(messages.get(0).contains("binary"), messages.toString());
    assertTrue(messages.get(1).contains("empty"), messages.toString());
    assertTrue(messages.get(2).contains("whitespace"), messages.toString());
  }

  @Test
  void invalidUtf8IsConvertedWithAWarning() throws Exception {
    Diagnostics d = new Diagnostics();
    byte[] cp1252 =
        "---\ntitle: Caf\u00e9 society\n---\nSo\u00f1a\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));
    Article a = ParseFixtures.parse(site, "c.md", cp1252, d).orElseThrow();
    assertEquals("Café society", a.title());
    assertFalse(d.snapshot().isEmpty());
    assertTrue(d.snapshot().get(0).message().contains("not valid UTF-8"));
  }
}
