package org.broadsheet.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.logging.LogManager;
import org.broadsheet.render.TemplateFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code broadsheet}: the command line. Only {@link #main} exits the JVM; everything else returns
 * codes.
 */
@Command(
    name = "broadsheet",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Builds a static news-archive site with Lucene search that works without a server.",
    footer = {
      "",
      "Start with 'broadsheet new site DIR', then 'broadsheet serve' in DIR.",
      "'broadsheet COMMAND --help' explains a command and its options."
    })
public final class Main implements Runnable {
  /**
   * The subcommands' names, in the order the usage lists them. picocli reads a command's options
   * when it is added, all of them before a build started (a third of the command line's 50 ms), so
   * a command named first is added alone ({@link #commandLineFor}).
   */
  private static final List<String> COMMANDS =
      List.of("build", "search", "check", "new", "serve", "pack", "import", "help");

  /**
   * A new command object for {@code name}, one of {@link #COMMANDS}. A switch rather than a map of
   * constructor references: Java 25 could not write its AOT cache (the launcher's) with those
   * lambdas in a static field, as their classes named commands the build had not loaded.
   */
  private static Object command(String name) {
    return switch (name) {
      case "build" -> new BuildCommand();
      case "search" -> new SearchCommand();
      case "check" -> new CheckCommand();
      case "new" -> new NewCommand();
      case "serve" -> new ServeCommand();
      case "pack" -> new PackCommand();
      case "import" -> new ImportCommand();
      case "help" -> new CommandLine.HelpCommand();
      default -> throw new IllegalArgumentException("no command " + name);
    };
  }

  /** The command line with every subcommand. */
  static CommandLine commandLine() {
    return commandLine(COMMANDS);
  }

  /**
   * The command line for {@code args}: with only the command they name first, else (no command,
   * {@code help}, the usage, a mistyped name to suggest others for) every one.
   */
  static CommandLine commandLineFor(String[] args) {
    return args.length > 0 && COMMANDS.contains(args[0]) && !args[0].equals("help")
        ? commandLine(List.of(args[0]))
        : commandLine();
  }

  private static CommandLine commandLine(Collection<String> names) {
    CommandLine cli = new CommandLine(new Main());
    for (String name : names) {
      cli.addSubcommand(name, command(name));
    }
    return cli;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (Runtime.version().feature() >= 21) {
      quietLibraryLogs(); // not before: configuring java.util.logging took ~60 ms, a tenth of
      // `--version`
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line; {@code out} gets results, {@code err} gets diagnostics and progress. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLineFor(args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // "-word" excludes a word from a search; it is not an option.
    CommandLine search = cli.getSubcommands().get("search");
    if (search != null) {
      search.setUnmatchedOptionsArePositionalParams(true);
    }
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          Optional<TemplateFailure> theme = TemplateFailure.in(e);
          if (theme.isPresent()) {
            Reports.themeFailure(theme.get(), commandLine.getErr());
            return Reports.THEME_FAILED;
          }
          commandLine.getErr().println("broadsheet: " + e.getMessage());
          return 2;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * On Java 21+ Lucene tells, through java.util.logging on stderr, which JVM features it found
   * ("Using MemorySegmentIndexInput ...", "please update Apache Lucene" to use the Vector API):
   * nothing a user of the CLI can act on. Its severe messages still show.
   */
  static void quietLibraryLogs() {
    String lucene = "org.apache.lucene.level";
    try {
      LogManager.getLogManager()
          .updateConfiguration(
              new ByteArrayInputStream(
                  (lucene + " = SEVERE\n").getBytes(StandardCharsets.ISO_8859_1)),
              key -> (before, after) -> key.equals(lucene) ? after : before);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the configuration is in memory: not reached
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "broadsheet " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")
      };
    }
  }
}
