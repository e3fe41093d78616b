package org.broadsheet.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small sites written into a test's folder. */
final class Sites {
  private Sites() {}

  static final String GOOD =
      """
      ---
      title: Vienna talks resume
      date: 2024-03-01
      tags: [diplomacy]
      ---
      Negotiators met in Vienna for talks on the nuclear deal.
      """;

  static final String DRAFT =
      """
      ---
      title: An unfinished draft
      date: 2024-03-02
      draft: true
      ---
      Not ready yet.
      """;

  /** Its YAML list never closes: an error at 4:7. */
  static final String BROKEN =
      """
      ---
      title: Broken front matter
      date: 2024-03-03
      tags: [economy
      ---
      The list above never closes.
      """;

  /** A {@code javascript:} link: a warning at 5:1, the article still builds. */
  static final String WARNS =
      """
      ---
      title: A bad link
      date: 2024-03-04
      ---
      [click](javascript:alert(1)) for more.
      """;

  static Path write(Path dir, String... pathAndText) throws IOException {
    for (int i = 0; i < pathAndText.length; i += 2) {
      Path file = dir.resolve(pathAndText[i]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, pathAndText[i + 1]);
    }
    return dir;
  }
}
