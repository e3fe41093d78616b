package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.broadsheet.diag.Diagnostic;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * {@code _metadata.csv}: quoting, delimiters, line breaks in cells, headers, dates. Problems are
 * diagnostics; the table is read or empty; nothing throws. Inputs: {@code
 * MetadataCsvFuzzTestInputs/}.
 */
class MetadataCsvFuzzTest {
  private static final ParseContext CONTEXT = new ParseContext(ZoneId.of("America/New_York"), "en");

  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void anyCsvGivesRowsOrDiagnosticsNeverAnException(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<Diagnostic> problems = new ArrayList<>();
    MetadataCsv csv = MetadataCsv.parse(text, "content/_metadata.csv", CONTEXT, problems);
    for (String name : List.of("000_6c84957aa5ccaf51.txt", "a.txt", "sub/a.txt", "", "/", ".")) {
      csv.find(name).ifPresent(e -> assertTrue(e.line() >= 1, "a row knows its line"));
    }
    assertTrue(csv.size() >= 0);
  }
}
