package org.broadsheet.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.broadsheet.diag.Diagnostics;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * {@code site.yaml}, any bytes: settings or diagnostics (and the defaults), never an exception.
 * Inputs: {@code SiteConfigLoaderFuzzTestInputs/}.
 */
class SiteConfigLoaderFuzzTest {
  private static final Path SITE = site();

  private static Path site() {
    try {
      Path dir = Path.of("target", "fuzz-site");
      Files.createDirectories(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void anySiteYamlGivesSettingsOrDiagnosticsNeverAnException(byte[] bytes) throws IOException {
    Files.write(SITE.resolve(SiteConfigLoader.FILE_NAME), bytes);
    assertNotNull(SiteConfigLoader.load(SITE, new Diagnostics()));
  }
}
