package org.broadsheet.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeAssetsTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aThemeInAJarGivesItsAssetsFolderFileByFileAndNothingElse(@TempDir Path dir)
      throws IOException {
    Path jar = dir.resolve("theme.jar");
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(Templates.THEME + "/base.ftlh", "<html></html>");
    entries.put(Templates.THEME + "/assets/", "");
    entries.put(Templates.THEME + "/assets/style.css", "body{}");
    entries.put(Templates.THEME + "/assets/icons/", "");
    entries.put(Templates.THEME + "/assets/icons/logo.svg", "<svg/>");
    entries.put(Templates.THEME + "/assetsX/stray.css", "no");
    entries.put("other/assets/stray.css", "no");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        out.putNextEntry(new JarEntry(e.getKey()));
        out.write(bytes(e.getValue()));
      }
    }
    Map<String, byte[]> files = new TreeMap<>();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      ThemeAssets.readJar(loader.getResource(Templates.THEME + "/base.ftlh"), files);
    }
    assertEquals(List.of("icons/logo.svg", "style.css"), List.copyOf(files.keySet()));
    assertArrayEquals(bytes("<svg/>"), files.get("icons/logo.svg"));
    assertArrayEquals(bytes("body{}"), files.get("style.css"));
  }

  @Test
  void theDefaultThemeHasItsAssets() throws IOException {
    assertTrue(
        ThemeAssets.load(null)
            .files()
            .keySet()
            .containsAll(List.of("favicon.svg", "search.js", "style.css")));
  }

  @Test
  void aDefaultThemeScriptLosesItsCommentLinesIndentationAndBlankLines() {
    String script =
        "// what it does\n(function () {\n  'use strict';\n\n  // a note\n"
            + "  var url = 'http://x/'; // kept: not a line of its own\n  /* kept */ run(url);\n})();\n";
    assertEquals(
        "(function () {\n'use strict';\nvar url = 'http://x/'; // kept: not a line of its own\n"
            + "/* kept */ run(url);\n})();\n",
        new String(ThemeAssets.compactScript(bytes(script)), StandardCharsets.UTF_8));
  }

  @Test
  void theSiteGetsTheDefaultSearchScriptCompactedAndItsOwnScriptsAsTheyAre(@TempDir Path dir)
      throws IOException {
    byte[] theme = ThemeAssets.load(null).files().get("search.js");
    byte[] source = Files.readAllBytes(Path.of("../templates/assets/search.js"));
    assertArrayEquals(ThemeAssets.compactScript(source), theme);
    assertTrue(theme.length < source.length * 3 / 4, theme.length + " of " + source.length);
    assertFalse(new String(theme, StandardCharsets.UTF_8).contains("\n//"));

    Path own = dir.resolve("assets/extra.js");
    Files.createDirectories(own.getParent());
    Files.writeString(own, "// mine\nvar a = 1;\n");
    assertEquals(
        "// mine\nvar a = 1;\n",
        new String(ThemeAssets.load(dir).files().get("extra.js"), StandardCharsets.UTF_8));
  }

  @Test
  void theDefaultThemeScriptsHoldNoStringThatSpansLines() throws IOException {
    // compactScript strips each line: a template literal or a backslash-continued string would
    // lose the spaces it holds
    for (String line : Files.readAllLines(Path.of("../templates/assets/search.js"))) {
      String code = line.strip();
      if (code.startsWith("//")) {
        continue;
      }
      assertFalse(code.contains("`"), line);
      assertFalse(code.endsWith("\\"), line);
    }
  }
}
