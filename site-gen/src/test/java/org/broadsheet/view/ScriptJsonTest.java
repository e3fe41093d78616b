package org.broadsheet.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptJsonTest {
  @Test
  void nothingInAValueCanCloseTheScriptElementOrEndALine() throws Exception {
    String text = "</script><!-- a & b \u2028\u2029 -->";
    String json = ScriptJson.of(Map.of("headline", text));
    assertEquals(
        "{\"headline\":\"\\u003c/script\\u003e\\u003c!-- a \\u0026 b \\u2028\\u2029 --\\u003e\"}",
        json);
    assertEquals(Map.of("headline", text), JSON.std.mapFrom(json), "the same value when parsed");
  }
}
