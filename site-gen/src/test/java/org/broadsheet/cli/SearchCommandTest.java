package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.broadsheet.build.SiteFixture;
import org.broadsheet.cli.MainTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code broadsheet search} with hostile input: it answers, or refuses with exit 2 and a reason. */
class SearchCommandTest {
  @TempDir static Path dir;
  static String site;

  @BeforeAll
  static void build() throws Exception {
    SiteFixture.write(dir, MainTest.SITE);
    Run build = MainTest.run("build", "--source", dir.toString());
    assertEquals(0, build.code(), build.err());
    site = dir.resolve("public").toString();
  }

  static Run search(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "search";
    all[1] = "--site";
    all[2] = site;
    System.arraycopy(args, 0, all, 3, args.length);
    return MainTest.run(all);
  }

  @Test
  void sixHundredWordQueryAnswersWithResults() throws Exception {
    StringBuilder words = new StringBuilder("vienna nuclear");
    for (int i = 0; i < 600; i++) {
      words.append(" filler").append(i);
    }
    Run r = search("--json", words.toString());
    assertEquals(0, r.code(), r.err());
    Map<String, Object> json = JSON.std.mapFrom(r.out());
    assertEquals(2, ((Number) json.get("total")).intValue(), r.out());
    Run pasted = search(List.of("vienna talks ".repeat(400).split(" ")).toArray(String[]::new));
    assertEquals(0, pasted.code(), pasted.err());
    assertTrue(pasted.out().startsWith("1 result\n"), pasted.out());
  }

  @Test
  void hugeOffsetOrLimitIsRefusedWithExitTwo() {
    for (String[] args : List.of(new String[] {"--offset", "2147483647", "vienna"},
        new String[] {"--offset", "9995", "vienna"}, new String[] {"--limit", "-3", "vienna"},
        new String[] {"--limit", "2147483647", "vienna"}, new String[] {"--offset", "-1", "vienna"})) {
      Run r = search(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
      assertTrue(r.err().startsWith("broadsheet: "), r.err());
      assertEquals("", r.out());
    }
    Run deep = search("--offset", "9990", "vienna");
    assertEquals(0, deep.code(), deep.err());
    assertTrue(deep.out().startsWith("2 results"), deep.out());
  }

  @Test
  void unreadableDatesAreRefusedWithExitTwoAndSaySo() {
    Run yesterday = search("--from", "yesterday", "vienna");
    assertEquals(2, yesterday.code(), yesterday.out() + yesterday.err());
    assertEquals("broadsheet: from must be a date, YYYY-MM-DD (or YYYY-MM, YYYY), was \"yesterday\"\n",
        yesterday.err());
    Run month13 = search("--to", "2024-13-45", "vienna");
    assertEquals(2, month13.code());
    assertTrue(month13.err().contains("to must be a date"), month13.err());
    Run good = search("--from", "2023", "--to", "2023-01-01", "vienna");
    assertEquals(0, good.code(), good.err());
    assertTrue(good.out().startsWith("1 result"), good.out());
  }
}
