package org.broadsheet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * {@code broadsheet new site DIR}: a site that builds at once with no warning, and whose files
 * explain themselves: {@code site.yaml} with a comment on every setting, a Markdown article that
 * shows the front matter, and a piece of wire copy with its sidecar.
 */
final class StarterSite {
  private StarterSite() {}

  static int write(Path dir, Clock clock, CommandLine cli) throws IOException {
    PrintWriter err = cli.getErr();
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        err.println("broadsheet: " + dir + " exists and is not a folder; nothing written");
        return 2;
      }
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          err.println(
              "broadsheet: "
                  + dir
                  + " is not empty; nothing written (a new site goes into a new or empty folder)");
          return 2;
        }
      }
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Map<String, String> files = new LinkedHashMap<>();
    files.put("site.yaml", siteYaml(titleOf(dir)));
    files.put(".gitignore", "# what 'broadsheet build' writes\n/public/\n/.public.*\n/site.zip\n");
    files.put("content/" + today.getYear() + "/welcome.md", welcome(today.minusDays(1)));
    files.put("content/wire/" + today.minusDays(2) + "-harbour.txt", WIRE);
    files.put("content/wire/" + today.minusDays(2) + "-harbour.yaml", wireSidecar(today));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = dir.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
    }
    PrintWriter out = cli.getOut();
    out.println("Made a new site in " + dir + ":");
    files.keySet().forEach(name -> out.println("  " + name));
    out.println();
    out.println("Next:");
    out.println("  cd " + dir);
    out.println("  broadsheet serve               preview at http://127.0.0.1:8080/ as you edit");
    out.println("  broadsheet new \"A headline\"    a draft article under content/");
    out.println("  broadsheet check               report every problem, write nothing");
    out.println("  broadsheet build               the site in public/, ready to upload");
    out.println("Before you publish, set baseUrl in site.yaml to the address the site will have.");
    return 0;
  }

  /** "harbour-times" -> "Harbour Times". */
  static String titleOf(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    String words = name == null ? "" : name.toString().replaceAll("[-_.\\s]+", " ").strip();
    if (words.isEmpty()) {
      return "My News Archive";
    }
    StringBuilder title = new StringBuilder();
    for (String w : words.split(" ")) {
      title.append(title.isEmpty() ? "" : " ");
      title.append(w.substring(0, 1).toUpperCase(Locale.ROOT)).append(w.substring(1));
    }
    return title.toString();
  }

  private static String quoted(String value) {
    DumperOptions options = new DumperOptions();
    options.setDefaultScalarStyle(DumperOptions.ScalarStyle.DOUBLE_QUOTED);
    options.setWidth(Integer.MAX_VALUE);
    return new Yaml(options).dump(value).strip();
  }

  private static String siteYaml(String title) {
    return """
        # Settings of this Broadsheet site. Every key but baseUrl has a default, given in its comment.
        # Command-line flags override them (for example 'broadsheet build --base-url URL').

        # The site's name, in every page's header, in titles and in the feeds.
        title: %s

        # One line about the site: the front page's description, the feeds' subtitle, the footer.
        description: "News and archives."

        # Where the site will be published. Canonical URLs, feeds and sitemaps use it (pages link
        # to each other relatively, so the same build works from any folder). Without it they would
        # point at http://localhost:8080/, and the build warns. Change it before you publish.
        baseUrl: "https://news.example/"

        # Language of the pages and of the search (en, de, fr, es, fa, ar have their own analyzers;
        # other ISO 639 codes use a generic one). An article's own 'lang' overrides it.
        language: en

        # Time zone for dates written without one, and for the calendar archive (UTC by default).
        timeZone: UTC

        # Articles per listing page (front page, tags, sections, authors, sources). Default 10.
        pageSize: 10

        # The site's author or publisher, named in feeds and as the publisher of every article.
        author: "The newsroom"
        """
        .formatted(quoted(title));
  }

  private static String welcome(LocalDate date) {
    return """
        ---
        title: "Welcome to your news archive"
        date: %s
        authors: [The newsroom]
        section: about
        tags: [getting started]
        summary: "How articles are written: front matter for the facts, Markdown for the story."
        ---
        Every article is a file under `content/`. This one is Markdown: the lines between the two
        `---` at the top are its *front matter* (title, date, authors, section, tags, summary), and
        the rest is the story.

        ## Writing a story

        - Start one with `broadsheet new "A headline"`: it is a draft until you remove `draft: true`.
        - Dates are ISO 8601 (`2024-03-01` or `2024-03-01T09:30:00+02:00`); an article dated in
          the future waits for its day.
        - Tags, the section and the authors each get pages of their own, and every article is in
          the calendar archive and the search.

        ## Wire copy

        Plain-text files (`.txt`) are read as wire copy, as agencies and scrapers leave it: the
        other sample, under `content/wire/`, has a dateline and takes its title and
        date from the `.yaml` file beside it.

        Delete both samples when you add your own stories.
        """
        .formatted(date);
  }

  private static final String WIRE =
      """
      PORTSEA - Dock workers at the port of Portsea voted on Monday to end a two-week \
      strike over pay, after the harbour board offered a rise of 6 percent this year and 4 \
      percent next year.
      The union said ships waiting outside the harbour would be unloaded from Tuesday morning, \
      and that overtime would clear the backlog within ten days.
      This story is a sample: a wire story in plain text, with its title and date in the sidecar \
      file beside it.
      """;

  private static String wireSidecar(LocalDate today) {
    return """
        # The sidecar of the .txt beside it: the same keys as Markdown front matter.
        title: "Portsea dock workers vote to end two-week strike"
        date: %s
        section: business
        tags: [labour, ports]
        """
        .formatted(today.minusDays(2));
  }
}
