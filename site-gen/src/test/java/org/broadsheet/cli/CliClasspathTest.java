package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What the shaded CLI jar is made of (its classpath, as this test sees it): the compiled browser
 * runtime as plain resources, and none of the classes search-web compiles it from. Those are JDK
 * stand-ins for TeaVM and classes in Lucene's own packages; on a JVM they would shadow or sit
 * beside the real ones.
 */
class CliClasspathTest {
  @Test
  void carriesTheCompiledRuntimeButNoClassTeaVmCompiledItFrom() throws Exception {
    ClassLoader loader = CliClasspathTest.class.getClassLoader();
    URL list = loader.getResource("broadsheet-search/files.txt");
    assertNotNull(list, "the runtime jar is a dependency");
    // `mvn test` over the whole reactor hands Maven's fallback, search-web's target/classes, for
    // the
    // runtime jar it has not packaged yet; `verify` (CI) and a build of site-gen alone see the jar
    Assumptions.assumeTrue(
        "jar".equals(list.getProtocol()), "search-web not packaged in this run: " + list);
    for (String runtime :
        List.of(
            "files.txt", "search.wasm", "search-en.wasm", "search-js.js", "wasm-gc-runtime.js")) {
      assertNotNull(loader.getResource("broadsheet-search/" + runtime), runtime);
    }
    for (String browserOnly :
        List.of(
            "org/broadsheet/web/BrowserSearch.class",
            "org/broadsheet/web/jdk/ByteArrayView.class",
            "org/teavm/classlib/java/util/concurrent/TFutureTask.class",
            "org/apache/lucene/codecs/lucene90/compressing/StoredChunks.class",
            "org/apache/lucene/internal/vectorization/BrowserVectorization.class")) {
      assertEquals(List.of(), Collections.list(loader.getResources(browserOnly)), browserOnly);
    }
  }
}
