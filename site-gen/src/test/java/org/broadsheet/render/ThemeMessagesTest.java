package org.broadsheet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.broadsheet.view.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeMessagesTest {
  @Test
  void theDefaultThemeSpeaksSixLanguagesEachWithItsDirectionAndDateLocale() {
    ThemeMessages theme = new ThemeMessages(null);
    assertEquals("Latest", theme.of("en").t("home.latest"));
    assertEquals("Neueste Artikel", theme.of("de").t("home.latest"));
    assertEquals("À la une", theme.of("fr").t("home.latest"));
    assertEquals("Lo último", theme.of("es").t("home.latest"));
    assertEquals("تازه‌ترین‌ها", theme.of("fa").t("home.latest"));
    assertEquals("آخر الأخبار", theme.of("ar").t("home.latest"));
    assertEquals("rtl", theme.of("fa").dir());
    assertEquals("rtl", theme.of("ar").dir());
    assertEquals("ltr", theme.of("de").dir());
    assertEquals("en-GB", theme.of("en").dateLocale());
    assertEquals("de", theme.of("de").dateLocale());
  }

  @Test
  void aRegionFallsBackToItsLanguageAndAnyLanguageToEnglish() {
    ThemeMessages theme = new ThemeMessages(null);
    Messages persianOfIran = theme.of("fa_IR");
    assertEquals("fa-IR", persianOfIran.language());
    assertEquals("تازه‌ترین‌ها", persianOfIran.t("home.latest"));
    assertEquals("rtl", persianOfIran.dir());
    Messages italian = theme.of("it");
    assertEquals("Latest", italian.t("home.latest"), "no Italian file: English strings");
    assertEquals("it", italian.dateLocale(), "but Italian dates");
    assertEquals("ltr", italian.dir());
    assertEquals("rtl", theme.of("he").dir(), "Hebrew runs right to left without a file");
    assertEquals("en", theme.of("").language());
  }

  @Test
  void aSiteOverridesKeysOneByOneAndAddsLanguages(@TempDir Path site) throws Exception {
    Path messages = Files.createDirectories(site.resolve("templates/messages"));
    Files.writeString(
        messages.resolve("messages_de.properties"),
        "home.latest=Aktuell\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        messages.resolve("messages_it.properties"),
        "home.latest=Ultime notizie\nnav.archive=Archivio\n",
        StandardCharsets.UTF_8);
    ThemeMessages theme = new ThemeMessages(site.resolve("templates"));
    assertEquals("Aktuell", theme.of("de").t("home.latest"));
    assertEquals("Archiv", theme.of("de").t("nav.archive"), "the theme's other German strings");
    assertEquals("Ultime notizie", theme.of("it").t("home.latest"));
    assertEquals("Search", theme.of("it").t("search.button"), "English where Italian has none");
  }

  @Test
  void aBrokenFileIsAThemeFailureNamingIt(@TempDir Path site) throws Exception {
    Path messages = Files.createDirectories(site.resolve("templates/messages"));
    Files.write(messages.resolve("messages_de.properties"), new byte[] {'k', '=', (byte) 0xFF});
    TemplateFailure f =
        assertThrows(
            TemplateFailure.class, () -> new ThemeMessages(site.resolve("templates")).of("de"));
    assertEquals("templates/messages/messages_de.properties", f.diagnostic().path());
    assertTrue(f.diagnostic().message().contains("not UTF-8"), f.diagnostic().message());
    Files.writeString(messages.resolve("messages_fr.properties"), "k=\\u12\n");
    f =
        assertThrows(
            TemplateFailure.class, () -> new ThemeMessages(site.resolve("templates")).of("fr"));
    assertTrue(
        f.diagnostic().message().contains("not a properties file"), f.diagnostic().message());
  }
}
