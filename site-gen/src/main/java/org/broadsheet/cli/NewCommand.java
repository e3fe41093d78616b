package org.broadsheet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code broadsheet new}: {@code new site DIR} starts a site, {@code new "Title"} (short for {@code
 * new article "Title"}) a draft article in one.
 */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Start a new site, or write a new draft article.",
      "'broadsheet new site DIR' makes a starter site in DIR. 'broadsheet new \"Title\"' (the same"
          + " as 'broadsheet new article \"Title\"') writes a draft Markdown article with front"
          + " matter to content/<year>/<slug>.md and prints its path; an existing file is never"
          + " replaced."
    },
    subcommands = {NewCommand.Site.class, NewCommand.Article.class})
final class NewCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  private static final String TITLE = "The article's title (quote it when it has spaces).";

  @Parameters(index = "0", arity = "0..1", paramLabel = "TITLE", description = TITLE)
  String title;

  @Mixin ArticleOptions options;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    if (title == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Say what to make: 'new site DIR' or 'new \"Title\"'.");
    }
    return options.write(title, clock, spec.commandLine());
  }

  /** The options of {@code new "Title"} and its long form {@code new article "Title"}. */
  static final class ArticleOptions {
    @Option(
        names = "--source",
        paramLabel = "DIR",
        description = "Site folder for the article. Default: current folder.")
    Path source = Path.of(".");

    @Option(names = "--section", description = "Section of the article.")
    String section;

    int write(String title, Clock clock, CommandLine cli) throws IOException {
      return NewArticle.write(source, title, section, clock, cli);
    }
  }

  @Command(
      name = "article",
      mixinStandardHelpOptions = true,
      description = {
        "Write a draft Markdown article with front matter to content/<year>/<slug>.md and print"
            + " its path.",
        "The date is now, in the site's time zone; 'draft: true' keeps it out of 'build' until"
            + " you remove it ('serve' shows drafts). An existing file is never replaced (exit 1)."
      })
  static final class Article implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TITLE", description = TITLE)
    String title;

    @Mixin ArticleOptions options;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
      return options.write(title, clock, spec.commandLine());
    }
  }

  @Command(
      name = "site",
      mixinStandardHelpOptions = true,
      description = {
        "Make a starter site in DIR: a site.yaml with every setting explained, two sample"
            + " articles under content/ (Markdown, and wire copy with a sidecar), and a"
            + " .gitignore. Then prints what to do next.",
        "DIR must be new or empty (exit 2 otherwise): nothing is ever overwritten."
      })
  static final class Site implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to create.")
    Path dir;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
      return StarterSite.write(dir, clock, spec.commandLine());
    }
  }
}
