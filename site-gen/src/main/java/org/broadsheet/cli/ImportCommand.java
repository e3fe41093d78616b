package org.broadsheet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;
import org.broadsheet.importer.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Turn feeds (RSS, Atom, JSON Feed), WordPress exports (WXR), scraped article pages (HTML)"
          + " and IPTC NITF / NewsML-G2 items into article files under content/.",
      "Running it again updates the same files (keyed by each story's guid or id)"
          + " and leaves unchanged ones alone."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin SharedOptions.SiteFolder source;

  @Option(
      names = "--into",
      paramLabel = "DIR",
      description =
          "Folder for the article files, inside the site's content/. Default: content/imported.")
  Path into;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "auto (default: by extension and root element), rss, atom, jsonfeed, wxr, html, nitf, newsml.")
  String format = "auto";

  @Option(
      names = {"-v", "--verbose"},
      description = "Also print notes (fields kept but not mapped).")
  boolean verbose;

  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Files or folders to import.")
  List<Path> inputs;

  @Override
  public Integer call() throws IOException {
    var err = spec.commandLine().getErr();
    if (!Importer.FORMATS.contains(format)) {
      err.println("broadsheet: unknown --format '" + format + "'; one of " + Importer.FORMATS);
      return 2;
    }
    Path site = source.path();
    Path content = site.resolve("content");
    Path target =
        into == null
            ? content.resolve("imported")
            : site.resolve(into).toAbsolutePath().normalize();
    if (!inside(target, content)) {
      err.println(
          "broadsheet: --into must be a folder inside "
              + content
              + " (the build reads only content/); was "
              + target);
      return 2;
    }
    Importer.Result result = Importer.run(inputs, target, Path.of("").toAbsolutePath(), format);
    for (Diagnostic d : result.diagnostics()) {
      if (d.severity() != Severity.NOTE || verbose) {
        err.println(d.format());
      }
    }
    long notes = result.diagnostics().stream().filter(d -> d.severity() == Severity.NOTE).count();
    err.println(
        String.format(
            "imported %d stories from %d files into %s: %d new, %d updated, %d unchanged%s%s%s",
            result.stories(),
            result.files(),
            site.relativize(target).toString().replace('\\', '/'),
            result.created(),
            result.updated(),
            result.unchanged(),
            result.duplicates() > 0
                ? "; " + result.duplicates() + " repeated stories merged (the last read kept)"
                : "",
            count(result, Severity.ERROR, "error"),
            notes > 0 && !verbose ? "; " + notes + " notes (-v shows them)" : ""));
    return result.hasErrors() ? 1 : 0;
  }

  private static String count(Importer.Result r, Severity s, String word) {
    long n = r.diagnostics().stream().filter(d -> d.severity() == s).count();
    return n == 0 ? "" : "; " + n + " " + word + (n == 1 ? "" : "s");
  }

  /**
   * Whether {@code target} lies inside {@code content}, with symbolic links of the part that exists
   * resolved: an import never writes outside the site's content.
   */
  static boolean inside(Path target, Path content) throws IOException {
    if (!target.startsWith(content)) {
      return false;
    }
    Path existing = target;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.exists(content)) {
      return existing != null && target.startsWith(content);
    }
    Path realContent = content.toRealPath();
    Path real = existing.toRealPath().resolve(existing.relativize(target));
    return real.normalize().startsWith(realContent);
  }
}
