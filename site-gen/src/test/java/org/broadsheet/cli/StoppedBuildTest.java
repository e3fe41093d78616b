package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.broadsheet.build.SiteFixture;
import org.broadsheet.write.TreeHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code broadsheet build} stopped with SIGTERM mid-build removes its staging folder. */
class StoppedBuildTest {
  @Test
  void sigtermMidBuildLeavesNoStagingFolderAndThePreviousOutputIntact(@TempDir Path dir)
      throws Exception {
    Path site = SiteFixture.write(dir, MainTest.SITE);
    assertEquals(0, MainTest.run("build", "--source", site.toString()).code());
    Map<String, String> previous = TreeHash.of(site.resolve("public"));
    writeArticles(site, 3000);

    Path log = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath(),
                "-Xmx512m",
                Main.class.getName(),
                "build",
                "--source",
                site.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      waitForStaging(site, child);
      Thread.sleep(300); // let it write a while, Lucene segments included
      assertTrue(
          child.isAlive(),
          "the build finished before it could be stopped: " + Files.readString(log));
      child.destroy(); // SIGTERM
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the build stops");
    } finally {
      child.destroyForcibly();
    }
    assertEquals(List.of(), staging(site), "staging folders left: " + Files.readString(log));
    assertEquals(previous, TreeHash.of(site.resolve("public")), "the previous output is intact");
  }

  static String classpath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  static void writeArticles(Path site, int n) throws Exception {
    String text =
        "Harbour workers and port officials met again on Tuesday to talk about pay and hours. "
            .repeat(30);
    for (int i = 0; i < n; i++) {
      Path file = site.resolve("content/bulk/" + (i % 50) + "/story-" + i + ".md");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          "---\ntitle: Story "
              + i
              + "\ndate: 2021-01-01\ntags: [t"
              + (i % 40)
              + "]\n---\n"
              + text
              + "\n\nParagraph "
              + i
              + ".\n");
    }
  }

  private static void waitForStaging(Path site, Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (staging(site).isEmpty()) {
      assertTrue(child.isAlive(), "the build ended before its staging folder appeared");
      assertTrue(System.nanoTime() < deadline, "no staging folder appeared");
      Thread.sleep(20);
    }
  }

  private static List<String> staging(Path site) throws Exception {
    try (Stream<Path> list = Files.list(site)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> n.contains(".building-") || n.contains(".old-"))
          .toList();
    }
  }
}
