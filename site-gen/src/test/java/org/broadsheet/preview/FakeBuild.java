package org.broadsheet.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.serve.BuiltSite;

/**
 * A stand-in pipeline for the preview's own tests: {@code content/<name>.md} becomes {@code
 * articles/<name>/index.html}; a file whose first line is not {@code ---} is an error (the last
 * good page stays.
 */
final class FakeBuild implements SiteBuild {
  final AtomicInteger rebuilds = new AtomicInteger();
  private final Path site;
  private final Path output;

  FakeBuild(Path site, Path output) {
    this.site = site;
    this.output = output;
  }

  @Override
  public Path output() {
    return output;
  }

  @Override
  public Report buildAll() throws IOException {
    Files.createDirectories(output);
    BuiltSite.page(output, "404.html", "<html><body><h1>Page not found</h1></body></html>");
    return render();
  }

  @Override
  public Report rebuild(Set<Path> changed, boolean everything) throws IOException {
    rebuilds.incrementAndGet();
    return render();
  }

  private Report render() throws IOException {
    List<Diagnostic> problems = new ArrayList<>();
    Set<String> present = new java.util.HashSet<>();
    try (Stream<Path> files = Files.list(site.resolve("content"))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString().replace(".md", "");
        present.add(name);
        String text = Files.readString(file);
        if (!text.startsWith("---")) {
          String first = text.lines().findFirst().orElse("");
          problems.add(
              Diagnostic.error(
                  "content/" + file.getFileName(),
                  1,
                  1,
                  "front matter must start with ---, not " + first,
                  first));
          continue;
        }
        BuiltSite.page(
            output, "articles/" + name + "/index.html", "<html><body>" + text + "</body></html>");
      }
    }
    Path articles = output.resolve("articles");
    if (Files.isDirectory(articles)) {
      try (Stream<Path> pages = Files.list(articles)) {
        for (Path page : (Iterable<Path>) pages::iterator) {
          if (!present.contains(page.getFileName().toString())) {
            Files.delete(page.resolve("index.html"));
            Files.delete(page);
          }
        }
      }
    }
    return new Report(problems, "built " + present.size() + " articles");
  }
}
