package org.broadsheet.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.broadsheet.serve.Packer;
import org.broadsheet.write.OutputGuard;
import org.broadsheet.write.Publisher;

/**
 * {@code pack}, for every front end (the command line, the Maven plugin): the site built for
 * offline reading ({@code --offline} links) into a temporary folder, then zipped with its search
 * index. A build with content errors still packs the other articles (as {@code build} publishes
 * them); a theme failure ({@link org.broadsheet.render.TemplateFailure}) packs nothing.
 */
public final class SitePack {
  private SitePack() {}

  /**
   * What {@code pack} did.
   *
   * @param entries entries in the zip, folders included
   * @param bytes the zip's size
   */
  public record Packed(BuildResult result, Path zip, long entries, long bytes) {
    /** {@code packed 2 articles, ... -> /x/site.zip (41 entries, 812 KiB)}. */
    public String summary() {
      return BuildReport.summary(result, "packed")
          + " -> "
          + zip
          + " ("
          + entries
          + " entries, "
          + bytes / 1024
          + " KiB)";
    }
  }

  /**
   * Builds {@code options.source()} (offline, into a temporary folder; {@code options.out()} is not
   * used) and zips it into {@code zip}.
   *
   * @param force replace {@code zip} even when it is not a zip (never a source folder)
   * @throws OutputGuard.Refused before any work, when {@code zip} may not be replaced
   */
  public static Packed pack(BuildOptions options, Path zip, boolean force, Progress progress)
      throws IOException {
    Path target = OutputGuard.archiveFile(zip, options.source(), force);
    Path work = Files.createTempDirectory("broadsheet-pack-");
    try {
      BuildOptions offline = options.withOut(work.resolve("site")).withOffline(true);
      BuildResult result = new SiteBuilder(progress).build(offline);
      long entries = Packer.pack(offline.out(), target);
      return new Packed(result, target, entries, Files.size(target));
    } finally {
      Publisher.deleteTree(work);
    }
  }
}
