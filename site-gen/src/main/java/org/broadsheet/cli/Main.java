package org.broadsheet.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    },
    subcommands = {
      BuildCommand.class,
      SearchCommand.class,
      CheckCommand.class,
      NewCommand.class,
      ServeCommand.class,
      PackCommand.class,
      ImportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
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
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // "-word" excludes a word from a search; it is not an option.
    cli.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
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
