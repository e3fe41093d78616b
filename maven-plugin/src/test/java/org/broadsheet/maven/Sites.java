package org.broadsheet.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small sites written into a test's folder, and goals set up to build them. */
final class Sites {
  private Sites() {}

  /**
   * {@code goal} as Maven sets it up for the project in {@code project}, started there: the site is
   * the project's folder, and problems go to {@code log}.
   */
  static <T extends BroadsheetMojo> T goal(T goal, Path project, RecordingLog log) {
    goal.setLog(log);
    goal.source = project.toFile();
    goal.executionRoot = project.toFile();
    return goal;
  }

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

  /** Month 13: an error on line 3, the article is left out. */
  static final String BROKEN =
      """
      ---
      title: A story from no calendar
      date: 2024-13-45
      tags: [economy]
      ---
      No such day.
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
