package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./broadsheet} with the jar this module packages (run by failsafe after {@code package}),
 * where {@link LauncherTest} runs a probe: it builds the bundled sample, the build's classes go
 * into the class-data archive (AppCDS, or Java 25's AOT cache), and a search of the built site
 * loads Broadsheet's classes from it. The launcher leaves the archive out when the JVM fails to
 * write it, as it must, so only this notices when the jar's classes stop fitting one: Java 25.0.3
 * crashed writing its AOT cache while {@link Main} held constructor references in a static field.
 */
class LauncherJarIT {
  static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path root;

  @Test
  void onTheTestsJdkTheJarBuildsTheSampleAndSearchesFromTheArchive() throws Exception {
    buildArchiveAndSearch(LauncherTest.JAVA);
  }

  @Test
  void onJava25TheJarBuildsTheSampleAndSearchesFromTheAotCache() throws Exception {
    Optional<Path> java25 = LauncherTest.jdkBeside(25);
    assumeTrue(java25.isPresent(), "no JDK 25 or later beside " + System.getProperty("java.home"));
    buildArchiveAndSearch(java25.get().toString());
  }

  private void buildArchiveAndSearch(String java) throws Exception {
    Files.copy(CHECKOUT.resolve("broadsheet"), root.resolve("broadsheet"));
    Path target = Files.createDirectories(root.resolve("site-gen/target"));
    Path jar = target.resolve("broadsheet.jar");
    Files.copy(CHECKOUT.resolve("site-gen/target/broadsheet.jar"), jar);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    Path site = root.resolve("site");

    LauncherTest.Run build =
        launch(java, "", "build", "--source", CHECKOUT.toString(), "--out", site.toString());
    assertEquals(0, build.code(), build.err());
    assertEquals("", build.out());
    assertTrue(build.err().contains("built "), build.err());
    List<Path> archives;
    try (Stream<Path> files = Files.list(target)) {
      archives = files.filter(f -> !f.equals(jar)).toList();
    }
    assertEquals(1, archives.size(), "the archive and nothing else beside the jar: " + archives);
    String name = archives.get(0).getFileName().toString();
    assertTrue(name.endsWith(".jsa") || name.endsWith(".aot"), name);

    Path classes = root.resolve("classes.txt");
    LauncherTest.Run search =
        launch(java, "-Xlog:class+load:file=" + classes, "search", "--site", site + "", "krakow");
    assertEquals(0, search.code(), search.err());
    assertTrue(search.out().contains("articles/krakow-orchestra-restored-hall/"), search.out());
    assertTrue(
        Files.readString(classes).contains(Main.class.getName() + " source: shared objects file"),
        "Broadsheet's classes come from " + name);
    try (Stream<Path> files = Files.list(root)) {
      assertEquals(
          List.of(), files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList());
    }
  }

  private LauncherTest.Run launch(String java, String javaOpts, String... args) throws Exception {
    return LauncherTest.launch(root, java, javaOpts, Map.of(), args);
  }
}
