package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.config.SiteConfigLoader;
import org.broadsheet.content.Article;
import org.broadsheet.content.ArticleImage;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.Severity;
import org.broadsheet.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code image}, {@code imageAlt}, {@code imageCaption}, {@code imageCredit}: a picture beside the
 * article, under {@code /images/}, or at an http(s) URL; anything else is an error at its line.
 */
class ImageFrontMatterTest {
  @TempDir Path site;

  private Optional<Article> parse(String relative, String text, Diagnostics d) throws IOException {
    Path file = site.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return Parsers.standard(ParseFixtures.UTC).parse(new SourceFile(relative, file), d);
  }

  private static String md(String imageLines) {
    return "---\ntitle: T\ndate: 2024-01-02\n" + imageLines + "---\nBody.\n";
  }

  @Test
  void anImageBesideTheArticleResolvesBelowTheSiteFolderWithItsAltCaptionAndCredit()
      throws IOException {
    Diagnostics d = new Diagnostics();
    Article a =
        parse(
                "content/2024/a.md",
                md(
                    "image: ./img/harbour.jpg\nimageAlt: Cranes at dusk\n"
                        + "imageCaption: The port at night.\nimageCredit: \"Photo: A. Writer\"\n"),
                d)
            .orElseThrow();
    assertEquals(List.of(), d.snapshot());
    assertEquals(
        Optional.of(
            new ArticleImage(
                "content/2024/img/harbour.jpg",
                "Cranes at dusk",
                "The port at night.",
                "Photo: A. Writer")),
        a.image());
    assertEquals(a.image(), a.withoutBody().withSlug("x").image(), "kept by the summary");
  }

  @Test
  void aSharedImageIsTheFileUnderStaticImagesAndAUrlStaysAsWritten() throws IOException {
    Diagnostics d = new Diagnostics();
    Article shared =
        parse("content/a.md", md("image: /images/logo.png\nimageAlt: L\n"), d).orElseThrow();
    assertEquals("static/images/logo.png", shared.image().orElseThrow().src());
    Article remote =
        parse("content/b.md", md("image: HTTPS://cdn.example/p.jpg?w=2\nimageAlt: P\n"), d)
            .orElseThrow();
    assertEquals("https://cdn.example/p.jpg?w=2", remote.image().orElseThrow().src());
    assertTrue(remote.image().orElseThrow().remote());
    assertEquals(List.of(), d.snapshot());
  }

  @ParameterizedTest(name = "image: {0}")
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:image/png;base64,AAAA",
        "file:///etc/passwd",
        "../../../etc/passwd",
        "img/../../secret.jpg",
        "/etc/passwd",
        "//evil.example/x.jpg",
        "img\\\\x.jpg",
        "\"java\\tscript:alert(1)\"",
        "https://"
      })
  void anUnsafeOrClimbingImageIsAnErrorAtItsLineAndTheArticleIsLeftOut(String value)
      throws IOException {
    Diagnostics d = new Diagnostics();
    Optional<Article> a = parse("content/a.md", md("imageAlt: x\nimage: " + value + "\n"), d);
    assertTrue(a.isEmpty(), "article left out");
    List<Diagnostic> errors =
        d.snapshot().stream().filter(x -> x.severity() == Severity.ERROR).toList();
    assertEquals(1, errors.size(), d.snapshot().toString());
    Diagnostic e = errors.get(0);
    assertEquals("content/a.md:5:1", e.path() + ":" + e.line() + ":" + e.column());
    assertTrue(e.message().startsWith("'image' "), e.message());
  }

  @Test
  void anImageWithoutAltTextAndAltTextWithoutAnImageAreWarnings() throws IOException {
    Diagnostics d = new Diagnostics();
    Article a = parse("content/a.md", md("image: a.jpg\n"), d).orElseThrow();
    assertTrue(a.image().isPresent());
    Diagnostic w = d.snapshot().get(0);
    assertEquals(Severity.WARNING, w.severity());
    assertEquals(4, w.line());
    assertTrue(w.message().contains("no 'imageAlt'"), w.message());

    Diagnostics d2 = new Diagnostics();
    Article b = parse("content/b.md", md("imageCaption: Lost\n"), d2).orElseThrow();
    assertTrue(b.image().isEmpty());
    assertTrue(
        d2.snapshot().get(0).message().contains("'imageCaption' is given without 'image'"),
        d2.snapshot().toString());
  }

  @Test
  void aSidecarGivesAWireStoryItsImageBesideTheTextFile() throws IOException {
    Files.createDirectories(site.resolve("content/wire"));
    Files.writeString(
        site.resolve("content/wire/001_abc.yaml"),
        "title: Strike\nimage: strike.jpg\nimageAlt: Pickets\n");
    Diagnostics d = new Diagnostics();
    Article a =
        parse("content/wire/001_abc.txt", "ROTTERDAM, May 14 - Dock workers walked out.\n", d)
            .orElseThrow();
    assertEquals("content/wire/strike.jpg", a.image().orElseThrow().src());
  }

  @Test
  void theSiteLogoIsCheckedAsAnImageIs() {
    Diagnostics d = new Diagnostics();
    SiteConfig ok = SiteConfigLoader.parse("title: T\nlogo: /images/logo.png\n", d);
    assertEquals("static/images/logo.png", ok.logo());
    assertEquals(List.of(), d.snapshot());
    SiteConfig bad = SiteConfigLoader.parse("title: T\nlogo: ../logo.png\n", d);
    assertEquals("", bad.logo());
    Diagnostic e = d.snapshot().get(0);
    assertEquals(
        "site.yaml:2:7 ERROR", e.path() + ":" + e.line() + ":" + e.column() + " " + e.severity());
  }
}
