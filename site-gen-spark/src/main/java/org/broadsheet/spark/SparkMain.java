package org.broadsheet.spark;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spark-submit --class org.broadsheet.spark.SparkMain broadsheet-spark.jar build --source
 * URI --out URI}: the site build on a Spark cluster. Without a master (run outside spark-submit, as
 * {@code bin/broadsheet-spark} does) it runs in local mode on every core.
 */
@Command(
    name = "broadsheet-spark",
    mixinStandardHelpOptions = true,
    subcommands = {SparkMain.Build.class},
    description = "Builds a Broadsheet site on Apache Spark.")
public final class SparkMain implements Callable<Integer> {
  @Override
  public Integer call() {
    CommandLine.usage(this, System.err);
    return 2;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new SparkMain());
    try {
      CommandLine.ParseResult parsed = cli.parseArgs(args);
      if (CommandLine.printHelpIfRequested(parsed)) {
        return 0;
      }
      if (!parsed.hasSubcommand()) {
        cli.usage(err);
        return 2;
      }
      Build build = (Build) parsed.subcommand().commandSpec().userObject();
      return build.run(out, err);
    } catch (CommandLine.ParameterException e) {
      err.println(e.getMessage());
      e.getCommandLine().usage(err);
      return 2;
    }
  }

  @Command(name = "build", description = "Builds the site at --source into --out.")
  static final class Build {
    @Option(
        names = "--source",
        required = true,
        description = "the site folder (content/, templates/, site.yaml): file:, hdfs:, s3a:, ...")
    URI source;

    @Option(
        names = "--out",
        required = true,
        description = "the output folder, replaced as a whole")
    URI out;

    @Option(
        names = "--partitions",
        description = "parts to cut the articles into (default: one per 2,000 articles)")
    int partitions;

    @Option(names = "--drafts", description = "include drafts")
    boolean drafts;

    @Option(names = "--future", description = "include articles dated in the future")
    boolean future;

    @Option(names = "--offline", description = "links that work from file://")
    boolean offline;

    @Option(names = "--base-url", description = "overrides site.yaml's base URL")
    String baseUrl;

    int run(PrintStream out, PrintStream err) {
      SparkConf conf = new SparkConf().setAppName("broadsheet build " + source);
      if (!conf.contains("spark.master")) {
        conf.setMaster("local[*]");
      }
      JobSettings settings =
          new JobSettings(
              source,
              this.out,
              drafts,
              future,
              offline,
              baseUrl,
              partitions,
              System.currentTimeMillis());
      try (JavaSparkContext spark = new JavaSparkContext(conf)) {
        spark.setLogLevel(System.getProperty("broadsheet.spark.logLevel", "WARN"));
        SparkBuild.Result result = SparkBuild.run(spark, settings);
        report(result, out, err);
        return 0;
      } catch (Exception e) {
        err.println("broadsheet-spark: build failed: " + e.getMessage());
        e.printStackTrace(err);
        return 1;
      }
    }
  }

  /** Every diagnostic (errors first, then by file), then a one-line summary. */
  static void report(SparkBuild.Result result, PrintStream out, PrintStream err) {
    result.diagnostics().stream()
        .sorted(
            Comparator.comparing(Diagnostic::severity)
                .thenComparing(Diagnostic::path)
                .thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column))
        .forEach(d -> err.println(d.format()));
    long errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
    StringBuilder phases = new StringBuilder();
    for (Map.Entry<String, Duration> e : result.phases().entrySet()) {
      phases
          .append(phases.isEmpty() ? "" : ", ")
          .append(e.getKey())
          .append(' ')
          .append(String.format("%.1f s", e.getValue().toMillis() / 1000.0));
    }
    out.printf(
        "Built %d articles (%d left out, %d skipped; %d errors) on Spark: %s;"
            + " summaries sent to the driver %d KiB, model broadcast %d KiB (deflated)%n",
        result.articles(),
        result.failed(),
        result.skipped(),
        errors,
        phases,
        result.summaryBytes() >> 10,
        result.modelBytes() >> 10);
  }
}
