package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebuildDiagnosticsTest {
  static final String SITE =
      """
      -- content/warns.md --
      ---
      title: A bad link
      date: 2024-03-04
      ---
      [click](javascript:alert(1)) for more.
      -- content/other.md --
      ---
      title: Another story
      date: 2024-03-05
      ---
      Nothing wrong here.
      """;

  static List<Diagnostic> warnings(BuildResult result) {
    return result.diagnostics().stream()
        .filter(d -> d.severity() == Severity.WARNING && d.path().startsWith("content/"))
        .toList(); // an article's warnings (not the site's: this one has no baseUrl)
  }

  @Test
  void aRebuildReportsAnUnchangedArticlesWarningOnceAsACleanBuildDoes(@TempDir Path dir)
      throws Exception {
    SiteFixture.write(dir, SITE);
    BuildOptions options = BuildOptions.of(dir);
    BuildResult clean = new SiteBuilder(Progress.quiet()).build(options);
    assertEquals(1, warnings(clean).size(), clean.diagnostics().toString());

    BuildResult again = new SiteBuilder(Progress.quiet()).build(options);
    assertEquals(0, again.parsed(), "nothing changed: every article comes from the cache");
    assertEquals(warnings(clean), warnings(again));
  }
}
