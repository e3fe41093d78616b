package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.error.YAMLException;

/** Flat front matter reads as SnakeYAML reads it; anything else is left to SnakeYAML. */
class FlatYamlTest {
  /** Lines converters write, and lines near the edge of what the fast reader takes. */
  private static final String[] LINES = {
    "title: \"BAHIA COCOA REVIEW\"",
    "title: \"Kraków — 日本 «quoted» it's\"",
    "title: \"a: b # not a comment\"",
    "title: Bank raises rates",
    "title: Mr. Smith's plan (2020/21), part 2",
    "title: Yes Minister",
    "title: Naïve café",
    "title: yes",
    "title: No",
    "title: null",
    "title: ~",
    "title: 'single'",
    "title: \"esc \\\" aped\"",
    "title: a: b",
    "title: x # comment",
    "title: trailing ",
    "title: \"\"",
    "id: \"reuters-00001\"",
    "date: 1987-02-26T15:01:01",
    "date: 2013-08-04T04:09:00Z",
    "date: 2021-03-04T09:15:00+02:00",
    "date: 2021-03-05",
    "date: 2021-03-05 09:15",
    "newid: 1",
    "newid: 9999",
    "newid: 012",
    "newid: 0",
    "newid: 1234567890",
    "newid: -5",
    "weight: 1.5",
    "draft: true",
    "draft: false",
    "draft: True",
    "draft: on",
    "topics: [\"cocoa\"]",
    "places: [\"el-salvador\", \"usa\", \"uruguay\"]",
    "tags: []",
    "tags: [\"a\",\"b\"]",
    "tags: [a, b]",
    "tags: [\"a\", 'b']",
    "tags: [\"a, b\", \"c\"]",
    "tags: [\"a\", \"b\"",
    "tags:\n  - a\n  - b",
    "yes: x",
    "n: x",
    "my-key: \"x\"",
    "Key_2: \"x\"",
    "  indented: \"x\"",
    "# a comment",
    "",
    "a:b",
    "tab: \"x\ty\"",
    "nbsp: \"a\u00a0b\"",
    "bom: \"a\uFEFFb\"",
    "emoji: \"\uD83D\uDE00\"",
    "ctrl: \"a\u0001b\"",
    "anchor: &a \"x\"",
    "license: \"Reuters Ltd. copyright; free distribution for research purposes only\"",
  };

  @Test
  void randomFrontMatterReadsAsSnakeYamlReadsIt() {
    Random random = new Random(28);
    int flat = 0;
    int docs = 5000;
    for (int doc = 0; doc < docs; doc++) {
      StringBuilder yaml = new StringBuilder();
      for (int n = 1 + random.nextInt(8); n > 0; n--) {
        String line = LINES[random.nextInt(LINES.length)];
        // mostly keys of their own, as real front matter has
        yaml.append(random.nextInt(4) == 0 ? line : line.replaceFirst("^[^:]*:", "k" + n + ":"));
        yaml.append('\n');
      }
      String text = yaml.toString();
      Optional<Map<String, Object>> fast = FlatYaml.read(text);
      Object snake;
      try {
        snake = Yamls.loader().load(text);
      } catch (YAMLException e) {
        assertTrue(fast.isEmpty(), () -> "SnakeYAML refuses, the fast reader took: " + text);
        continue;
      }
      if (fast.isPresent()) {
        flat++;
        assertEquals(snake, fast.get(), () -> "for: " + text);
        assertEquals(
            String.valueOf(snake), String.valueOf(fast.get()), "the same keys in the same order");
      }
    }
    assertTrue(flat > docs / 20, "the fast reader took " + flat + " of " + docs);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "title: \"BAHIA COCOA REVIEW\"\nid: \"reuters-00001\"\ndate: 1987-02-26T15:01:01\nsource: \"Reuters-21578 Distribution 1.0\"\nnewid: 1\ntopics: [\"cocoa\"]\nplaces: [\"el-salvador\", \"usa\", \"uruguay\"]\nlicense: \"Reuters Ltd. copyright; free distribution for research purposes only\"\n",
        "title: \"Average army benefited what mediating after industry in Thailand\"\ndate: 2013-08-04T04:09:00Z\nauthor: \"Benjamin Suzuki\"\ndateline: \"TEHRAN\"\ntags: [\"music\", \"telecoms\", \"corruption\"]\n",
        "title: Bank raises rates\ndraft: false\ntags: []\n",
      })
  void readsWhatConvertersWrite(String yaml) {
    Optional<Map<String, Object>> fast = FlatYaml.read(yaml);
    assertTrue(fast.isPresent(), "the fast reader takes it");
    assertEquals(Yamls.loader().load(yaml), fast.get());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "title: yes",
        "title: 'single'",
        "title: x # comment",
        "newid: 012",
        "weight: 1.5",
        "tags:\n  - a",
        "a: \"x\"\na: \"y\"",
        "",
        "title: \"x\"\n\nid: \"y\"",
        "title: \"x\"\r\nid: \"y\"",
      })
  void leavesTheRestToSnakeYaml(String yaml) {
    assertEquals(Optional.empty(), FlatYaml.read(yaml));
  }

  /** The shapes told by hand are the regular expressions they stand for. */
  @Test
  void keysNumbersAndDatesAreTheirRegularExpressions() {
    java.util.regex.Pattern key = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    java.util.regex.Pattern number = java.util.regex.Pattern.compile("0|[1-9]\\d{0,8}");
    java.util.regex.Pattern date =
        java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})?)?");
    String[] alphabets = {"0123456789-:TZ+", "aZ_-9 é٣", "0123456789"};
    String[] dates = {
      "2024-01-02", "2024-01-02T03:04", "2024-01-02T03:04:05Z", "2024-01-02T03:04+01:00"
    };
    Random random = new Random(21);
    for (int round = 0; round < 200_000; round++) {
      String s;
      if (round % 3 == 0) { // a date, perhaps with a character changed, cut or added
        StringBuilder b = new StringBuilder(dates[random.nextInt(dates.length)]);
        int at = random.nextInt(b.length() + 1);
        switch (random.nextInt(4)) {
          case 0 -> b.setLength(at);
          case 1 -> b.insert(at, "0123456789-:TZ+".charAt(random.nextInt(15)));
          case 2 -> {
            if (at < b.length()) b.setCharAt(at, "0123456789-:TZ+".charAt(random.nextInt(15)));
          }
          default -> {}
        }
        s = b.toString();
      } else {
        String alphabet = alphabets[round % alphabets.length];
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        s = b.toString();
      }
      assertEquals(key.matcher(s).matches(), FlatYaml.isKey(s), "key " + s);
      assertEquals(number.matcher(s).matches(), FlatYaml.isInt(s), "number " + s);
      assertEquals(date.matcher(s).matches(), FlatYaml.isDate(s), "date " + s);
    }
  }
}
