package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  record Item(String title, List<String> tags) {}

  record Page(String path, Item item, Map<String, Object> params) {}

  private static Page page(String title) {
    return new Page("a/index.html", new Item(title, List.of("x", "é€")), Map.of("k", 1));
  }

  @Test
  void equalContentDigestsEqualAndAnyChangeDigestsOtherwise() {
    assertEquals(Fingerprint.of(page("Oil")), Fingerprint.of(page("Oil")));
    assertNotEquals(Fingerprint.of(page("Oil")), Fingerprint.of(page("Oi")));
    assertNotEquals(Fingerprint.of(page("Aa")), Fingerprint.of(page("BB"))); // String.hashCode ties
    assertNotEquals(Fingerprint.of("ab", "c"), Fingerprint.of("a", "bc"));
    assertNotEquals(Fingerprint.of(page("odd")), Fingerprint.of(page("odd ")));
  }

  @Test
  void aSharedValueIsDigestedOnceYetEveryPageSeesItsContent() {
    Fingerprint.Shared shared = new Fingerprint.Shared(Set.of(Item.class));
    Item item = new Item("Oil", List.of("x"));
    String first = Fingerprint.of(shared, new Page("a", item, Map.of()));
    assertEquals(first, Fingerprint.of(shared, new Page("a", item, Map.of())));
    // another build (another Shared) digests equal content equally: fingerprints are kept
    assertEquals(
        first,
        Fingerprint.of(
            new Fingerprint.Shared(Set.of(Item.class)),
            new Page("a", new Item("Oil", List.of("x")), Map.of())));
    assertNotEquals(
        first, Fingerprint.of(shared, new Page("a", new Item("Oil!", List.of("x")), Map.of())));
    assertNotEquals(
        first, Fingerprint.of(shared, new Page("a", new Item("Oil", List.of("y")), Map.of())));
  }
}
