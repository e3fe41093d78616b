package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.broadsheet.build.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code broadsheet serve} stopped with SIGTERM (what Ctrl-C does) during its first build and
 * during a rebuild: it ends, prints nothing but "stopping..." after its own lines (no stack trace
 * of a Lucene merge losing its folder), and leaves no temporary output behind.
 */
class StoppedServeTest {
  @Test
  void sigtermDuringTheFirstBuildOrARebuildStopsQuietly(@TempDir Path dir) throws Exception {
    Path site = SiteFixture.write(dir.resolve("site"), MainTest.SITE);
    StoppedBuildTest.writeArticles(site, 1500);
    Path temp = Files.createDirectories(dir.resolve("tmp"));

    String first = serveAndStop(site, temp, dir.resolve("first.log"), false);
    assertTrue(first.contains("stopping..."), first);

    String rebuild = serveAndStop(site, temp, dir.resolve("rebuild.log"), true);
    assertTrue(rebuild.contains("previewing at"), rebuild);
    for (String log : List.of(first, rebuild)) {
      assertFalse(log.contains("Exception"), log);
      assertFalse(log.contains("\tat "), log);
      assertFalse(log.contains("rebuild failed"), log);
    }
    try (Stream<Path> left = Files.list(temp)) {
      assertEquals(List.of(), left.toList(), "temporary output left behind");
    }
  }

  private static String serveAndStop(Path site, Path temp, Path log, boolean afterFirstBuild)
      throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                StoppedBuildTest.classpath(),
                "-Xmx512m",
                "-Djava.io.tmpdir=" + temp,
                Main.class.getName(),
                "serve",
                "--port",
                "0",
                site.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (afterFirstBuild) {
        waitFor(child, () -> read(log).contains("previewing at"), log);
        Files.writeString(
            site.resolve("content/bulk/0/story-0.md"),
            "---\ntitle: Story 0, edited\ndate: 2021-01-01\n---\nEdited.\n");
      }
      waitFor(child, () -> staging(temp), log); // a build is writing
      child.destroy(); // SIGTERM
      assertTrue(child.waitFor(120, TimeUnit.SECONDS), "serve stops: " + read(log));
    } finally {
      child.destroyForcibly();
    }
    return read(log);
  }

  /** A build's staging folder (.site.building-*) in the preview's temporary output. */
  private static boolean staging(Path temp) {
    try (Stream<Path> previews = Files.list(temp)) {
      for (Path preview : (Iterable<Path>) previews::iterator) {
        try (Stream<Path> inside = Files.list(preview)) {
          if (inside.anyMatch(p -> p.getFileName().toString().contains(".building-"))) {
            return true;
          }
        }
      }
    } catch (java.io.IOException e) {
      return false; // changing under us: look again
    }
    return false;
  }

  private static void waitFor(Process child, BooleanSupplier condition, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (!condition.getAsBoolean()) {
      assertTrue(child.isAlive(), "serve ended early: " + read(log));
      assertTrue(System.nanoTime() < deadline, "waited in vain: " + read(log));
      Thread.sleep(20);
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
