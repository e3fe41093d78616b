package org.broadsheet.importer;

import static org.broadsheet.importer.ImportFixture.article;
import static org.broadsheet.importer.ImportFixture.of;
import static org.broadsheet.importer.ImportFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedImportTest {
  @Test
  void rssItemsBecomeArticlesKeepingEveryField(@TempDir Path into) throws Exception {
    Importer.Result r = run(into, "feeds/harbour-wire.rss");
    assertEquals(3, r.stories(), r.diagnostics().toString());
    assertEquals(List.of(), of(r, Severity.ERROR));
    var a = article(into, "hw-2024-0514-001");
    assertEquals("Rotterdam dock strike ends after pay deal", a.get("title"));
    assertEquals("2024-05-14T06:00:00Z", a.get("date"));
    assertEquals(List.of("Ana Lima"), a.get("authors"));
    assertEquals(List.of("Ports", "Labour"), a.get("tags"));
    assertEquals("Dock workers return on Wednesday after a 12% deal.", a.get("summary"));
    assertEquals("Harbour Wire", a.get("source"));
    assertEquals("CC-BY-4.0", a.get("license"));
    assertEquals("en-gb", a.get("lang"));
    assertEquals(
        "https://harbour-wire.example/2024/05/14/dock-strike-ends", a.imported().get("link"));
    assertEquals("harbour-wire.rss", a.imported().get("file"), "from the input, not the cwd");
    assertEquals(
        "https://harbour-wire.example/img/dock.jpg",
        ((Map<?, ?>) ((List<?>) a.imported().get("enclosures")).get(0)).get("url"));
    assertTrue(((Map<?, ?>) a.imported().get("elements")).containsKey("media:thumbnail"));
    assertTrue(a.body().contains("## What the deal holds"), a.body());
    assertTrue(a.body().contains("- a 12% rise over two years\n- a shorter night shift"), a.body());
    assertTrue(
        a.body().contains("[full agreement](https://harbour-wire.example/docs/deal.pdf)"),
        "relative links resolved against the item's link: " + a.body());
    assertTrue(a.body().contains("**Europe's largest port**"), a.body());
    assertFalse(a.body().contains("javascript"), a.body());
    assertFalse(a.body().contains("alert"), "scripts are dropped: " + a.body());
    assertTrue(a.body().contains("use \\* and \\_ and \\[brackets\\] and `a|b`"), a.body());
    var b = article(into, "https://harbour-wire.example/?p=1502");
    assertEquals(List.of("Bo Jansen"), b.get("authors"), "RSS author 'mail (Name)'");
    assertTrue(b.body().contains("fell 4% in April.\n\nAnalysts"), b.body());
    var c = article(into, "https://harbour-wire.example/2024/05/16/fog");
    assertFalse(c.front().containsKey("date"));
    assertTrue(
        of(r, Severity.WARNING).stream()
            .anyMatch(d -> d.message().contains("no date") && d.line() == 41),
        "warning at the item's line: " + r.diagnostics());
    assertTrue(
        of(r, Severity.NOTE).stream()
            .anyMatch(d -> d.message().contains("<media:thumbnail>") && d.line() == 14),
        r.diagnostics().toString());
  }

  @Test
  void atomEntriesKeepAuthorsDatesAndHtml(@TempDir Path into) throws Exception {
    Importer.Result r = run(into, "feeds/harbour-wire.atom");
    assertEquals(2, r.stories(), r.diagnostics().toString());
    var a = article(into, "tag:harbour-wire.example,2024-05-16:tugs");
    assertEquals("Tug crews back at work", a.get("title"));
    assertEquals("2024-05-16T05:15:00Z", a.get("date"));
    assertEquals("2024-05-16T09:00:00Z", a.get("updated"));
    assertEquals(List.of("Ana Lima", "Bo Jansen"), a.get("authors"));
    assertEquals("Tugs resumed towing at dawn.", a.get("summary"));
    assertEquals("© 2024 Harbour Wire", a.get("license"));
    assertTrue(a.body().contains("> We are clearing the backlog."), a.body());
    assertEquals(2, ((List<?>) a.imported().get("links")).size());
    var b = article(into, "tag:harbour-wire.example,2024-05-15:locks");
    assertEquals("2024-05-15T10:00:00Z", b.get("date"), "updated stands in for published");
    assertEquals("Engineers inspected the lock gates.\n\nThe work takes a week.\n", b.body());
  }

  @Test
  void jsonFeedItemsWithPositions(@TempDir Path into) throws Exception {
    Importer.Result r = run(into, "feeds/harbour-wire.json");
    assertEquals(2, r.stories(), r.diagnostics().toString());
    var a = article(into, "hw-2024-0517-001");
    assertEquals("Night ferry timetable restored", a.get("title"));
    assertEquals("2024-05-17T06:00:00+02:00", a.get("date"));
    assertEquals(List.of("Cor de Vries"), a.get("authors"));
    assertEquals(List.of("Ferries", "Timetables"), a.get("tags"));
    assertEquals("Harbour Wire (JSON)", a.get("source"));
    assertTrue(a.body().contains("from *Friday*."), a.body());
    assertEquals(Map.of("desk", "transport"), a.imported().get("_harbour"));
    var b = article(into, "1504");
    assertEquals(List.of("Harbour Wire desk"), b.get("authors"), "the feed's authors");
    List<Diagnostic> errors = of(r, Severity.ERROR);
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(28, errors.get(0).line(), errors.toString());
    assertTrue(errors.get(0).message().contains("no 'id'"));
    assertTrue(
        of(r, Severity.NOTE).stream().anyMatch(d -> d.message().contains("'image'")),
        r.diagnostics().toString());
  }
}
