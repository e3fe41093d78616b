package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.serve.BrowserSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Stored XSS through links (issue 10, item 6), in a real browser: one article holds every variant
 * that ran script in Chromium, as links and images, in Markdown and in wire copy. Every link is
 * clicked on the built pages, and again on copies without the Content-Security-Policy, so that the
 * link filter and the policy each hold on their own. A script that runs calls alert (trapped) or
 * changes the title.
 */
class ScriptLinksBrowserTest {
  @RegisterExtension static final BrowserSession browser = new BrowserSession();

  static final String ATTACKS =
      """
      [upper](JAVASCRIPT:alert(1)) [mixed](JaVaScRiPt:alert(1)) [space-entity](&#32;javascript:alert(1))
      [decimal](&#106;avascript:alert(1)) [hex](&#x6A;avascript:alert(1)) [colon](javascript&colon;alert(1))
      [tab-entity](java&Tab;script:alert(1)) [tab-decimal](java&#9;script:alert(1))
      [newline](java&NewLine;script:alert(1)) [control](&#1;javascript:alert(1)) [lower](javascript:alert(1))
      [reference][evil] <JAVASCRIPT:alert(1)> javascript://%0aalert(1) JAVASCRIPT://%0Aalert(1)
      [title](javascript:void(document.title='pwned')) [data](Data:text/html,<script>alert(1)</script>)
      [vbscript](vbscript:msgbox(1))

      ![image](JAVASCRIPT:alert(1)) ![image-ref][evil] ![image-entity](&#106;avascript:alert(1))

      [evil]: JAVASCRIPT:alert(1)
      """;
  static final String SITE =
      "-- site.yaml --\ntitle: Link Gazette\n-- content/xss.md --\n---\ntitle: Links\n"
          + "date: 2024-03-01\n---\n"
          + ATTACKS
          + "-- content/wire/001_wire.txt --\nVIENNA - "
          + ATTACKS.replace("\n", " ")
          + "\n-- content/wire/001_wire.yaml --\ntitle: Wire links\ndate: 2024-03-02\n";
  static final List<String> ALLOWED = List.of("http:", "https:", "mailto:", "tel:", "file:");
  static final String TRAPS =
      "window.__pwned = 0; window.alert = window.confirm = window.prompt ="
          + " function () { window.__pwned++; };";

  @TempDir static Path tmp;
  static Path site;
  static ChromeDriver driver;

  @BeforeAll
  static void build() throws Exception {
    Path source = SiteFixture.write(tmp.resolve("source"), SITE);
    site = tmp.resolve("site");
    new SiteBuilder(Progress.quiet())
        .build(BuildOptions.of(source).withOut(site).withOffline(true));
    driver = browser.driver();
  }

  /** The page as built, and a copy without its Content-Security-Policy meta. */
  private static List<String> variants(String page) throws Exception {
    Path built = site.resolve(page);
    String html = Files.readString(built, StandardCharsets.UTF_8);
    Path bare = built.resolveSibling("without-policy.html");
    Files.writeString(
        bare, html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", ""));
    return List.of(built.toUri().toString(), bare.toUri().toString());
  }

  /**
   * Opens {@code url}, clicks the {@code index}th link of the article body; what ran, if anything.
   */
  private static String click(String url, int index) throws Exception {
    driver.get(url);
    String title = driver.getTitle();
    driver.executeScript(TRAPS);
    List<WebElement> links = driver.findElements(By.cssSelector(".article-body a"));
    String text = links.get(index).getText();
    links.get(index).click();
    Thread.sleep(150);
    try {
      Alert alert = driver.switchTo().alert();
      alert.accept();
      return text + ": an alert was shown";
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
    if (!driver.getCurrentUrl().equals(url)) {
      return text + ": navigated to " + driver.getCurrentUrl();
    }
    Object pwned = driver.executeScript("return window.__pwned");
    if (pwned == null || ((Number) pwned).intValue() != 0 || !driver.getTitle().equals(title)) {
      return text + ": script ran (alert calls " + pwned + ", title '" + driver.getTitle() + "')";
    }
    return "";
  }

  private static List<String> ranOn(String page) throws Exception {
    List<String> ran = new ArrayList<>();
    for (String url : variants(page)) {
      driver.get(url);
      @SuppressWarnings("unchecked")
      List<String> schemes =
          (List<String>)
              driver.executeScript(
                  "const scheme = u => new URL(u, document.baseURI).protocol + ' ' + u;" // the
                      // browser's own URL parser
                      + "return [...document.querySelectorAll('a[href], area[href]')].map(a => scheme(a.getAttribute('href')))"
                      + ".concat([...document.querySelectorAll('img[src]')].map(i => scheme(i.getAttribute('src'))));");
      schemes.stream()
          .filter(s -> !ALLOWED.contains(s.substring(0, s.indexOf(' '))))
          .forEach(s -> ran.add(url + ": unsafe address " + s));
      int links = driver.findElements(By.cssSelector(".article-body a")).size();
      for (int i = 0; i < links; i++) {
        String outcome = click(url, i);
        if (!outcome.isEmpty()) {
          ran.add(url + ": " + outcome);
        }
      }
    }
    return ran;
  }

  @Test
  void noLinkOrImageInAMarkdownArticleRunsScript() throws Exception {
    assertEquals(List.of(), ranOn("articles/xss/index.html"));
    driver.get(site.resolve("articles/xss/index.html").toUri().toString());
    assertTrue(
        driver.findElements(By.cssSelector(".article-body a")).size() >= 15,
        "the links are there, inert");
    assertEquals(
        3,
        driver.findElements(By.cssSelector(".article-body img:not([src])")).size(),
        "images keep only alt");
  }

  @Test
  void noLinkInWireCopyRunsScript() throws Exception {
    assertEquals(List.of(), ranOn("articles/wire/index.html"));
    driver.get(site.resolve("articles/wire/index.html").toUri().toString());
    assertEquals(
        0,
        driver.findElements(By.cssSelector(".article-body a, .article-body img")).size(),
        "wire copy is text: it makes no links");
  }

  @Test
  void noOtherPageCarriesAnUnsafeAddress() throws Exception {
    for (String page :
        List.of("index.html", "archive/index.html", "search/index.html", "404.html")) {
      assertEquals(
          List.of(), ranOn(page).stream().filter(s -> s.contains("unsafe address")).toList(), page);
    }
  }
}
