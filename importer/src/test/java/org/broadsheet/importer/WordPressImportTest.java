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
import java.util.Map;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPressImportTest {
  @Test
  void postsKeepCategoriesTagsAuthorsDatesAndDrafts(@TempDir Path into) throws Exception {
    Importer.Result r = run(into, "wordpress/harbour.wordpress.xml");
    assertEquals(2, r.stories(), r.diagnostics().toString());
    assertEquals(List.of(), of(r, Severity.ERROR));
    var post = article(into, "https://gazette.example/?p=101");
    assertEquals("Strike ends at the container terminal", post.get("title"));
    assertEquals("strike-ends", post.get("slug"));
    assertEquals("2024-05-14T06:00:00Z", post.get("date"), "post_date_gmt");
    assertEquals("2024-05-15T08:30:00Z", post.get("updated"));
    assertEquals(List.of("Ana Lima"), post.get("authors"), "the login's display name");
    assertEquals("Business", post.get("section"), "the first category");
    assertEquals(List.of("Ports", "strike"), post.get("tags"), "other categories and tags");
    assertEquals("Crane drivers are back.", post.get("summary"));
    assertEquals("Harbour Gazette", post.get("source"));
    assertFalse(post.front().containsKey("draft"));
    assertEquals(Map.of("_edit_last", "1"), post.imported().get("postmeta"));
    assertEquals(1, post.imported().get("comments"));
    assertEquals(
        "Crane drivers returned to work on Tuesday morning.\n\n"
            + "The union said the deal **met its demands**.\\\nA vote follows next week.\n\n"
            + "![A crane](https://gazette.example/wp-content/uploads/crane.jpg)\n",
        post.body(),
        "WordPress's paragraphs without <p>, its line breaks, and its blocks");
    var draft = article(into, "https://gazette.example/?p=102");
    assertEquals(true, draft.get("draft"));
    assertEquals("2024-05-19T09:00:00", draft.get("date"), "a draft has only its local date");
    assertEquals("People", draft.get("section"));
    assertTrue(
        of(r, Severity.NOTE).stream()
            .anyMatch(d -> d.message().contains("left out: 1 attachments, 1 pages")),
        r.diagnostics().toString());
    assertTrue(
        of(r, Severity.NOTE).stream()
            .anyMatch(d -> d.message().contains("<comment_status>") && d.line() == 45),
        r.diagnostics().toString());
    assertEquals(2, Files.list(into).count());
  }
}
