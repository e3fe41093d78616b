package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.source.SourceFile;
import org.broadsheet.source.TextDecoder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * A Markdown article file, bytes as they come off the disk: decoded, split into front matter and
 * body, rendered. Whatever the bytes, the parser answers with an article or with an error
 * diagnostic, and never throws; and no link or image it writes has an address a browser would run
 * ({@code javascript:} in any spelling). Seeds and every crash found: {@code
 * MarkdownParserFuzzTestInputs/}.
 */
class MarkdownParserFuzzTest {
  private static final MarkdownParser PARSER = new MarkdownParser();
  private static final ParseContext CONTEXT = new ParseContext(ZoneId.of("Asia/Tehran"), "en");

  /** An href or src attribute as flexmark writes them (double-quoted, entities escaped). */
  private static final Pattern ADDRESS = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");

  private static final SourceFile FILE =
      new SourceFile("content/fuzz.md", Path.of("target/fuzz/content/fuzz.md"));

  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void anyFileGivesAnArticleOrAnErrorNeverAnException(byte[] bytes) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<String> text = TextDecoder.decode(bytes, FILE.relativePath(), diagnostics);
    if (text.isEmpty()) {
      assertTrue(diagnostics.hasErrors(), "undecodable bytes are an error");
      return;
    }
    Optional<Article> article = PARSER.parse(FILE, text.get(), CONTEXT, diagnostics);
    assertTrue(
        article.isPresent() || diagnostics.hasErrors(),
        "an article left out has an error saying why");
    if (article.isPresent()) {
      Matcher address = ADDRESS.matcher(article.get().body().html());
      while (address.find()) {
        assertTrue(
            SafeUrls.isSafe(address.group(1)), () -> "unsafe address written: " + address.group(1));
      }
    }
  }
}
