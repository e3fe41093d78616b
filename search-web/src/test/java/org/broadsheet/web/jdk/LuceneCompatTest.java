package org.broadsheet.web.jdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.CollectionUtil;
import org.apache.lucene.util.RamUsageEstimator;
import org.apache.lucene.util.UnicodeUtil;
import org.junit.jupiter.api.Test;

/** The runtime's stand-ins for Lucene's sorting and task running behave as Lucene's own. */
class LuceneCompatTest {
  private record Item(int key, int id) {}

  private static final Comparator<Item> BY_KEY = Comparator.comparingInt(Item::key);

  @Test
  void stableSortKeepsTimSortsOrderOfEqualElements() {
    Random random = new Random(7);
    for (int n = 0; n < 300; n++) {
      Item[] items = new Item[random.nextInt(200)];
      for (int i = 0; i < items.length; i++) {
        items[i] = new Item(random.nextInt(1 + n % 9), i);
      }
      int from = items.length == 0 ? 0 : random.nextInt(items.length);
      int to = from + random.nextInt(items.length - from + 1);
      Item[] lucene = items.clone();
      Item[] ours = items.clone();
      ArrayUtil.timSort(lucene, from, to, BY_KEY);
      LuceneCompat.stableSort(ours, from, to, BY_KEY);
      assertEquals(List.of(lucene), List.of(ours));
      List<Item> luceneList = new ArrayList<>(List.of(items));
      List<Item> ourList = new ArrayList<>(List.of(items));
      CollectionUtil.timSort(luceneList, BY_KEY);
      LuceneCompat.stableSort(ourList, BY_KEY);
      assertEquals(luceneList, ourList);
    }
  }

  @Test
  void invokeAllRunsAndFailsAsLucenesTaskExecutor() throws Exception {
    // which task fails (-1: none) and how, for 1 to 4 tasks
    for (int tasks = 1; tasks <= 4; tasks++) {
      for (int fails = -1; fails < tasks; fails++) {
        for (String how : List.of("io", "runtime", "error", "checked")) {
          int count = tasks;
          int failing = fails;
          List<String> luceneRan = new ArrayList<>();
          List<String> ourRan = new ArrayList<>();
          String lucene =
              outcome(
                  () ->
                      new TaskExecutor(Runnable::run)
                          .invokeAll(tasks(count, failing, how, luceneRan)));
          String ours =
              outcome(() -> LuceneCompat.invokeAll(null, tasks(count, failing, how, ourRan)));
          String what = count + " tasks, failing " + failing + " (" + how + ")";
          assertEquals(lucene, ours, what);
          assertEquals(luceneRan, ourRan, what);
        }
      }
    }
  }

  private static List<Callable<Integer>> tasks(
      int count, int failing, String how, List<String> ran) {
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int task = i;
      tasks.add(
          () -> {
            ran.add("task " + task);
            if (task == failing) {
              switch (how) {
                case "io" -> throw new IOException("io " + task);
                case "runtime" -> throw new IllegalStateException("runtime " + task);
                case "error" -> throw new AssertionError("error " + task);
                default -> throw new Exception("checked " + task);
              }
            }
            return task * 10;
          });
    }
    return tasks;
  }

  @Test
  void unicodeTablesAreLucenes() throws Exception {
    assertEquals(UnicodeUtil.BIG_TERM, LuceneCompat.bigTerm());
    Field lengths = UnicodeUtil.class.getDeclaredField("utf8CodeLength");
    lengths.setAccessible(true);
    assertArrayEquals((int[]) lengths.get(null), LuceneCompat.utf8CodeLength());
  }

  @Test
  void shallowSizeIsTheHeaderWithoutReflection() {
    assertEquals(
        RamUsageEstimator.shallowSizeOfInstance(int.class),
        LuceneCompat.shallowSizeOfInstance(int.class));
    assertEquals(
        RamUsageEstimator.shallowSizeOfInstance(Object.class),
        LuceneCompat.shallowSizeOfInstance(LuceneCompatTest.class));
    assertEquals(
        outcome(() -> RamUsageEstimator.shallowSizeOfInstance(long[].class)),
        outcome(() -> LuceneCompat.shallowSizeOfInstance(long[].class)));
  }

  private interface Run {
    Object run() throws Exception;
  }

  /** The result, or the class and message of what was thrown (and of its cause). */
  private static String outcome(Run run) {
    try {
      return "returned " + run.run();
    } catch (Throwable t) {
      return "threw "
          + t.getClass().getName()
          + ": "
          + t.getMessage()
          + (t.getCause() == null ? "" : " caused by " + t.getCause().getClass().getName());
    }
  }
}
