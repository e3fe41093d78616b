package org.broadsheet.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.view.Messages;

/**
 * The theme's strings: {@code templates/messages/messages_<lang>.properties} (UTF-8), the default
 * theme's (en, de, fr, es, fa, ar) overridden key by key by the site's own {@code
 * templates/messages/}, which may also add languages. A language's strings fall back to its
 * language without region ({@code fa-IR} -> {@code fa}), then to English.
 *
 * <p>Besides the texts a file may set {@code dir} ({@code ltr} or {@code rtl}; by default right to
 * left for Arabic-script and Hebrew languages) and {@code date.locale}, the BCP 47 locale dates are
 * written in with java.time's long style ({@code en-GB}: "1 December 2026"; {@code de}: "1.
 * Dezember 2026"; a {@code -u-nu-} extension picks the digits, {@code fa-u-nu-arabext}).
 *
 * <p>Files are read once per build. A file that is too large, not UTF-8 or not a properties file
 * stops the build as a theme failure naming it.
 */
public final class ThemeMessages {
  static final String FOLDER = "messages";
  private static final long MAX_BYTES = 256 * 1024;
  private static final Set<String> RTL =
      Set.of("ar", "fa", "he", "iw", "ur", "ps", "sd", "ug", "yi", "dv", "ckb");

  private final Path siteMessages;
  private final Map<String, Map<String, String>> files = new ConcurrentHashMap<>();
  private final Map<String, Messages> languages = new ConcurrentHashMap<>();

  /**
   * @param siteTemplates the site's {@code templates/} folder; need not exist
   */
  public ThemeMessages(Path siteTemplates) {
    this.siteMessages = siteTemplates == null ? null : siteTemplates.resolve(FOLDER);
  }

  /** The strings of a language (a BCP 47 tag; {@code _} is read as {@code -}). */
  public Messages of(String language) {
    String tag = normalise(language);
    return languages.computeIfAbsent(tag, this::load);
  }

  /** A tag as the files are named: {@code fa_ir} -> {@code fa-IR}; empty or bad -> {@code en}. */
  public static String normalise(String language) {
    String tag =
        Locale.forLanguageTag(language == null ? "" : language.strip().replace('_', '-'))
            .toLanguageTag();
    return tag.equals("und") ? "en" : tag;
  }

  private Messages load(String tag) {
    Locale locale = Locale.forLanguageTag(tag);
    List<String> chain =
        locale.getCountry().isEmpty() && locale.getScript().isEmpty()
            ? List.of("en", locale.getLanguage())
            : List.of("en", locale.getLanguage(), tag);
    Map<String, String> merged = new HashMap<>();
    String dir = null;
    for (String step : chain.stream().distinct().toList()) {
      Map<String, String> strings = file(step);
      merged.putAll(strings);
      if (!step.equals("en") && strings.containsKey("dir")) {
        dir = strings.get("dir");
      }
    }
    if (dir == null || !(dir.equals("ltr") || dir.equals("rtl"))) {
      dir = RTL.contains(locale.getLanguage()) ? "rtl" : "ltr";
    }
    // dates: the most specific file's date.locale; English's serves English only
    String dateLocale = locale.getLanguage().equals("en") ? "en-GB" : tag;
    for (String step : chain) {
      String set = file(step).get("date.locale");
      if (set != null && (!step.equals("en") || locale.getLanguage().equals("en"))) {
        dateLocale = set;
      }
    }
    merged.remove("dir");
    merged.remove("date.locale");
    return new Messages(tag, dir, dateLocale, merged);
  }

  /** One language's file: the default theme's, then the site's keys over it. */
  private Map<String, String> file(String tag) {
    return files.computeIfAbsent(
        tag,
        t -> {
          String name = "messages_" + t + ".properties";
          Map<String, String> strings = new LinkedHashMap<>();
          String resource = Templates.THEME + "/" + FOLDER + "/" + name;
          try (InputStream in =
              ThemeMessages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
              strings.putAll(parse(in.readAllBytes(), name));
            }
          } catch (IOException e) {
            throw failure(name, "cannot be read: " + e.getMessage());
          }
          if (siteMessages != null) {
            strings.putAll(siteFile(name));
          }
          return strings;
        });
  }

  /** A file of the site's {@code templates/messages/}, refused if it leads out of that folder. */
  private Map<String, String> siteFile(String name) {
    Path file = siteMessages.resolve(name);
    if (!Files.exists(file)) {
      return Map.of();
    }
    try {
      Path real = file.toRealPath();
      if (!real.startsWith(siteMessages.toRealPath()) || !Files.isRegularFile(real)) {
        throw failure(name, "leads out of templates/messages/ or is not a file");
      }
      if (Files.size(real) > MAX_BYTES) {
        throw failure(name, "is larger than 256 KB");
      }
      return parse(Files.readAllBytes(real), name);
    } catch (IOException e) {
      throw failure(name, "cannot be read: " + e.getMessage());
    }
  }

  private static Map<String, String> parse(byte[] bytes, String name) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw failure(name, "is not UTF-8");
    }
    Properties p = new Properties();
    try (Reader r = new StringReader(text)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw failure(name, "is not a properties file: " + e.getMessage());
    }
    Map<String, String> out = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
    return out;
  }

  private static TemplateFailure failure(String name, String why) {
    return new TemplateFailure(
        Diagnostic.error("templates/" + FOLDER + "/" + name, name + " " + why), "", null);
  }
}
