package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.broadsheet.render.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default theme keeps its header, footer, head links and story cards with {@code <@cached>}:
 * every page must be what it would be without, so the bundled site is built once with the theme and
 * once with {@code cached} made a macro that renders its body every time.
 */
class CachedBlocksBuildTest {
  private static Path build(Path site, Path out) throws IOException {
    new SiteBuilder(Progress.quiet())
        .build(BuildOptions.of(site).withOut(out).withClock(BundledContentTest.options().clock()));
    return out;
  }

  @Test
  void keptBlocksChangeNoPage(@TempDir Path dir) throws IOException {
    Path kept = build(SiteFixture.copyOfBundledSite(dir.resolve("kept")), dir.resolve("kept-out"));
    Path site = SiteFixture.copyOfBundledSite(dir.resolve("plain"));
    String base;
    try (InputStream in =
        Templates.class.getClassLoader().getResourceAsStream(Templates.THEME + "/base.ftlh")) {
      base = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(base.contains("<@cached key="), "the default theme keeps blocks");
    Files.createDirectories(site.resolve("templates"));
    Files.writeString(
        site.resolve("templates/base.ftlh"),
        "<#macro cached key fill=\"\"><#nested fill></#macro>\n" + base);
    Path plain = build(site, dir.resolve("plain-out"));
    Set<String> files = SameSite.assertSameFiles(plain, kept);
    assertTrue(files.size() > 100, "pages compared: " + files.size());
  }
}
