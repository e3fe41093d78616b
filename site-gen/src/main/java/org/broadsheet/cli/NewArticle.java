package org.broadsheet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.config.SiteConfigLoader;
import org.broadsheet.content.Slugs;
import org.broadsheet.diag.Diagnostics;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/** Writes a draft Markdown article: {@code broadsheet new "Title"}. */
final class NewArticle {
  private NewArticle() {}

  static int write(Path source, String title, String section, Clock clock, CommandLine cli)
      throws IOException {
    var zone = SiteConfigLoader.load(source, new Diagnostics()).timeZone();
    ZonedDateTime now =
        ZonedDateTime.now(clock).withZoneSameInstant(zone).truncatedTo(ChronoUnit.SECONDS);
    String slug = Slugs.slugify(title);
    Path file =
        source.resolve("content").resolve(String.valueOf(now.getYear())).resolve(slug + ".md");
    if (Files.exists(file)) {
      cli.getErr().println("broadsheet: " + file + " already exists; not overwritten");
      return 1;
    }
    Map<String, Object> front = new LinkedHashMap<>();
    front.put("title", title);
    front.put("date", now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    front.put("authors", List.of());
    front.put("section", section == null ? "" : section);
    front.put("tags", List.of());
    front.put("summary", "");
    front.put("draft", true);
    DumperOptions dump = new DumperOptions();
    dump.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
    dump.setPrettyFlow(false);
    dump.setDefaultScalarStyle(DumperOptions.ScalarStyle.PLAIN);
    StringBuilder yaml = new StringBuilder();
    Yaml writer = new Yaml(dump);
    for (Map.Entry<String, Object> e : front.entrySet()) {
      yaml.append(
              writer.dump(Map.of(e.getKey(), e.getValue())).replaceAll("^\\{|\\}\\s*$", "").strip())
          .append('\n');
    }
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, "---\n" + yaml + "---\n\nWrite the story here.\n", StandardCharsets.UTF_8);
    cli.getOut().println(file);
    return 0;
  }
}
