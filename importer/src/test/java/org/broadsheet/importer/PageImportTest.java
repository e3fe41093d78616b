package org.broadsheet.importer;

import static org.broadsheet.importer.ImportFixture.article;
import static org.broadsheet.importer.ImportFixture.built;
import static org.broadsheet.importer.ImportFixture.of;
import static org.broadsheet.importer.ImportFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.Severity;
import org.broadsheet.parse.Metadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scraped article pages of three shapes. */
class PageImportTest {
  @Test
  void aNewsPageWithJsonLdGivesItsOwnFields(@TempDir Path into) throws Exception {
    Importer.Result r = run(into, "html/jsonld-news.html");
    assertEquals(List.of(), of(r, Severity.WARNING));
    var a = article(into, "https://quaytimes.example/news/2024/05/20/pilot-boats");
    assertEquals("Port authority orders four new pilot boats", a.get("title"), "JSON-LD first");
    assertEquals("2024-05-20T09:15:00+02:00", a.get("date"));
    assertEquals("2024-05-20T13:40:00+02:00", a.get("updated"));
    assertEquals(List.of("Ana Lima", "Cor de Vries"), a.get("authors"));
    assertEquals("Business", a.get("section"));
    assertEquals(List.of("ports", "shipbuilding"), a.get("tags"));
    assertEquals("ROTTERDAM", a.get("dateline"));
    assertEquals("The Quay Times", a.get("source"));
    assertEquals("CC-BY-SA-4.0", a.get("license"));
    assertEquals("<article>", a.imported().get("text"));
    String body = a.body();
    assertTrue(body.startsWith("The port authority has ordered four new pilot boats"), body);
    assertTrue(body.contains("![A pilot boat](https://quaytimes.example/img/pilot.jpg)"), body);
    assertTrue(body.contains("“Safety comes first,” the harbour master said."), body);
    for (String boilerplate : List.of("Share", "Related", "Home", "Sport", "©", "By ", "ads")) {
      assertFalse(body.contains(boilerplate), boilerplate + " in " + body);
    }
  }

  @Test
  void aBlogPageWithOnlyOpenGraphFindsItsTextByDensity(@TempDir Path into) throws Exception {
    run(into, "html/og-blog.html");
    var a = article(into, "https://notes.example/2024/lock-gates/");
    assertEquals("Why the lock gates matter", a.get("title"));
    assertEquals("2024-04-02T18:00:00Z", a.get("date"));
    assertEquals(List.of("Bo Jansen"), a.get("authors"));
    assertEquals("History", a.get("section"));
    assertEquals(List.of("locks", "engineering"), a.get("tags"));
    assertEquals("nl", a.get("lang"));
    assertEquals("text density", a.imported().get("text"));
    assertTrue(a.body().contains("The sea locks were finished in 1876"), a.body());
    assertTrue(a.body().contains("last came out of the water in 1998."), a.body());
    for (String boilerplate : List.of("Great post", "Categories", "Privacy", "About")) {
      assertFalse(a.body().contains(boilerplate), boilerplate + " in " + a.body());
    }
  }

  @Test
  void anOldTableLayoutGivesHeadlineBylineDateAndText(@TempDir Path into) throws Exception {
    Importer.Result r = run(into, "html/table-layout.html");
    var a = article(into, "file:table-layout.html");
    assertEquals("Fishermen protest quota cut", a.get("title"));
    assertEquals(List.of("Cor de Vries"), a.get("authors"));
    assertEquals("1999-03-03", a.get("date"));
    assertEquals(
        "Fishermen blocked the harbour entrance with forty boats on Wednesday to protest"
            + " against a cut in the herring quota that they say will cost a hundred jobs in the"
            + " town.\n\nThe ministry said the cut was needed to let stocks recover after three"
            + " poor seasons, and that it would meet the fishermen's association next week.\n\n"
            + "Police said the protest was peaceful and that the boats left the entrance by"
            + " nightfall.\n",
        a.body());
    assertTrue(
        of(r, Severity.NOTE).stream().anyMatch(d -> d.message().contains("no canonical URL")));
  }

  @Test
  void aPageWhoseUrlIsLongerThanAnIdMayBeIsImportedUnderAShortenedId(@TempDir Path dir)
      throws Exception {
    String url = "https://quaytimes.example/news/pilot-boats?" + "ref=".repeat(300) + "x";
    String page =
        Files.readString(ImportFixture.sample("html/jsonld-news.html"))
            .replace("https://quaytimes.example/news/2024/05/20/pilot-boats", url);
    Path input = Files.writeString(dir.resolve("long.html"), page);
    Path into = dir.resolve("content");
    Importer.Result r = Importer.run(List.of(input), into, dir, "auto");
    assertEquals(1, r.stories(), r.diagnostics().toString());
    String id = Importer.shortened(url);
    assertTrue(id.length() <= Metadata.LONGEST_NAME && id.startsWith(url.substring(0, 900)), id);
    assertEquals("Port authority orders four new pilot boats", article(into, id).get("title"));
    assertTrue(
        of(r, Severity.NOTE).stream()
            .anyMatch(d -> d.message().startsWith("its id is " + url.length() + " characters")),
        r.diagnostics().toString());
    // the build takes it: the id was its one error
    Path file = into.resolve(ArticleFiles.fileName(id));
    Diagnostics diagnostics = new Diagnostics();
    var article = built(file.getFileName().toString(), file, Files.readString(file), diagnostics);
    assertTrue(article.isPresent() && !diagnostics.hasErrors(), diagnostics.toString());
    assertEquals(id, article.get().id());
    // imported again: the same id, the same file
    assertEquals(1, Importer.run(List.of(input), into, dir, "auto").unchanged());
  }
}
