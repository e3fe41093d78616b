package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every HTML page of the bundled site, built once, passes the Nu HTML checker with no error; its
 * warnings are not counted.
 */
class BundledSiteValidityTest {
  @TempDir static Path tmp;
  static Path out;

  @BeforeAll
  static void build() throws Exception {
    out = tmp.resolve("site");
    new SiteBuilder(Progress.quiet()).build(BundledContentTest.options().withOut(out));
  }

  @Test
  void everyHtmlPageHasNoNuCheckerError() throws Exception {
    NuChecker checker = new NuChecker();
    List<Path> pages;
    try (Stream<Path> files = Files.walk(out)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    assertTrue(pages.size() > 50, "the whole site: " + pages.size() + " pages");
    for (Path page : pages) {
      checker.check(page, out.relativize(page).toString());
    }
    List<String> errors = checker.errors();
    assertEquals(
        List.of(),
        errors.stream().limit(15).toList(),
        errors.size() + " errors in " + pages.size() + " pages");
  }
}
