package org.broadsheet.importer;

import static org.broadsheet.importer.ImportFixture.article;
import static org.broadsheet.importer.ImportFixture.of;
import static org.broadsheet.importer.ImportFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IPTC NITF 3.6 and NewsML-G2 2.33 items, written by hand after the published schemas. */
class NewsXmlImportTest {
  @Test
  void nitfGivesHeadlineDatelineBylineBodySubjectsAndRights(@TempDir Path into) throws Exception {
    Importer.Result r = run(into, "news/strike.nitf.xml");
    var a = article(into, "HW-2024-0514-0001");
    assertEquals("Rotterdam dockers accept pay offer, ending strike", a.get("title"));
    assertEquals("Terminals reopen on Wednesday", a.imported().get("subtitle"));
    assertEquals("2024-05-14T08:00:00+02:00", a.get("date"));
    assertEquals(List.of("Ana Lima"), a.get("authors"));
    assertEquals("ROTTERDAM", a.get("dateline"));
    assertEquals("Business", a.get("section"));
    assertEquals(
        List.of("economy, business and finance", "labour dispute", "ports", "strikes"),
        a.get("tags"));
    assertEquals("Harbour Wire Agency", a.get("source"), "the copyright holder");
    assertEquals("CC-BY-4.0", a.get("license"), "the rights' limitations");
    assertEquals("Dockers voted 78% in favour of a two-year deal.", a.get("summary"));
    assertEquals(
        "Dock workers at Rotterdam voted to accept a pay offer on Tuesday, ending a strike that"
            + " had idled the container terminals for nine days.\n\n"
            + "The deal gives a 12% rise over two years, the union said.\n\n### Backlog\n\n"
            + "Shipping lines said clearing the backlog would take *at least* a week.\n\n"
            + "\"We got what we came for,\" a union spokesman said.\n",
        a.body());
    assertTrue(
        of(r, Severity.NOTE).stream()
            .anyMatch(d -> d.message().contains("<identified-content>") && d.line() == 22),
        r.diagnostics().toString());
  }

  @Test
  void newsMlItemGivesItsFieldsAndXhtmlBody(@TempDir Path into) throws Exception {
    run(into, "news/ferry.newsml.xml");
    var a = article(into, "urn:newsml:harbour-wire.example:20240517:ferry-restored");
    assertEquals("Night ferry to Harwich sails again from Friday", a.get("title"));
    assertEquals("2024-05-17T06:00:00+02:00", a.get("date"));
    assertEquals("2024-05-17T08:00:00+02:00", a.get("updated"));
    assertEquals(List.of("Cor de Vries"), a.get("authors"));
    assertEquals("ROTTERDAM", a.get("dateline"));
    assertEquals(List.of("maritime transport", "transport"), a.get("tags"));
    assertEquals("Harbour Wire Agency", a.get("source"));
    assertEquals("CC-BY-SA-4.0", a.get("license"));
    assertEquals("en", a.get("lang"));
    assertTrue(a.body().contains("[online](https://harbour-wire.example/ferry)"), a.body());
    assertFalse(a.body().contains("Night ferry\n"), "the XHTML head's title is not text");
  }

  @Test
  void newsMessageItemsWithNitfBodyWithheldAndCancelled(@TempDir Path into) throws Exception {
    Importer.Result r = run(into, "news/batch.newsml.xml");
    assertEquals(2, r.stories());
    var a = article(into, "urn:newsml:harbour-wire.example:20240518:dredging");
    assertEquals(
        "A Belgian firm won the contract to dredge the outer channel.\n\nWork starts in June.\n",
        a.body());
    assertEquals("Harbour Wire Agency", a.get("source"));
    var withheld = article(into, "urn:newsml:harbour-wire.example:20240518:withheld");
    assertEquals(true, withheld.get("draft"));
    assertEquals("Results are embargoed until Monday.\n\nDo not publish.\n", withheld.body());
    assertEquals(2, Files.list(into).count(), "the cancelled item is left out");
    assertTrue(of(r, Severity.NOTE).stream().anyMatch(d -> d.message().contains("cancelled")));
  }
}
