package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.broadsheet.content.Article;
import org.broadsheet.content.ArticleBuilder;
import org.broadsheet.content.ArticleImage;
import org.broadsheet.content.Body;
import org.broadsheet.content.Extras;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;
import org.broadsheet.image.Renditions;
import org.junit.jupiter.api.Test;

class SummaryCodecTest {
  @FunctionalInterface
  private interface Writing {
    void to(SummaryCodec.Out out) throws IOException;
  }

  private static byte[] bytes(Writing writing) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SummaryCodec.Out out = new SummaryCodec.Out(bytes)) {
      writing.to(out);
    }
    return bytes.toByteArray();
  }

  private static SummaryCodec.In written(Writing writing) throws IOException {
    return new SummaryCodec.In(new ByteArrayInputStream(bytes(writing)));
  }

  @Test
  void recurringStringsAreWrittenOnceAndReadBackAsOneObject() throws IOException {
    String message =
        "front-matter key 'newid' is not one of Broadsheet's (known: aliases, author, authors, "
            + "categories, date, dateline, description, draft); kept as params.newid for templates";
    List<Diagnostic> notes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      notes.add(
          new Diagnostic(
              Severity.NOTE, "content/reuters-" + (i % 10) + ".md", i, 1, message, "newid: 1"));
    }
    byte[] written = bytes(out -> SummaryCodec.writeDiagnostics(out, notes));
    assertTrue(written.length < 1000 * 40, written.length + " bytes for 1,000 notes");

    List<Diagnostic> back =
        SummaryCodec.readDiagnostics(new SummaryCodec.In(new ByteArrayInputStream(written)));
    assertEquals(notes, back);
    assertSame(back.get(0).message(), back.get(999).message());
    assertSame(back.get(3).path(), back.get(13).path());
  }

  @Test
  void aStreamCutShortIsAnErrorNotAShortString() throws IOException {
    byte[] whole = bytes(out -> SummaryCodec.writeString(out, "Harbour strike ends"));
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);
    assertThrows(
        java.io.EOFException.class,
        () -> SummaryCodec.readString(new SummaryCodec.In(new ByteArrayInputStream(cut))));
  }

  private static Article article(Extras extras, Optional<ArticleImage> image) {
    return ArticleBuilder.article("harbour-1")
        .slug("harbour-strike-ends")
        .title("Harbour strike ends")
        .summary("Dock workers went back.")
        .date("2024-05-01T10:00:00Z")
        .authors("Ana Ruiz", "Ben Ode")
        .dateline("GDAŃSK")
        .section("business")
        .tags("ports", "labour")
        .source("Wire")
        .license("CC-BY-4.0")
        .lang("pl")
        .draft(true)
        .sourcePath("content/2024/harbour.md")
        .text("Dock workers went back.")
        .extras(extras)
        .image(image)
        .build();
  }

  @Test
  void datesComeBackEqualInTheirZoneEvenWhereClocksChange() throws IOException {
    for (String text :
        List.of(
            "2024-05-01T10:00:00Z",
            "2024-05-01T12:00:00.123456789+02:00",
            "2024-03-31T03:30:00+02:00[Europe/Berlin]", // just after clocks went forward
            "2024-10-27T02:30:00+02:00[Europe/Berlin]", // the first of two 02:30s
            "2024-10-27T02:30:00+01:00[Europe/Berlin]", // the second
            "1899-12-31T23:59:59-03:06:28[America/Sao_Paulo]")) { // the last, local mean time
      Optional<ZonedDateTime> date = Optional.of(ZonedDateTime.parse(text));
      SummaryCodec.In in = written(out -> SummaryCodec.writeDate(out, date));
      Optional<ZonedDateTime> back = SummaryCodec.readDate(in);
      assertEquals(date, back, text);
      assertEquals(date.get().toString(), back.get().toString(), text);
    }
    SummaryCodec.In none = written(out -> SummaryCodec.writeDate(out, Optional.empty()));
    assertEquals(Optional.empty(), SummaryCodec.readDate(none));
  }

  @Test
  void anArticleComesBackWithoutItsBodyAndWithItsExtrasAndImage() throws IOException {
    Extras extras =
        new Extras(
            List.of("/old/harbour/"),
            OptionalInt.of(3),
            Optional.of(ZonedDateTime.parse("2024-05-01T12:00:00+02:00")),
            Optional.empty(),
            Map.of("imported", Map.of("guid", "urn:wire:1"), "rating", 4));
    ArticleImage image =
        new ArticleImage("content/2024/cranes.jpg", "Idle cranes", "The port at dawn", "A. Writer");
    for (Article a :
        List.of(
            article(extras, Optional.of(image)),
            article(Extras.NONE, Optional.empty()),
            article(extras, Optional.empty()))) {
      SummaryCodec.In in = written(out -> SummaryCodec.writeArticle(out, a));
      assertEquals(a.withBody(Body.EMPTY), SummaryCodec.readArticle(in));
    }
  }

  @Test
  void picturesComeBackWithAndWithoutAThumbnail() throws IOException {
    Renditions sized =
        new Renditions(
            "a1b2c3",
            2400,
            1600,
            List.of(
                new Renditions.Size("media/a1b2c3-480.jpg", 480, 320),
                new Renditions.Size("media/a1b2c3-960.jpg", 960, 640)),
            new Renditions.Size("media/a1b2c3-thumb.jpg", 360, 240),
            "2024/cranes.jpg");
    Renditions undecoded = new Renditions("d4e5f6", 0, 0, List.of(), null, "2024/broken.jpg");
    DataInputStream in =
        written(
            out -> {
              SummaryCodec.writeRenditions(out, sized);
              SummaryCodec.writeRenditions(out, undecoded);
            });
    assertEquals(sized, SummaryCodec.readRenditions(in));
    assertEquals(undecoded, SummaryCodec.readRenditions(in));
  }

  @Test
  void indexEntriesMapsAndDiagnosticsComeBackEqual() throws IOException {
    Map<String, BuildCache.Indexed> indexed =
        Map.of(
            "harbour-1", new BuildCache.Indexed("content/a.md", "9f86d0", "harbour-strike-ends"),
            "harbour-2", new BuildCache.Indexed("content/b.md", "60303a", "harbour-strike-ends-2"));
    Map<String, String> pages = Map.of("index.html", "e3b0c4", "feed.xml", "");
    List<Diagnostic> diagnostics =
        List.of(
            Diagnostic.error("content/bad.md", 2, 8, "unclosed '['", "title: [unclosed"),
            Diagnostic.warning("content/b.md", "'image' has no 'imageAlt'"));
    SummaryCodec.In in =
        written(
            out -> {
              SummaryCodec.writeIndexed(out, indexed);
              SummaryCodec.writeMap(out, pages);
              SummaryCodec.writeDiagnostics(out, diagnostics);
            });
    assertEquals(indexed, SummaryCodec.readIndexed(in));
    assertEquals(pages, SummaryCodec.readMap(in));
    assertEquals(diagnostics, SummaryCodec.readDiagnostics(in));
  }

  @Test
  void aCorruptStringLengthIsAnErrorNotAHugeRead() throws IOException {
    SummaryCodec.In in = written(out -> out.writeInt(Integer.MAX_VALUE));
    assertThrows(IOException.class, () -> SummaryCodec.readString(in));
  }
}
