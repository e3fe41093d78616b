package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.parse.wire.WireStory;
import org.broadsheet.source.SourceFile;
import org.broadsheet.source.TextDecoder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Plain-text wire copy, bytes as scraped: decoded, then read by {@code parse/wire} (dateline,
 * paragraphs, subheadings, tables, footers, sign-offs) and dated. The folder name gives a year, so
 * datelines are dated too. An article or an error diagnostic, never an exception. Inputs: {@code
 * WireTextParserFuzzTestInputs/} (the golden wire cases are good seeds too).
 */
class WireTextParserFuzzTest {
  private static final WireTextParser PARSER = new WireTextParser();
  private static final ParseContext CONTEXT = new ParseContext(ZoneId.of("UTC"), "en");
  private static final SourceFile FILE =
      new SourceFile(
          "content/reuters-1987/000_fuzz.txt",
          Path.of("target/fuzz/content/reuters-1987/000_fuzz.txt"));

  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void anyWireTextGivesAnArticleOrAnErrorNeverAnException(byte[] bytes) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<String> text = TextDecoder.decode(bytes, FILE.relativePath(), diagnostics);
    if (text.isEmpty()) {
      assertTrue(diagnostics.hasErrors(), "undecodable bytes are an error");
      return;
    }
    Optional<WireStory> story = PARSER.read(FILE, text.get(), CONTEXT, diagnostics);
    assertTrue(
        story.isPresent() || diagnostics.hasErrors(),
        "an article left out has an error saying why");
    story.ifPresent(s -> assertEquals("fuzz", s.article().id()));
  }
}
