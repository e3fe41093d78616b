package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.broadsheet.build.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's rsync and S3 recipes ({@code examples/deploy-rsync.sh}, {@code examples/deploy-s3.sh})
 * run on a built site: rsync into a local folder, the AWS CLI against a local S3 (moto). Each skips
 * when its tools are missing.
 */
class DeployScriptsTest {
  static final Path EXAMPLES = DeployExamplesTest.EXAMPLES;

  static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  /** Builds the two-article site of {@link MainTest#SITE} into {@code dir/public}. */
  static Path built(Path dir) {
    MainTest.Run build = MainTest.run("build", "--source", dir.toString(), "--no-progress");
    assertEquals(0, build.code(), build.err());
    return dir.resolve("public");
  }

  static Set<String> files(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      TreeSet<String> names = new TreeSet<>();
      all.filter(Files::isRegularFile)
          .forEach(p -> names.add(root.relativize(p).toString().replace('\\', '/')));
      return names;
    }
  }

  static String run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running: " + List.of(command));
    assertEquals(0, p.exitValue(), List.of(command) + "\n" + output);
    return output;
  }

  @Test
  void rsyncRecipePublishesTheSiteWithoutItsMarkerAndDeletesWhatItDropped(@TempDir Path dir)
      throws Exception {
    assumeTrue(onPath("rsync") && onPath("sh"), "rsync not installed: recipe not run");
    SiteFixture.write(dir, MainTest.SITE);
    Path site = built(dir);
    Path dest = dir.resolve("www");
    SiteFixture.write(dest, "-- articles/gone/index.html --\nan article the site dropped\n");
    run(Map.of(), "sh", EXAMPLES.resolve("deploy-rsync.sh").toString(), site + "/", dest + "/");
    Set<String> expected = new TreeSet<>(files(site));
    expected.remove(".broadsheet-site");
    assertEquals(expected, files(dest), "the site, without what it dropped");
    assertEquals(
        "rw-r--r--",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dest.resolve("articles/a/index.html"))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void s3RecipeGivesEachKindOfFileItsCachingAndContentType(@TempDir Path dir) throws Exception {
    assumeTrue(
        onPath("aws") && onPath("moto_server") && onPath("python3") && onPath("sh"),
        "AWS CLI or moto not installed: S3 recipe not run");
    SiteFixture.write(dir, MainTest.SITE);
    Path site = built(dir);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process moto =
        new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("moto.log").toFile())
            .start();
    try {
      awaitPort(port, moto);
      Map<String, String> env =
          Map.of(
              "AWS_ACCESS_KEY_ID", "test",
              "AWS_SECRET_ACCESS_KEY", "test",
              "AWS_DEFAULT_REGION", "us-east-1",
              "AWS_ENDPOINT_URL", "http://127.0.0.1:" + port,
              "BUCKET", "news-site");
      run(env, "aws", "s3", "mb", "s3://news-site");
      run(
          env,
          "aws",
          "s3",
          "cp",
          site.resolve("404.html").toString(),
          "s3://news-site/articles/gone/index.html"); // from an earlier deploy
      String script = EXAMPLES.resolve("deploy-s3.sh").toString();
      run(env, "sh", script, site.toString());

      Map<String, Object> objects = JSON.std.mapFrom(run(env, "python3", "-c", LIST_OBJECTS));
      Set<String> expected = new TreeSet<>(files(site));
      expected.remove(".broadsheet-site");
      assertEquals(expected, objects.keySet(), "the site, without what it dropped");
      String immutable = "public, max-age=31536000, immutable";
      String revalidate = "public, no-cache";
      for (String key : objects.keySet()) {
        Map<String, Object> o = (Map<String, Object>) objects.get(key);
        String cache = String.valueOf(o.get("CacheControl"));
        if (key.matches("assets/.+\\.[0-9a-f]{8}\\.(css|js)")
            || key.matches("search/\\w+\\.(open|query)")) {
          assertEquals(immutable, cache, key);
        } else if (key.startsWith("search/lucene/")) {
          assertEquals("public, max-age=86400", cache, key);
        } else {
          assertEquals(revalidate, cache, key);
        }
        if (key.endsWith(".wasm")) {
          assertEquals("application/wasm", o.get("ContentType"), key);
        }
      }
      assertTrue(objects.keySet().stream().anyMatch(k -> k.endsWith(".wasm")), "runtime uploaded");
      assertEquals(
          "text/html", String.valueOf(((Map<?, ?>) objects.get("index.html")).get("ContentType")));

    } finally {
      moto.destroy();
      moto.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Prints every object of the bucket with its Content-Type and Cache-Control, as JSON. */
  static final String LIST_OBJECTS =
      """
      import boto3, json, os
      s3 = boto3.client("s3", endpoint_url=os.environ["AWS_ENDPOINT_URL"])
      out = {}
      for page in s3.get_paginator("list_objects_v2").paginate(Bucket="news-site"):
          for o in page.get("Contents", []):
              h = s3.head_object(Bucket="news-site", Key=o["Key"])
              out[o["Key"]] = {"ContentType": h.get("ContentType"), "CacheControl": h.get("CacheControl")}
      print(json.dumps(out))
      """;

  static void awaitPort(int port, Process process) throws Exception {
    List<String> tries = new ArrayList<>();
    for (int i = 0; i < 600 && process.isAlive(); i++) { // up to a minute on a loaded machine
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        tries.add(e.getMessage());
        Thread.sleep(100);
      }
    }
    throw new AssertionError("moto_server did not start on port " + port);
  }
}
