package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
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
import org.broadsheet.image.Renditions;
import org.junit.jupiter.api.Test;

class SummaryCodecTest {
  @FunctionalInterface
  private interface Writing {
    void to(DataOutputStream out) throws IOException;
  }

  private static DataInputStream written(Writing writing) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writing.to(out);
    }
    return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
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
      DataInputStream in = written(out -> SummaryCodec.writeArticle(out, a));
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
    DataInputStream in =
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
    DataInputStream in = written(out -> out.writeInt(Integer.MAX_VALUE));
    assertThrows(IOException.class, () -> SummaryCodec.readString(in));
  }
}
