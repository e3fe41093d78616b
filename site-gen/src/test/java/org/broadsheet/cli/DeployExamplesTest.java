package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The deploy examples under {@code examples/} say what README says and call the command line as it
 * is: the GitHub Pages workflow parses and builds with README's command; the Dockerfile's commands
 * use real options. (No Docker engine here: the image itself is not built.)
 */
class DeployExamplesTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path EXAMPLES = ROOT.resolve("examples");

  /** The build command of README's "Deploying" section (the first line of its first code block). */
  static String readmeBuildCommand() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int section = readme.indexOf("\n## Deploying");
    assertTrue(section >= 0, "README has a Deploying section");
    int fence = readme.indexOf("```sh\n", section);
    String first = readme.substring(fence + 6, readme.indexOf('\n', fence + 6)).strip();
    assertTrue(first.startsWith("./broadsheet build"), first);
    return first;
  }

  /** Splits a shell command line on spaces, with "$VAR" and "quoted words" as one argument. */
  static List<String> words(String command, Map<String, String> env) {
    List<String> words = new ArrayList<>();
    for (String w : command.strip().split("\\s+")) {
      String unquoted = w.replaceAll("^\"|\"$", "");
      words.add(unquoted.startsWith("$") ? env.get(unquoted.substring(1)) : unquoted);
    }
    return words;
  }

  static ParseResult parseCli(List<String> args) {
    CommandLine cli = Main.commandLine();
    return cli.parseArgs(args.toArray(String[]::new));
  }

  @Test
  @SuppressWarnings("unchecked")
  void gitHubPagesWorkflowParsesAndItsBuildStepRunsReadmesBuildCommand() throws IOException {
    Map<String, Object> workflow =
        new Yaml().load(Files.readString(EXAMPLES.resolve("github-pages.yml")));
    // YAML 1.1 reads the key `on` as true
    Map<String, Object> on =
        (Map<String, Object>) workflow.getOrDefault("on", workflow.get(Boolean.TRUE));
    assertNotNull(on, "triggers");
    assertTrue(on.containsKey("push"));
    Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
    List<Map<String, Object>> steps =
        (List<Map<String, Object>>) ((Map<String, Object>) jobs.get("build")).get("steps");
    Map<String, Object> build =
        steps.stream().filter(s -> "Build".equals(s.get("name"))).findFirst().orElseThrow();

    String command = readmeBuildCommand();
    assertEquals(command, build.get("run"), "the workflow builds as README says");
    Map<String, String> env = (Map<String, String>) build.get("env");
    assertEquals("${{ steps.pages.outputs.base_url }}/", env.get("BASE_URL"));

    List<String> args = words(command, Map.of("BASE_URL", "https://you.github.io/news/"));
    assertEquals(List.of("./broadsheet", "build"), args.subList(0, 2));
    ParseResult parsed = parseCli(args.subList(1, args.size()));
    ParseResult sub = parsed.subcommand();
    assertEquals("build", sub.commandSpec().name());
    assertEquals("https://you.github.io/news/", sub.matchedOptionValue("--base-url", null));
    assertFalse(sub.hasMatchedOption("--out"), "publishes the default output, public/");

    Map<String, Object> upload =
        steps.stream()
            .filter(s -> String.valueOf(s.get("uses")).startsWith("actions/upload-pages-artifact@"))
            .findFirst()
            .orElseThrow();
    assertEquals("public", ((Map<String, Object>) upload.get("with")).get("path"));
    Map<String, Object> deploy = (Map<String, Object>) jobs.get("deploy");
    assertEquals("build", deploy.get("needs"));
    assertTrue(String.valueOf(deploy.get("steps")).contains("actions/deploy-pages@"));
  }

  /** A Dockerfile's instructions: continuation lines joined, comments and blank lines dropped. */
  static List<String[]> instructions(Path dockerfile) throws IOException {
    String joined = Files.readString(dockerfile).replace("\\\n", " ");
    return joined
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(l -> l.split("\\s+", 2))
        .collect(Collectors.toList());
  }

  static List<String> all(List<String[]> instructions, String keyword) {
    return instructions.stream()
        .filter(i -> i[0].equalsIgnoreCase(keyword))
        .map(i -> i[1])
        .collect(Collectors.toList());
  }

  @Test
  void dockerfileServesThePackedArchiveWithRealCliOptions() throws IOException {
    List<String[]> docker = instructions(EXAMPLES.resolve("Dockerfile"));
    assertTrue(
        docker.stream()
            .allMatch(
                i ->
                    Arrays.asList(
                            "FROM",
                            "WORKDIR",
                            "COPY",
                            "ARG",
                            "RUN",
                            "USER",
                            "EXPOSE",
                            "ENTRYPOINT",
                            "CMD")
                        .contains(i[0])),
        "only known instructions, in upper case");
    List<String> from = all(docker, "FROM");
    assertEquals(2, from.size(), "a build stage and a runtime stage");
    for (String image : from) {
      String name = image.split("\\s+")[0];
      assertTrue(name.contains(":") && !name.endsWith(":latest"), "pinned: " + name);
    }

    String packRun =
        all(docker, "RUN").stream().filter(r -> r.contains(" pack ")).findFirst().orElseThrow();
    List<String> pack = words(packRun, Map.of("SITE", "."));
    assertEquals(List.of("java", "-jar", "site-gen/target/broadsheet.jar"), pack.subList(0, 3));
    assertTrue(
        Files.readString(ROOT.resolve("site-gen/pom.xml"))
            .contains("<outputFile>${project.build.directory}/broadsheet.jar</outputFile>"),
        "the jar the image copies is the one site-gen builds");
    ParseResult packed = parseCli(pack.subList(3, pack.size())).subcommand();
    assertEquals("pack", packed.commandSpec().name());
    Path zip = packed.matchedOptionValue("--out", null);
    assertEquals("/archive/site.zip", zip.toString().replace('\\', '/'));

    List<String> copies = all(docker, "COPY");
    assertTrue(
        copies.contains(
            "--from=build /src/site-gen/target/broadsheet.jar /opt/broadsheet/broadsheet.jar"));
    assertTrue(copies.contains("--from=build /archive/site.zip /srv/site.zip"));

    List<String> command = new ArrayList<>(json(all(docker, "ENTRYPOINT").get(0)));
    command.addAll(json(all(docker, "CMD").get(0)));
    int jar = command.indexOf("-jar");
    assertEquals("/opt/broadsheet/broadsheet.jar", command.get(jar + 1));
    ParseResult serve = parseCli(command.subList(jar + 2, command.size())).subcommand();
    assertEquals("serve", serve.commandSpec().name());
    assertEquals(Path.of("/srv/site.zip"), serve.matchedPositionalValue(0, null));
    assertEquals("0.0.0.0", serve.matchedOptionValue("--host", null));
    int port = serve.matchedOptionValue("--port", 0);
    assertEquals(List.of(String.valueOf(port)), all(docker, "EXPOSE"));
    String user = all(docker, "USER").get(0);
    assertFalse(user.startsWith("0") || user.startsWith("root"), "not root: " + user);
  }

  @SuppressWarnings("unchecked")
  static List<String> json(String execForm) throws IOException {
    return (List<String>) (List<?>) JSON.std.listFrom(execForm);
  }
}
