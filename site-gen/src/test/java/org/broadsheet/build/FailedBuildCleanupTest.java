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

/** A build that fails part-way leaves nothing beside the output: its workers stop before cleanup. */
class FailedBuildCleanupTest {
  static String manyArticles(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("-- content/a").append(i).append(".md --\n---\ntitle: Article ").append(i)
          .append("\ndate: 2020-01-01\ntags: [t").append(i % 7).append("]\n---\n")
          .append("Text of article ").append(i).append(". ".repeat(20)).append('\n');
    }
    return sb.toString();
  }

  @Test
  void aTemplateErrorOnOnePageLeavesNoStagingFolder(@TempDir Path dir) throws Exception {
    // One page fails while the other workers are still writing theirs.
    Path site = SiteFixture.write(dir, manyArticles(400) + """
        -- templates/article.ftlh --
        <#if article.card.id == "a150">${noSuchValue}</#if><p>${article.card.title}</p>
        """);
    for (int run = 0; run < 6; run++) {
      assertThrows(RuntimeException.class, () -> new SiteBuilder(Progress.quiet()).build(SiteBuilderTest.options(site)));
      try (Stream<Path> left = Files.list(site)) {
        assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".public")).toList(),
            "run " + run + " left a staging folder");
      }
    }
  }

  @Test
  void aFailedBuildKeepsThePreviousOutputByteForByte(@TempDir Path dir) throws Exception {
    Path site = SiteFixture.write(dir, manyArticles(50));
    new SiteBuilder(Progress.quiet()).build(SiteBuilderTest.options(site));
    Map<String, String> before = TreeHash.of(site.resolve("public"));
    SiteFixture.write(site, "-- templates/article.ftlh --\n<#if article.card.id == \"a20\">${noSuchValue}</#if>x\n");
    assertThrows(RuntimeException.class, () -> new SiteBuilder(Progress.quiet()).build(SiteBuilderTest.options(site)));
    assertEquals(before, TreeHash.of(site.resolve("public")));
  }
}
