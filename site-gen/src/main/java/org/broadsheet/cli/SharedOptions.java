package org.broadsheet.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options that several commands take, each declared once and added with {@code @Mixin}, so that
 * they are spelt, parsed and explained alike everywhere.
 */
final class SharedOptions {
  private SharedOptions() {}

  /** {@code --source DIR}: the site folder of {@code build}, {@code check}, {@code pack}, ... */
  static final class SiteFolder {
    @Option(
        names = "--source",
        paramLabel = "DIR",
        description = "Site folder (content/, templates/, site.yaml). Default: current folder.")
    Path source = Path.of(".");

    /** The folder as an absolute, normalised path. */
    Path path() {
      return source.toAbsolutePath().normalize();
    }
  }

  /** {@code -v}: also print the notes of a build or check. */
  static final class Verbose {
    @Option(
        names = {"-v", "--verbose"},
        description = "Also print notes.")
    boolean on;
  }

  /** {@code --no-progress}: no progress bars on a terminal. */
  static final class NoProgress {
    @Option(
        names = "--no-progress",
        description = "No progress bars (otherwise shown on a terminal for long phases).")
    boolean on;

    boolean shown() {
      return !on;
    }
  }
}
