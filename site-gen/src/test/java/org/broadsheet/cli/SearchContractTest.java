package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.jr.ob.JSON;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.broadsheet.build.SiteFixture;
import org.broadsheet.cli.MainTest.Run;
import org.broadsheet.serve.ArchiveServer;
import org.broadsheet.serve.BrowserSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One search contract: the same input to {@code broadsheet search}, {@code /api/search} (of {@code
 * broadsheet serve} on the built site) and {@code window.broadsheet.search} in headless Chromium
 * (the site's own search page, served by that server) gets the same refusal, word for word, or the
 * same answer.
 */
class SearchContractTest {
  @RegisterExtension static final BrowserSession browser = new BrowserSession();

  @TempDir static Path dir;
  static Path site;
  static ArchiveServer server;
  static ChromeDriver driver;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * One input, as each reader takes it: command-line options, a query string,
   * window.broadsheet.search options.
   */
  record Input(List<String> cli, String query, String js) {}

  @BeforeAll
  static void start() throws Exception {
    SiteFixture.write(dir, MainTest.SITE);
    Run build = MainTest.run("build", "--source", dir.toString());
    assertEquals(0, build.code(), build.err());
    site = dir.resolve("public");
    server = browser.serve(site);
    driver = browser.openSearchPage(server.uri().resolve("/search/").toString());
  }

  @Test
  void theSameBadInputIsRefusedWithTheSameMessageEverywhere() throws Exception {
    Map<Input, String> cases =
        Map.of(
            new Input(List.of("--from", "2024-13-01"), "from=2024-13-01", "{from: '2024-13-01'}"),
            "from must be a date, YYYY-MM-DD (or YYYY-MM, YYYY), was \"2024-13-01\"",
            new Input(List.of("--limit", "-1"), "limit=-1", "{limit: -1}"),
            "limit must be between 1 and 1000, was -1",
            new Input(List.of("--limit", "0"), "limit=0", "{limit: 0}"),
            "limit must be between 1 and 1000, was 0",
            new Input(List.of("--limit", "2.5"), "limit=2.5", "{limit: 2.5}"),
            "limit must be a whole number, was \"2.5\"",
            new Input(List.of("--offset", "9995"), "offset=9995", "{offset: 9995}"),
            "offset + limit must be at most 10000 (hits past the 10000th are not served), was 9995 + 10",
            new Input(List.of("--sort", "newest"), "sort=newest", "{sort: 'newest'}"),
            "sort must be relevance or date, was \"newest\"",
            new Input(
                List.of("--from", "2024", "--to", "2023-06"),
                "from=2024&to=2023-06",
                "{from: '2024', to: '2023-06'}"),
            "from must not be after to, was from 2024 to 2023-06");
    List<String> differences = new ArrayList<>();
    for (Map.Entry<Input, String> c : cases.entrySet()) {
      Input in = c.getKey();
      String message = c.getValue();
      List<String> args = new ArrayList<>(List.of("search", "--site", site.toString()));
      args.addAll(in.cli());
      args.add("vienna");
      Run cli = MainTest.run(args.toArray(String[]::new));
      expect(
          differences,
          in + " CLI",
          "2 broadsheet: " + message + "\n",
          cli.code() + " " + cli.err());
      HttpResponse<String> api = api("q=vienna&" + in.query());
      expect(
          differences,
          in + " API",
          "400 " + message,
          api.statusCode() + " " + JSON.std.mapFrom(api.body()).get("error"));
      expect(differences, in + " browser", "rejected " + message, browser("vienna", in.js()));
    }
    assertEquals(List.of(), differences);
  }

  @Test
  void theSameGoodInputGetsTheSameAnswerEverywhere() throws Exception {
    Run cli =
        MainTest.run(
            "search",
            "--site",
            site.toString(),
            "--json",
            "--facets",
            "--tag",
            "ECONOMY",
            "--from",
            "2023",
            "--sort",
            "date",
            "--limit",
            "5",
            "vienna");
    assertEquals(0, cli.code(), cli.err());
    HttpResponse<String> api = api("q=vienna&facets=true&tag=ECONOMY&from=2023&sort=date&limit=5");
    assertEquals(200, api.statusCode(), api.body());
    assertEquals(
        cli.out().strip(), api.body(), "the CLI and the API print the same JSON, byte for byte");
    String browser =
        browser("vienna", "{facets: true, tag: 'ECONOMY', from: '2023', sort: 'date', limit: 5}");
    assertEquals(
        JSON.std.mapFrom(api.body()), JSON.std.mapFrom(browser.substring("answered ".length())));
    assertEquals(1, ((Number) JSON.std.mapFrom(api.body()).get("total")).intValue(), api.body());
  }

  private static void expect(
      List<String> differences, String what, String expected, String actual) {
    if (!expected.equals(actual)) {
      differences.add(what + ": expected <" + expected + "> but was <" + actual + ">");
    }
  }

  private static HttpResponse<String> api(String query) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.uri().resolve("/api/search") + "?" + query))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** "answered {json}" or "rejected {the Error's message}". */
  private static String browser(String query, String options) {
    return String.valueOf(
        driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "window.broadsheet.search(arguments[0], "
                + options
                + ").then("
                + "function (r) { done('answered ' + JSON.stringify(r)); },"
                + "function (e) { done((e instanceof Error ? 'rejected ' : 'rejected a non-Error ') + e.message); });",
            query));
  }
}
