package org.broadsheet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.template.TemplateMethodModelEx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.route.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedOutputTest {
  /** A view record, as the build's are: a key holds it by identity. */
  record Item(String name) {}

  /** n(): how often a body ran, as text. */
  private static final class Count implements TemplateMethodModelEx {
    final AtomicInteger runs = new AtomicInteger();

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) {
      return String.valueOf(runs.incrementAndGet());
    }
  }

  private static List<String> render(Path dir, String template, List<Map<String, Object>> views)
      throws IOException {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/t.ftlh"), template);
    Templates templates = new Templates(dir.resolve("templates"));
    List<String> pages = new ArrayList<>();
    for (Map<String, Object> view : views) {
      byte[] bytes = templates.render(new Page("p.html", "t.ftlh", () -> view));
      pages.add(new String(bytes, StandardCharsets.UTF_8));
    }
    return pages;
  }

  @Test
  void aBlockIsKeptAtItsSecondUseAndWrittenAgainAfter(@TempDir Path dir) throws IOException {
    Count n = new Count();
    List<String> pages =
        render(
            dir,
            "<@cached key=k>[${n()} ${k} é ✓]</@cached>",
            List.of(
                Map.of("k", "a", "n", n),
                Map.of("k", "a", "n", n),
                Map.of("k", "a", "n", n),
                Map.of("k", "b", "n", n),
                Map.of("k", "a", "n", n)));
    assertEquals(List.of("[1 a é ✓]", "[2 a é ✓]", "[2 a é ✓]", "[3 b é ✓]", "[2 a é ✓]"), pages);
    assertEquals(3, n.runs.get());
  }

  @Test
  void blocksWithEqualKeysInTwoPlacesAreKeptApart(@TempDir Path dir) throws IOException {
    Count n = new Count();
    Map<String, Object> view = Map.of("k", "a", "n", n);
    List<String> pages =
        render(
            dir,
            "<@cached key=k>A${n()}</@cached> <@cached key=k>B${n()}</@cached>",
            List.of(view, view, view));
    assertEquals(List.of("A1 B2", "A3 B4", "A3 B4"), pages);
  }

  @Test
  void aViewIsTheSameKeyOnlyAsItselfAndSequencesCompareItemByItem(@TempDir Path dir)
      throws IOException {
    Count n = new Count();
    Item one = new Item("x");
    Item equal = new Item("x");
    String template = "<@cached key=[i, 2, true]>x${n()}</@cached>";
    List<String> pages =
        render(
            dir,
            template,
            List.of(
                Map.of("i", one, "n", n),
                Map.of("i", one, "n", n),
                Map.of("i", one, "n", n),
                Map.of("i", equal, "n", n),
                Map.of("i", equal, "n", n),
                Map.of("i", equal, "n", n)));
    assertEquals(List.of("x1", "x2", "x2", "x3", "x4", "x4"), pages);
  }

  @Test
  void aFilledBlockIsRenderedOnceAndWrittenWithEachPagesOwnRoot(@TempDir Path dir)
      throws IOException {
    Count n = new Count();
    String one = "x";
    String two = "y";
    String template =
        "<#macro card c root><@cached key=[c] fill=root; root>"
            + "<a href=\"${root}${c}/\">${c} ${n()}</a> ${root}|${root}</@cached></#macro>"
            + "<@card c=i root=r/>";
    List<String> pages =
        render(
            dir,
            template,
            List.of(
                Map.of("i", one, "r", "../", "n", n),
                Map.of("i", one, "r", "", "n", n),
                Map.of("i", one, "r", "../../", "n", n),
                Map.of("i", two, "r", "./", "n", n),
                Map.of("i", one, "r", "../", "n", n)));
    assertEquals(
        List.of(
            "<a href=\"../x/\">x 1</a> ../|../",
            "<a href=\"x/\">x 1</a> |",
            "<a href=\"../../x/\">x 1</a> ../../|../../",
            "<a href=\"./y/\">y 2</a> ./|./",
            "<a href=\"../x/\">x 1</a> ../|../"),
        pages);
    assertEquals(2, n.runs.get()); // kept the first time: there was room
  }

  @Test
  void aFillThatEscapingCouldChangeIsPrintedAsItIsAndTheBlockRendered(@TempDir Path dir)
      throws IOException {
    Count n = new Count();
    Item one = new Item("x");
    List<String> pages =
        render(
            dir,
            "<@cached key=[i] fill=r; root>${root}${n()}</@cached>",
            List.of(
                Map.of("i", one, "r", "<b>/", "n", n),
                Map.of("i", one, "r", "<b>/", "n", n),
                Map.of("i", one, "r", "../", "n", n),
                Map.of("i", one, "r", "./", "n", n)));
    assertEquals(List.of("&lt;b&gt;/1", "&lt;b&gt;/2", "../3", "./3"), pages);
  }

  @Test
  void aFillComesWithOneLoopVariable(@TempDir Path dir) {
    String message = failure(dir, "<@cached key=k fill=k>x</@cached>", Map.of("k", "a"));
    assertTrue(message.contains("fill=page.root; root"), message);
  }

  /** The message of the theme failure rendering {@code template} with {@code view} makes. */
  private static String failure(Path dir, String template, Map<String, Object> view) {
    return assertThrows(TemplateFailure.class, () -> render(dir, template, List.of(view)))
        .getMessage();
  }

  @Test
  void theStandInIsEightPrivateUseCharactersFoundWhereverTheyStand() {
    String standIn = CachedOutput.standIn(new java.util.Random(5));
    assertEquals(8, standIn.length());
    assertTrue(standIn.chars().allMatch(c -> c >= 0xE000 && c <= 0xF8FF), standIn);
    byte[] part = standIn.getBytes(StandardCharsets.UTF_8);
    String half = standIn.substring(0, 4); // its first bytes, then others
    byte[] text = ("a" + standIn + standIn + "b" + half + standIn).getBytes(StandardCharsets.UTF_8);
    assertEquals(
        List.of(1, 1 + part.length, 2 + 2 * part.length + part.length / 2),
        java.util.Arrays.stream(CachedOutput.occurrences(text, part)).boxed().toList());
  }

  @Test
  void insideACaptureTheBodyRunsEveryTime(@TempDir Path dir) throws IOException {
    Count n = new Count();
    Map<String, Object> view = Map.of("k", "a", "n", n);
    List<String> pages =
        render(
            dir,
            "<#assign x><@cached key=k>${n()}</@cached></#assign>${x}",
            List.of(view, view, view));
    assertEquals(List.of("1", "2", "3"), pages);
  }

  @Test
  void aKeyOfAnythingElseIsAThemeFailureAtItsLine(@TempDir Path dir) throws IOException {
    String message = failure(dir, "ok\n<@cached key={'a': 1}>x</@cached>", Map.of());
    assertTrue(message.contains("templates/t.ftlh:2"), message);
    assertTrue(message.contains("cached: a key is made of strings"), message);
    // a Java object other than a view or a value: not keyed by its toString, which may say less
    String bean =
        failure(
            dir.resolve("bean"),
            "<@cached key=b>x</@cached>",
            Map.of("b", new StringBuilder("same text")));
    assertTrue(bean.contains("cached: a key is made of strings"), bean);
  }

  @Test
  void keptBlocksAreBoundedTheLeastRecentlyUsedGoingFirst() {
    CachedOutput cached = new CachedOutput();
    for (int i = 0; i < CachedOutput.MOST_ENTRIES + 10; i++) {
      cached.keep("k" + i, new byte[10]);
    }
    assertEquals(CachedOutput.MOST_ENTRIES, cached.keptBlocks());
    for (int i = 0; i < 20; i++) {
      cached.keep("big" + i, new byte[CachedOutput.MOST_BYTES / 16]);
    }
    assertEquals(16, cached.keptBlocks());
    assertEquals(CachedOutput.MOST_BYTES, cached.keptBytes());
    cached.keep("larger", new byte[CachedOutput.MOST_BYTES / 16 + 1]); // not kept
    assertEquals(16, cached.keptBlocks());
  }
}
