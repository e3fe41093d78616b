package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Finding terms of another ordered list among a list's terms. */
class TermListTest {
  @Test
  void ceilingIsTheFirstTermNotBeforeFromAnyStartAsAScanFindsIt() {
    Random random = new Random(37);
    for (int round = 0; round < 200; round++) {
      TreeSet<BytesRef> sorted = new TreeSet<>();
      int terms = random.nextInt(300);
      while (sorted.size() < terms) {
        sorted.add(randomTerm(random)); // bytes from 0 to 255: unsigned order
      }
      TermList list = new TermList();
      List<BytesRef> in = new ArrayList<>(sorted);
      in.forEach(t -> list.add(t, 1f));
      for (int probe = 0; probe < 50; probe++) {
        BytesRef term =
            random.nextBoolean() && !in.isEmpty()
                ? in.get(random.nextInt(in.size()))
                : randomTerm(random);
        int from = random.nextInt(in.size() + 1);
        int expected = from;
        while (expected < in.size() && in.get(expected).compareTo(term) < 0) {
          expected++;
        }
        assertEquals(expected, list.ceiling(term, from), () -> "from " + from);
        if (expected < in.size()) {
          assertEquals(
              Integer.signum(in.get(expected).compareTo(term)),
              Integer.signum(list.compare(expected, term)));
        }
      }
    }
  }

  private static BytesRef randomTerm(Random random) {
    byte[] bytes = new byte[random.nextInt(4)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (random.nextBoolean() ? 'a' + random.nextInt(3) : random.nextInt(256));
    }
    return new BytesRef(bytes);
  }
}
