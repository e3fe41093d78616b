package org.broadsheet.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A site folder without {@code content/}: the build refuses it rather than publish an empty site
 * (most often the command was run in the wrong folder).
 */
public final class NoContent extends IOException {
  private NoContent(String message) {
    super(message);
  }

  /** Throws when {@code site} has no {@code content/} folder (or a link to one). */
  static void check(Path site) throws NoContent {
    Path content = site.resolve("content");
    if (Files.isDirectory(content)) {
      return;
    }
    String why =
        Files.isSymbolicLink(content)
            ? content + " is a symbolic link to nothing"
            : Files.exists(content, LinkOption.NOFOLLOW_LINKS)
                ? content + " is not a folder"
                : "there is no content/ folder in " + site;
    throw new NoContent(
        why
            + ": nothing to build.\n"
            + "  Run broadsheet in a site folder (one with content/), pass --source DIR,"
            + " or start a site with 'broadsheet new site DIR'.");
  }
}
