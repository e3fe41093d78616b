package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.broadsheet.diag.Diagnostic;
import org.junit.jupiter.api.Test;

class MetadataCsvTest {
  private static final ParseContext CONTEXT = new ParseContext(ZoneId.of("UTC"), "en");

  @Test
  void readsQuotedCellsListsAndFindsRowsByNameOrPath() {
    List<Diagnostic> problems = new ArrayList<>();
    String text =
        "file,title,date,author,section,tags,url\n"
            + "a.txt,\"Rates, again \"\"up\"\"\",2024-02-01,Omar Haddad;Jane Doe,Markets,Egypt|Rates,https://example.org/a\n"
            + "sub/b.txt,\"Two\nlines\",1987,,,,\n"
            + "c,Listed without extension,,,,,\n";
    MetadataCsv csv = MetadataCsv.parse(text, "content/_metadata.csv", CONTEXT, problems);
    assertEquals(List.of(), problems);
    MetadataCsv.Entry a = csv.find("a.txt").orElseThrow();
    assertEquals(Optional.of("Rates, again \"up\""), a.metadata().title());
    assertEquals(List.of("Omar Haddad", "Jane Doe"), a.metadata().authors());
    assertEquals(List.of("Egypt", "Rates"), a.metadata().tags());
    assertEquals("https://example.org/a", a.url());
    assertEquals(2, a.line());
    MetadataCsv.Entry b = csv.find("sub/b.txt").orElseThrow();
    assertEquals(Optional.of("Two\nlines"), b.metadata().title());
    assertEquals(Optional.empty(), b.metadata().date());
    assertEquals(1987, b.year().getAsInt());
    assertTrue(csv.find("c.txt").isPresent(), "a row may name the file without its extension");
  }

  @Test
  void aBadDateIsAWarningWithItsPosition() {
    List<Diagnostic> problems = new ArrayList<>();
    MetadataCsv csv =
        MetadataCsv.parse(
            "file,date\na.txt,26/02/87\n", "content/_metadata.csv", CONTEXT, problems);
    assertEquals(1, problems.size());
    Diagnostic d = problems.get(0);
    assertEquals(
        "content/_metadata.csv:2:7: warning: 'date' is not an ISO 8601 date: '26/02/87' (expected e.g. "
            + "2024-03-01); row used without a date",
        d.headline());
    assertTrue(csv.find("a.txt").isPresent());
  }

  @Test
  void withoutAFileColumnTheCsvIsAnError() {
    List<Diagnostic> problems = new ArrayList<>();
    MetadataCsv.parse("title,date\nx,2024-01-01\n", "content/_metadata.csv", CONTEXT, problems);
    assertTrue(problems.stream().anyMatch(p -> p.message().contains("needs a 'file' column")));
  }
}
