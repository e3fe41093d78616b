package org.broadsheet.parse.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.broadsheet.parse.ParseContext;
import org.broadsheet.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainTest {
  private static final ParseContext CONTEXT = new ParseContext(ZoneId.of("UTC"), "en");

  @Test
  void explainsFieldsBlocksAndDiagnosticsOfTheSeed(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("000_6c84957aa5ccaf51.txt");
    Files.copy(Path.of("src/test/resources/golden/wire/seed-mehr/input.txt"), file);
    String report =
        Explain.explain(new SourceFile("content/wire/000_6c84957aa5ccaf51.txt", file), CONTEXT);
    for (String line :
        new String[] {
          "  id        6c84957aa5ccaf51",
          "  dateline  TEHRAN",
          "(from lead)",
          "  source    Mehr News Agency  (from footer)",
          "  license   CC-BY-4.0",
          "  h2  line 2     Iran will not condition its economy on the JCPOA revival",
          "3 subheading(s)",
          "  removed   All Content by Mehr News Agency",
          "warning: undated",
          "result: article '6c84957aa5ccaf51'"
        }) {
      assertTrue(report.contains(line), "report lacks '" + line + "':\n" + report);
    }
  }

  @Test
  void explainsWhyAFileGivesNoArticle(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("x.txt");
    Files.writeString(file, "TEHRAN —\n");
    String report = Explain.explain(new SourceFile("content/x.txt", file), CONTEXT);
    assertTrue(report.contains("error: only a dateline ('TEHRAN')"), report);
    assertTrue(report.endsWith("result: no article\n"), report);
  }

  @Test
  void explainsAMarkdownFileByTheStandardParsers(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("a.md");
    Files.writeString(file, "---\ntitle: Rates rise\ndate: 2024-01-02\n---\nBody.\n");
    String report = Explain.explain(new SourceFile("content/a.md", file), CONTEXT);
    assertTrue(report.contains("not wire text (.md)"), report);
    assertTrue(report.contains("  title     Rates rise"), report);
    assertTrue(
        report.endsWith("result: article 'a'\n") || report.contains("result: article"), report);
  }
}
