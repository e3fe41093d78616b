package org.broadsheet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteConfigLoaderTest {
  @TempDir Path site;

  private SiteConfig load(String yaml, Diagnostics diagnostics) throws IOException {
    Files.writeString(site.resolve("site.yaml"), yaml, StandardCharsets.UTF_8);
    return SiteConfigLoader.load(site, diagnostics);
  }

  private static Diagnostic onlyError(Diagnostics diagnostics) {
    List<Diagnostic> all = diagnostics.snapshot();
    assertEquals(1, all.size(), () -> "one diagnostic expected: " + all);
    assertEquals(Severity.ERROR, all.get(0).severity(), all.get(0)::format);
    return all.get(0);
  }

  @Test
  void readsEverySetting() throws IOException {
    Diagnostics d = new Diagnostics();
    SiteConfig c =
        load(
            """
        title: "The Gazette"
        description: News
        baseUrl: https://news.example/archive
        language: fa
        timeZone: Asia/Tehran
        pageSize: 25
        author: Desk
        """,
            d);
    assertEquals(List.of(), d.snapshot());
    assertEquals(
        new SiteConfig(
            "The Gazette",
            "News",
            "https://news.example/archive/",
            "fa",
            ZoneId.of("Asia/Tehran"),
            25,
            "Desk"),
        c);
  }

  /**
   * Each wrong value is an error at the value's line and column, and the setting keeps its default.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "title: [1, 2]                   | 2 | 8  | 'title' must be a single value, not a list",
        "baseUrl: 42                     | 2 | 10 | baseUrl must be an absolute http:// or https:// URL",
        "baseUrl: ftp://news.example/    | 2 | 10 | baseUrl must be an absolute http:// or https:// URL",
        "baseUrl: news.example/archive   | 2 | 10 | baseUrl must be an absolute http:// or https:// URL",
        "baseUrl: 'https:///no-host'     | 2 | 10 | baseUrl must be an absolute http:// or https:// URL",
        "language: {code: en}            | 2 | 11 | 'language' must be a single value, not a mapping",
        "language: '<script>'            | 2 | 11 | language must be an ISO 639 code",
        "timeZone: Mars/Olympus          | 2 | 11 | timeZone",
        "pageSize: ten                   | 2 | 11 | pageSize must be a positive whole number, was 'ten'",
        "pageSize: 0                     | 2 | 11 | pageSize must be a positive whole number",
        "author: [a, b]                  | 2 | 9  | 'author' must be a single value, not a list",
        "description: Again              | 2 | 1  | 'description' is set twice",
      })
  void aWrongValueIsAnErrorWithLineAndColumn(String line, int row, int column, String message)
      throws IOException {
    Diagnostics d = new Diagnostics();
    SiteConfig c = load("description: Kept\n" + line + "\n", d);
    Diagnostic e = onlyError(d);
    assertEquals("site.yaml", e.path());
    assertEquals(row, e.line(), e::format);
    assertEquals(column, e.column(), e::format);
    assertTrue(e.message().contains(message), e::format);
    assertEquals("Kept", c.description());
    assertEquals(
        SiteConfig.defaults(),
        new SiteConfig(
            c.title(), "", c.baseUrl(), c.language(), c.timeZone(), c.pageSize(), c.author()),
        "every other setting keeps its default");
  }

  @Test
  void aTopLevelListIsAnErrorAndTheDefaultsAreUsed() throws IOException {
    Diagnostics d = new Diagnostics();
    SiteConfig c = load("- title: A\n- baseUrl: https://a.example/\n", d);
    Diagnostic e = onlyError(d);
    assertEquals(1, e.line());
    assertEquals(1, e.column());
    assertTrue(e.message().contains("must be a mapping of settings"), e.message());
    assertEquals(SiteConfig.defaults(), c);
  }

  @Test
  void aSingleValueIsAnError() throws IOException {
    Diagnostics d = new Diagnostics();
    load("My Site\n", d);
    assertTrue(onlyError(d).message().contains("not a single value"));
  }

  @Test
  void unknownSettingsAreWarningsWithTheirPosition() throws IOException {
    Diagnostics d = new Diagnostics();
    load("title: A\n  \npagesize: 3\n", d);
    Diagnostic w = d.snapshot().get(0);
    assertEquals(Severity.WARNING, w.severity());
    assertEquals(3, w.line());
    assertTrue(w.message().contains("unknown setting 'pagesize'"), w.message());
  }

  @Test
  void brokenYamlIsAnErrorWithItsPosition() throws IOException {
    Diagnostics d = new Diagnostics();
    load("title: A\nbaseUrl: [unclosed\n", d);
    Diagnostic e = onlyError(d);
    assertTrue(e.line() >= 2, e::format);
  }

  @Test
  void anEmptyFileAndNullValuesGiveTheDefaults() throws IOException {
    Diagnostics d = new Diagnostics();
    assertEquals(SiteConfig.defaults(), load("", d));
    assertEquals(SiteConfig.defaults(), load("title:\nbaseUrl: ~\npageSize:\n", d));
    assertEquals(List.of(), d.snapshot());
  }

  @Test
  void anOversizedFileIsRefusedBeforeParsing() throws IOException {
    Diagnostics d = new Diagnostics();
    long start = System.nanoTime();
    SiteConfig c = load("title: \"" + "x".repeat(10 << 20) + "\"\n", d);
    long ms = (System.nanoTime() - start) / 1_000_000;
    Diagnostic e = onlyError(d);
    assertEquals(1, e.line());
    assertTrue(e.message().contains("over the limit"), e.message());
    assertEquals(SiteConfig.defaults(), c);
    assertTrue(ms < 5_000, "refused in " + ms + " ms");
  }

  @Test
  void textThatIsNotUtf8IsDecodedLikeContentFilesWithANote() throws IOException {
    Files.write(
        site.resolve("site.yaml"),
        "title: Z\u00fcrich Daily\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
    Diagnostics d = new Diagnostics();
    assertEquals("Z\u00fcrich Daily", SiteConfigLoader.load(site, d).title());
    assertTrue(
        d.snapshot().stream().anyMatch(x -> x.message().contains("not valid UTF-8")),
        d.snapshot().toString());
  }

  @Test
  void binaryBytesAreAnErrorAndTheDefaultsAreUsed() throws IOException {
    Files.write(site.resolve("site.yaml"), new byte[] {'t', 'i', 't', 'l', 'e', ':', 0, 1, '\n'});
    Diagnostics d = new Diagnostics();
    assertEquals(SiteConfig.defaults(), SiteConfigLoader.load(site, d));
    assertTrue(onlyError(d).message().contains("binary"), d.snapshot().toString());
  }
}
