package org.broadsheet.preview;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.render.Templates;

/**
 * Which templates a page template pulls in through {@code <#import>} and {@code <#include>}, from
 * the site's {@code templates/} or else the default theme, so that a changed template re-renders
 * only the pages that use it.
 */
final class TemplateGraph {
  private static final Pattern USES = Pattern.compile("<#(?:import|include)\\s+\"([^\"]+)\"");

  private final Path siteTemplates;
  private final Map<String, Set<String>> closure = new HashMap<>();

  TemplateGraph(Path siteTemplates) {
    this.siteTemplates = siteTemplates;
  }

  /** Whether the page template {@code template} is, imports or includes {@code changed}. */
  boolean uses(String template, String changed) {
    return closure.computeIfAbsent(template, t -> {
      Set<String> seen = new HashSet<>();
      collect(t, seen);
      return seen;
    }).contains(changed);
  }

  private void collect(String name, Set<String> seen) {
    if (!seen.add(name)) {
      return;
    }
    Matcher m = USES.matcher(source(name));
    while (m.find()) {
      String used = m.group(1);
      collect(used.startsWith("/") ? used.substring(1) : used, seen);
    }
  }

  private String source(String name) {
    try {
      Path own = siteTemplates.resolve(name);
      if (Files.isRegularFile(own)) {
        return Files.readString(own, StandardCharsets.UTF_8);
      }
      try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(Templates.THEME + "/" + name)) {
        return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      return "";
    }
  }
}
