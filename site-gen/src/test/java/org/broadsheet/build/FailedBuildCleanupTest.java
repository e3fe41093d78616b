package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.broadsheet.write.TreeHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that fails part-way leaves nothing beside the output: its workers stop before cleanup.
 */
class FailedBuildCleanupTest {
  static String manyArticles(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(String.format("-- content/a%03d.md --\n", i))
          .append("---\ntitle: Article ")
          .append(i)
          .append("\ndate: 2020-01-01\ntags: [t")
          .append(i % 7)
          .append("]\n---\n")
          .append("Text of article ")
          .append(i)
          .append(". ".repeat(20))
          .append('\n');
    }
    return sb.toString();
  }

  @Test
  void aTemplateErrorOnOnePageLeavesNoStagingFolder(@TempDir Path dir) throws Exception {
    // The page in the middle fails at once. A parallel stream's calling thread starts there, so it
    // threw while the other workers went on writing their (slow) pages into the deleted staging
    // folder.
    Path site =
        SiteFixture.write(
            dir,
            manyArticles(200)
                + """
        -- templates/article.ftlh --
        <#if article.card.id == "a100">${noSuchValue}</#if><#list 1..200000 as i></#list><p>${article.card.title}</p>
        """);
    for (int run = 0; run < 5; run++) {
      assertThrows(
          RuntimeException.class,
          () -> new SiteBuilder(Progress.quiet()).build(SiteBuilderTest.options(site)));
      try (Stream<Path> left = Files.list(site)) {
        assertEquals(
            List.of(),
            left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".public")).toList(),
            "run " + run + " left a staging folder");
      }
    }
  }

  @Test
  void aFailedBuildKeepsThePreviousOutputByteForByte(@TempDir Path dir) throws Exception {
    Path site = SiteFixture.write(dir, manyArticles(50));
    new SiteBuilder(Progress.quiet()).build(SiteBuilderTest.options(site));
    Map<String, String> before = TreeHash.of(site.resolve("public"));
    SiteFixture.write(
        site,
        "-- templates/article.ftlh --\n<#if article.card.id == \"a020\">${noSuchValue}</#if>x\n");
    assertThrows(
        RuntimeException.class,
        () -> new SiteBuilder(Progress.quiet()).build(SiteBuilderTest.options(site)));
    assertEquals(before, TreeHash.of(site.resolve("public")));
  }
}
