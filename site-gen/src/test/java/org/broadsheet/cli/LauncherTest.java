package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./broadsheet}'s class-data archive (AppCDS on Java 17-24, the AOT cache on 25+), run in a
 * copy of the checkout's layout whose jar is {@link LauncherProbe}: the first {@code build} writes
 * the archive next to the jar, later runs use it, and nothing about it ever reaches stdout or
 * stderr or changes an exit code. The JVM is the one running the tests, or {@code
 * -Dbroadsheet.launcherJava}.
 */
class LauncherTest {
  static final Path SCRIPT = Path.of("../broadsheet");
  static final String JAVA =
      System.getProperty(
          "broadsheet.launcherJava",
          Path.of(System.getProperty("java.home"), "bin", "java").toString());

  @TempDir Path root;
  Path target;
  Path jar;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void checkoutWithAProbeJar() throws IOException {
    Files.copy(SCRIPT, root.resolve("broadsheet"));
    target = Files.createDirectories(root.resolve("site-gen/target"));
    jar = target.resolve("broadsheet.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
    String probe = LauncherProbe.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry(probe));
      out.write(LauncherProbe.class.getClassLoader().getResourceAsStream(probe).readAllBytes());
    }
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
  }

  @Test
  void theFirstBuildWritesTheArchiveAndLaterRunsLoadTheirClassesFromIt() throws Exception {
    assertQuiet(launch(JAVA, "", "search", "--json"), 0, "search", "--json");
    assertEquals(List.of(), archives(), "only a build records the classes");
    assertQuiet(launch(JAVA, "", "build", "--source", "x"), 0, "build", "--source", "x");
    Path archive = onlyArchive();
    assertEquals(List.of(archive, jar), files(), "no temporary file left behind");

    Path classes = root.resolve("classes.txt");
    Run later = launch(JAVA, "-Xlog:class+load:file=" + classes, "search", "--json");
    assertQuiet(later, 0, "search", "--json");
    assertTrue(
        Files.readString(classes)
            .contains(LauncherProbe.class.getName() + " source: shared objects file"),
        "the probe's class comes from the archive");
  }

  @Test
  void aCorruptOrStaleArchiveIsHarmlessAndAStaleOneIsWrittenAgain() throws Exception {
    assertQuiet(launch(JAVA, "", "build"), 0, "build");
    Path archive = onlyArchive();
    byte[] good = Files.readAllBytes(archive);
    List<byte[]> corrupt =
        List.of(
            new byte[0],
            "garbage".getBytes(StandardCharsets.UTF_8),
            Arrays.copyOf(good, good.length / 2),
            Arrays.copyOf(good, 4096));
    for (byte[] bytes : corrupt) {
      Files.delete(archive); // the JVM writes it read-only
      Files.write(archive, bytes);
      assertQuiet(launch(JAVA, "", "search", "--json"), 0, "search", "--json");
    }
    long now = System.currentTimeMillis();
    Files.setLastModifiedTime(archive, FileTime.fromMillis(now - 30_000));
    Files.setLastModifiedTime(jar, FileTime.fromMillis(now - 20_000)); // rebuilt after the archive
    assertQuiet(launch(JAVA, "", "search", "--json"), 0, "search", "--json");
    assertQuiet(launch(JAVA, "", "build"), 0, "build");
    assertTrue(
        Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0
            && Files.size(archive) > 4096,
        "the next build wrote the archive again");
  }

  @Test
  void aFailedBuildOrAJvmThatCannotWriteArchivesLeavesTheCommandAsItWas() throws Exception {
    assertQuiet(launch(JAVA, "", "build", "exit=1"), 1, "build", "exit=1");
    assertEquals(List.of(jar), files(), "a failed build writes no archive");

    Path jdk = Files.createDirectories(root.resolve("jdk/bin")); // a JVM whose archive dumps fail
    Files.copy(
        Path.of(JAVA).toRealPath().getParent().getParent().resolve("release"),
        jdk.resolveSibling("release"));
    Path java = jdk.resolve("java");
    Files.writeString(
        java,
        "#!/usr/bin/env bash\n"
            + "for a in \"$@\"; do case \"$a\" in -Xshare:dump|-XX:AOTMode=create) echo dump failed >&2; exit 1;; esac; done\n"
            + "exec '"
            + JAVA
            + "' \"$@\"\n");
    assertTrue(java.toFile().setExecutable(true));
    assertQuiet(launch(java.toString(), "", "build", "exit=0"), 0, "build", "exit=0");
    assertEquals(List.of(jar), files(), "no archive, no temporary file");
  }

  @Test
  void manyContentFilesBuildWithC2AndTheParallelCollectorVeryManyWithG1AndTheRestWithC1AndSerial()
      throws Exception {
    Path site = root.resolve("site");
    Path year = Files.createDirectories(site.resolve("content/2024"));
    for (int i = 0; i < 3; i++) {
      Files.writeString(year.resolve(i + ".md"), "---\ntitle: " + i + "\n---\nText.\n");
    }
    Map<String, String> threeFiles = Map.of("BROADSHEET_C2_FROM", "3");
    Map<String, String> fourFiles = Map.of("BROADSHEET_C2_FROM", "4");
    String dir = site.toString();
    String c1 = "-XX:TieredStopAtLevel=1 ";
    String serial = "-XX:+UseSerialGC";
    String c2 = "-XX:FreqInlineSize=160 -XX:InlineSmallCode=1200"; // C2 inlining less
    String parallel = " -XX:+UseParallelGC";
    assertJvm(c2 + parallel, launch(JAVA, "", threeFiles, "build", "--source", dir, "jvm"));
    assertJvm(c2 + parallel, launch(JAVA, "", threeFiles, "serve", "--source=" + dir, "jvm"));
    assertJvm(
        c2 + " " + serial,
        launch(JAVA, "-XX:+UseSerialGC", threeFiles, "build", "--source", dir, "jvm"));
    assertJvm(c1 + serial, launch(JAVA, "", fourFiles, "build", "--source", dir, "jvm"));
    assertJvm(c1 + serial, launch(JAVA, "", threeFiles, "search", "--source", dir, "jvm"));
    assertJvm(c1 + serial, launch(JAVA, "", threeFiles, "build", "--source", dir + "/x", "jvm"));
    assertJvm(
        c1 + serial + " -XX:TieredStopAtLevel=4",
        launch(JAVA, "-XX:TieredStopAtLevel=4", fourFiles, "build", "--source", dir, "jvm"));
    assertJvm(
        c2,
        launch(
            JAVA,
            "",
            Map.of("BROADSHEET_C2_FROM", "3", "BROADSHEET_G1_FROM", "3"),
            "build",
            "--source",
            dir,
            "jvm"));
    assertJvm(
        c1.strip(),
        launch(JAVA, "", Map.of("BROADSHEET_G1_FROM", "3"), "pack", "--source", dir, "jvm"));
    assertJvm(
        c1 + "-XX:+UseParallelGC",
        launch(JAVA, "-XX:+UseParallelGC", fourFiles, "build", "--source", dir, "jvm"));
    assertJvm(
        "-XX:+UseG1GC " + c1.strip(),
        launch(JAVA, "", Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseG1GC"), "search", "jvm"));
    // or of this much content (du -sk), however few files: 64 KiB that no file system compresses
    byte[] noise = new byte[64 * 1024];
    new Random(7).nextBytes(noise);
    Files.write(year.resolve("noise.bin"), noise);
    Map<String, String> manyKib = Map.of("BROADSHEET_C2_FROM", "5", "BROADSHEET_C2_KIB", "32");
    assertJvm(c2 + parallel, launch(JAVA, "", manyKib, "build", "--source", dir, "jvm"));
    Map<String, String> fewKib = Map.of("BROADSHEET_C2_FROM", "5", "BROADSHEET_C2_KIB", "1000000");
    assertJvm(c1 + serial, launch(JAVA, "", fewKib, "build", "--source", dir, "jvm"));
  }

  @Test
  void withC1ASiteOfAThousandFilesCompilesSoonerAndCollectsOnEveryCore() throws Exception {
    Path content = Files.createDirectories(root.resolve("site/content"));
    for (int i = 0; i < 999; i++) {
      Files.writeString(content.resolve(i + ".md"), "Text.\n");
    }
    String dir = root.resolve("site").toString();
    String c1 = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
    assertJvm(c1, launch(JAVA, "", "build", "--source", dir, "jvm"));
    Files.writeString(content.resolve("999.md"), "Text.\n");
    // and collects with the parallel collector, survivors moved to the old generation at once
    String soon =
        "-XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=20 -XX:+UseParallelGC"
            + " -XX:-UseAdaptiveSizePolicy -XX:MaxTenuringThreshold=0";
    assertJvm(soon, launch(JAVA, "", "build", "--source", dir, "jvm"));
    assertJvm( // a server, not a batch: the collector of a small site
        "-XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=20 -XX:+UseSerialGC",
        launch(JAVA, "", "serve", "--source=" + dir, "jvm"));
    assertJvm( // with C2, its own thresholds
        "-XX:FreqInlineSize=160 -XX:InlineSmallCode=1200 -XX:+UseParallelGC",
        launch(JAVA, "", Map.of("BROADSHEET_C2_FROM", "1000"), "build", "--source", dir, "jvm"));
  }

  @Test
  void onJava25ABuildWithC2RunsWithoutTheAotCacheAndOneWithC1WritesIt() throws Exception {
    Optional<Path> java25 = jdkBeside(25);
    assumeTrue(java25.isPresent(), "no JDK 25 or later beside " + System.getProperty("java.home"));
    Path site = root.resolve("site");
    Path year = Files.createDirectories(site.resolve("content/2024"));
    for (int i = 0; i < 3; i++) {
      Files.writeString(year.resolve(i + ".md"), "---\ntitle: " + i + "\n---\nText.\n");
    }
    String java = java25.get().toString();
    Run c2 =
        launch(java, "", Map.of("BROADSHEET_C2_FROM", "3"), "build", "--source", site + "", "jvm");
    assertJvm("-XX:FreqInlineSize=160 -XX:InlineSmallCode=1200 -XX:+UseParallelGC", c2);
    assertEquals("", c2.err());
    assertEquals(List.of(), archives(), "the AOT cache slowed builds with C2: none recorded");
    assertQuiet(launch(java, "", "build", "--source", "x"), 0, "build", "--source", "x");
    assertTrue(onlyArchive().toString().endsWith(".aot"), "a build with C1 writes it");
  }

  /** The java of a JDK of at least {@code feature} installed beside the one running the tests. */
  static Optional<Path> jdkBeside(int feature) throws IOException {
    Path jdks = Path.of(System.getProperty("java.home")).toRealPath().getParent();
    try (Stream<Path> all = Files.list(jdks)) {
      return all.filter(jdk -> featureOf(jdk.resolve("release")) >= feature)
          .map(jdk -> jdk.resolve("bin/java"))
          .filter(Files::isExecutable)
          .findFirst();
    }
  }

  private static int featureOf(Path release) {
    try {
      for (String line : Files.readAllLines(release)) {
        if (line.startsWith("JAVA_VERSION=\"")) {
          return Integer.parseInt(line.substring(14).split("[.\"]")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not a JDK, or one this cannot read: not a candidate
    }
    return 0;
  }

  /** The probe ran with these JIT tier, inlining and collector options, in this order. */
  private static void assertJvm(String options, Run run) {
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().endsWith(",\"jvm\":\"" + options + "\"}\n"), run.out());
  }

  /** The probe's own output and nothing else, with its exit code. */
  private static void assertQuiet(Run run, int code, String... args) {
    assertEquals("{\"args\":[\"" + String.join("\",\"", args) + "\"]}\n", run.out(), run.err());
    assertEquals("", run.err());
    assertEquals(code, run.code());
  }

  private Run launch(String java, String javaOpts, String... args) throws Exception {
    return launch(root, java, javaOpts, Map.of(), args);
  }

  private Run launch(String java, String javaOpts, Map<String, String> vars, String... args)
      throws Exception {
    return launch(root, java, javaOpts, vars, args);
  }

  /**
   * {@code root}'s copy of the launcher run in {@code root} with {@code java}, {@code javaOpts} and
   * {@code vars}, none of the user's settings of the launcher or of Java.
   */
  static Run launch(
      Path root, String java, String javaOpts, Map<String, String> vars, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("broadsheet").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
    Map<String, String> env = pb.environment();
    env.remove("JAVA_HOME");
    env.remove("BROADSHEET_CDS");
    env.put("BROADSHEET_JAVA", java);
    env.put("BROADSHEET_JAVA_OPTS", javaOpts);
    env.remove("BROADSHEET_C2_FROM");
    env.remove("BROADSHEET_C2_KIB");
    env.remove("BROADSHEET_G1_FROM");
    env.remove("JAVA_TOOL_OPTIONS");
    env.remove("JDK_JAVA_OPTIONS");
    env.putAll(vars);
    Path out = root.resolve("out.txt");
    Path err = root.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher finished");
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private List<Path> archives() throws IOException {
    return files().stream().filter(f -> !f.equals(jar)).toList();
  }

  private Path onlyArchive() throws IOException {
    List<Path> archives = archives();
    assertEquals(1, archives.size(), "one archive: " + archives);
    String name = archives.get(0).getFileName().toString();
    assertTrue(
        name.startsWith("broadsheet-") && (name.endsWith(".jsa") || name.endsWith(".aot")), name);
    return archives.get(0);
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(target)) {
      return files.sorted().toList();
    }
  }
}
