package org.broadsheet.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeMojoTest {
  private static final Pattern AT = Pattern.compile("info (previewing|serving .*) at (\\S+)");

  static ServeMojo serve(Path project, RecordingLog log) {
    ServeMojo mojo = Sites.goal(new ServeMojo(), project, log);
    mojo.host = "127.0.0.1";
    mojo.port = 0;
    return mojo;
  }

  /** Runs the goal on a thread until it logs where it serves; returns that address. */
  private static URI start(ServeMojo mojo, RecordingLog log, Thread[] thread) throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    thread[0] =
        new Thread(
            () -> {
              try {
                mojo.execute();
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "serve-goal");
    thread[0].start();
    while (thread[0].isAlive()) {
      for (String line : log.lines) {
        Matcher m = AT.matcher(line);
        if (m.find()) {
          return URI.create(m.group(2));
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "the goal ended without serving: " + failure.get() + "\n" + log.text());
  }

  @Test
  void servePreviewsTheProjectWithDraftsUntilItsThreadIsInterrupted(@TempDir Path dir)
      throws Exception {
    Sites.write(dir, "content/good.md", Sites.GOOD, "content/draft.md", Sites.DRAFT);
    RecordingLog log = new RecordingLog();
    Thread[] thread = new Thread[1];
    URI uri = start(serve(dir, log), log, thread);
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> draft =
          http.send(
              HttpRequest.newBuilder(uri.resolve("articles/draft/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, draft.statusCode());
      assertTrue(draft.body().contains("An unfinished draft"));
      HttpResponse<String> search =
          http.send(
              HttpRequest.newBuilder(uri.resolve("api/search?q=vienna")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(search.body().contains("\"total\":1"), search.body());
    } finally {
      thread[0].interrupt();
      thread[0].join();
    }
    assertTrue(log.text().contains("info Broadsheet: stopped"), log.text());
    assertTrue(log.text().contains("info building " + dir.toAbsolutePath()), log.text());
  }

  @Test
  void serveRefusesWhatIsNeitherProjectNorSiteNorZip(@TempDir Path dir) {
    ServeMojo mojo = serve(dir, new RecordingLog());
    mojo.site = dir.toFile(); // no content/, no index.html
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().contains("is neither a project"), e.getMessage());
    assertFalse(e.getMessage().isEmpty());
  }
}
