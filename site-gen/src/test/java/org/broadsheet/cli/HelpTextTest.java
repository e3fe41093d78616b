package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every command's help is whole: each text a full sentence, none broken off mid-line. */
class HelpTextTest {
  private static List<CommandLine> commands() {
    List<CommandLine> all = new ArrayList<>();
    collect(Main.commandLine(), all);
    return all;
  }

  private static void collect(CommandLine cli, List<CommandLine> into) {
    into.add(cli);
    cli.getSubcommands().values().stream()
        .filter(c -> !c.getCommandName().equals("help"))
        .forEach(c -> collect(c, into));
  }

  /** Without white space: picocli wraps lines at spaces and after dots ("SITE.", "zip"). */
  private static String squeezed(String text) {
    return text.replaceAll("\\s+", "");
  }

  @Test
  void everyDescriptionIsWholeSentences() {
    for (CommandLine cli : commands()) {
      CommandSpec spec = cli.getCommandSpec();
      String[] description = spec.usageMessage().description();
      assertTrue(description.length > 0, spec.qualifiedName() + " has a description");
      for (String line : description) {
        assertTrue(
            line.strip().matches("(?s).*[.!?)]$"),
            spec.qualifiedName() + ": a description line ends mid-sentence: " + line);
      }
      List<ArgSpec> args = new ArrayList<>(spec.options());
      args.addAll(spec.positionalParameters());
      for (ArgSpec arg : args) {
        String text = String.join(" ", arg.description());
        assertFalse(text.isBlank(), spec.qualifiedName() + " " + arg.paramLabel());
        assertTrue(
            text.strip().matches("(?s).*[.)]$"),
            spec.qualifiedName() + " " + arg + ": ends mid-sentence: " + text);
      }
    }
  }

  @Test
  void everyHelpPrintsItsDescriptionWholeAndExitsZero() {
    for (CommandLine cli : commands()) {
      List<String> args =
          new ArrayList<>(List.of(cli.getCommandSpec().qualifiedName(" ").split(" ")));
      args.remove(0); // "broadsheet"
      args.add("--help");
      MainTest.Run help = MainTest.run(args.toArray(String[]::new));
      assertEquals(0, help.code(), args + ": " + help.err());
      String printed = squeezed(help.out());
      for (String line : cli.getCommandSpec().usageMessage().description()) {
        assertTrue(printed.contains(squeezed(line)), args + " prints: " + line + "\n" + help.out());
      }
    }
  }

  @Test
  void packHelpSaysWhatThePackIsAndHowItIsServed() {
    String help = squeezed(MainTest.run("pack", "--help").out());
    assertTrue(help.contains(squeezed("into one zip.")), help);
    assertTrue(help.contains(squeezed("opens from file:// with search working")), help);
    assertTrue(help.contains(squeezed("'broadsheet serve SITE.zip' serves the zip as it is.")));
  }

  @Test
  void theTopLevelHelpListsEveryCommandAndWhereToStart() {
    String help = MainTest.run("--help").out();
    for (String command : List.of("build", "search", "check", "new", "serve", "pack")) {
      assertTrue(help.contains("  " + command + " "), command + " in\n" + help);
    }
    assertTrue(help.contains("broadsheet new site DIR"), help);
  }
}
