package org.broadsheet.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ExtrasTest {
  private static Extras withParams(Map<String, Object> params) {
    return new Extras(List.of(), OptionalInt.empty(), Optional.empty(), Optional.empty(), params);
  }

  @Test
  void extrasWithoutParamsShareOneEmptyMap() {
    Map<String, Object> none = withParams(new LinkedHashMap<>()).params();
    assertSame(Map.of(), none, "no map of its own per article");
    assertSame(Map.of(), withParams(Map.of("gone", new LinkedHashMap<>())).params().get("gone"));
    assertSame(Map.of(), Extras.NONE.orElse(Extras.NONE).params());
  }

  @Test
  void paramsKeepTheirOrderAndCannotBeChanged() {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("zeta", 1);
    given.put("alpha", Map.of("nested", true));
    Map<String, Object> params = withParams(given).params();
    assertEquals(List.of("zeta", "alpha"), List.copyOf(params.keySet()));
    assertThrows(UnsupportedOperationException.class, () -> params.put("x", 2));
  }
}
