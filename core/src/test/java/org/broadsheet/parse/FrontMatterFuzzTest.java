package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.source.SourceFile;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Front matter: the fuzzer writes what stands between the {@code ---} lines (YAML, then {@link
 * Metadata} and {@link Dates}); the body is fixed. Bad YAML, wrong types and bad dates are error
 * diagnostics with a position; nothing throws. Inputs: {@code FrontMatterFuzzTestInputs/}.
 */
class FrontMatterFuzzTest {
  private static final MarkdownParser PARSER = new MarkdownParser();
  private static final ParseContext CONTEXT = new ParseContext(ZoneId.of("Europe/Vienna"), "de");
  private static final SourceFile FILE =
      new SourceFile("content/fuzz.md", Path.of("target/fuzz/content/fuzz.md"));

  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void anyFrontMatterGivesMetadataOrAnErrorNeverAnException(byte[] bytes) {
    String yaml = new String(bytes, StandardCharsets.UTF_8);
    Diagnostics diagnostics = new Diagnostics();
    Optional<Article> article =
        PARSER.parse(FILE, "---\n" + yaml + "\n---\nThe body.\n", CONTEXT, diagnostics);
    assertTrue(
        article.isPresent() || diagnostics.hasErrors(),
        "an article left out has an error saying why");
  }
}
