package org.broadsheet.web.jdk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.RamUsageEstimator;

/** Browser bodies for Lucene methods that ask the JVM about itself. */
public final class LuceneCompat {
  private LuceneCompat() {}

  /** {@code HotspotVMOptions.get}: not a HotSpot VM, so no VM options. */
  public static Optional<String> vmOption(String name) {
    return Optional.empty();
  }

  /**
   * {@code LRUQueryCache.doCache}: never cache. A cached query reads its whole postings list, i.e.
   * fetches pages no query needs; and the cache's locks do not exist in the browser.
   */
  public static Weight noCache(Object cache, Weight weight, QueryCachingPolicy policy) {
    return weight;
  }

  /**
   * {@code VirtualMethod.compareImplementationDistance}, which finds by reflection whether a query
   * class overrides a deprecated method: none of the queries ArchiveSearch builds does.
   */
  public static int sameDistance(Class<?> cls, Object a, Object b) {
    return 0;
  }

  /**
   * {@code PerFieldKnnVectorsFormat.fieldsReader}: the shipped index has no vector fields, and
   * without this the HNSW and quantization code of every vector format would be compiled in.
   */
  public static KnnVectorsReader noVectors(Object format, SegmentReadState state) {
    throw new UnsupportedOperationException("vector fields are not supported in the browser");
  }

  /**
   * {@code Deflate...Decompressor.decompress}: the shipped index's stored fields are LZ4
   * (BEST_SPEED).
   */
  public static void noDeflate(
      Object decompressor,
      DataInput in,
      int originalLength,
      int offset,
      int length,
      BytesRef bytes) {
    throw new UnsupportedOperationException(
        "BEST_COMPRESSION stored fields are not supported in the browser");
  }

  /**
   * {@code ArrayUtil.timSort(a, from, to, comparator)}: the JDK's sort of objects, which is stable
   * too (TeaVM's is a merge sort that keeps equal elements in order), so the order is the same
   * without Lucene's {@code TimSorter}.
   */
  public static <T> void stableSort(T[] a, int from, int to, Comparator<? super T> comparator) {
    Arrays.sort(a, from, to, comparator);
  }

  /** {@code CollectionUtil.timSort(list, comparator)}: the JDK's stable sort, as above. */
  public static <T> void stableSort(List<T> list, Comparator<? super T> comparator) {
    list.sort(comparator);
  }

  /**
   * {@code TaskExecutor.invokeAll} without an executor, as Lucene runs it on the calling thread
   * (the runtime has one): the tasks in order, their results in that order. When a task fails,
   * Lucene's task group cancels the tasks after it (they never run) and then throws the failure as
   * {@code IOUtils.rethrowAlways} does. Without Lucene's {@code FutureTask}s and task group.
   */
  public static <T> List<T> invokeAll(Object executor, Collection<Callable<T>> tasks)
      throws IOException {
    List<T> results = new ArrayList<>(tasks.size());
    for (Callable<T> task : tasks) {
      try {
        results.add(task.call());
      } catch (IOException | RuntimeException | Error e) {
        throw e;
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    }
    return results;
  }

  /** {@code UnicodeUtil.BIG_TERM}: ten 0xff bytes, above every UTF-8 term. */
  public static BytesRef bigTerm() {
    byte[] bytes = new byte[10];
    Arrays.fill(bytes, (byte) 0xff);
    return new BytesRef(bytes);
  }

  /**
   * {@code UnicodeUtil.utf8CodeLength}: the length of a UTF-8 sequence by its lead byte up to 0xf7,
   * {@code Integer.MIN_VALUE} for a continuation byte. Lucene builds it with a stream over a
   * literal table.
   */
  public static int[] utf8CodeLength() {
    int[] lengths = new int[0xf8];
    for (int b = 0; b < lengths.length; b++) {
      lengths[b] = b < 0x80 ? 1 : b < 0xc0 ? Integer.MIN_VALUE : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    }
    return lengths;
  }

  /**
   * {@code RamUsageEstimator.shallowSizeOfInstance}, which Lucene's classes call in their static
   * initialisers for RAM accounting (never read by a search): an object's header, aligned, without
   * walking the class's fields by reflection (TeaVM keeps no field list for them).
   */
  public static long shallowSizeOfInstance(Class<?> cls) {
    if (cls.isArray()) {
      throw new IllegalArgumentException("This method does not work with array classes.");
    }
    if (cls.isPrimitive()) {
      return RamUsageEstimator.primitiveSizes.get(cls);
    }
    return RamUsageEstimator.alignObjectSize(RamUsageEstimator.NUM_BYTES_OBJECT_HEADER);
  }

  /**
   * A Lucene query's {@code toString(field)} (and the like): the empty text, as nothing the browser
   * answers shows it (see LuceneForBrowser.isDescription).
   */
  public static String noText(Object object, String field) {
    return "";
  }

  /** {@code RamUsageEstimator.humanReadableUnits}, without DecimalFormat. */
  public static String humanReadableUnits(long bytes) {
    return bytes + " bytes";
  }

  /** {@code RamUsageEstimator.humanReadableUnits(long, DecimalFormat)}: the format is ignored. */
  public static String humanReadableUnits(long bytes, Object format) {
    return humanReadableUnits(bytes);
  }

  /**
   * {@code String.format} as called from Lucene (exception messages): the pattern alone. Printing
   * the arguments would compile in {@code Double.toString} (a 9 KB table) for the few messages that
   * format a double.
   */
  public static String format(Locale locale, String pattern, Object... args) {
    return pattern;
  }

  /**
   * {@code Double.toString(double)} in the runtime: the float nearest the double, as {@code
   * Float.toString} prints it. Only exception messages print a double there.
   */
  public static String doubleText(double d) {
    return Float.toString((float) d);
  }

  /**
   * {@code Character.isWhitespace(int)} as Java 17 answers it: the space, line and paragraph
   * separators but the non-breaking ones (U+00A0, U+2007, U+202F), and the nine controls TAB to CR
   * and FS to US. TeaVM's own body reads the Unicode category table (3.4 KB gzip of the runtime)
   * for it, and nothing else in the runtime reads that table. {@code BrowserCharactersTest}
   * compares every code point with the JVM's.
   */
  public static boolean isWhitespace(int c) {
    if (c <= ' ') {
      return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    }
    if (c < 0x1680) {
      return false;
    }
    return c == 0x1680
        || (c >= 0x2000 && c <= 0x200A && c != 0x2007)
        || c == 0x2028
        || c == 0x2029
        || c == 0x205F
        || c == 0x3000;
  }

  /**
   * {@code Object.toString()} of a class that does not override it, without the class name: the
   * runtime prints such text only in exception messages. With the JDK's {@code
   * getClass().getName()}, TeaVM keeps the name of every class that may reach it.
   */
  public static String objectText(Object o) {
    return "@" + Integer.toHexString(o.hashCode());
  }

  /** {@code Class.cast} without the class names in the exception's message (see objectText). */
  public static Object cast(Class<?> cls, Object o) {
    if (o != null && !cls.isInstance(o)) {
      throw new ClassCastException();
    }
    return o;
  }

  /**
   * {@code System.getProperty(key)} for the keys Lucene reads ({@code Constants}: the JVM's name,
   * vendor and version, the OS, the data model, FMA switches; a test seed; a merge switch) as TeaVM
   * answers them in a browser: it fixes {@code os.name}, {@code java.version} and {@code
   * java.vm.version} and knows no other of them.
   */
  public static String getProperty(String key) {
    return switch (key) {
      case "os.name" -> "TeaVM";
      case "java.version", "java.vm.version" -> "21";
      default -> null;
    };
  }

  /** {@code System.getProperty(key, fallback)} as TeaVM answers it in a browser. */
  public static String getProperty(String key, String fallback) {
    String value = getProperty(key);
    return value == null ? fallback : value;
  }

  /** {@code String.format} without a locale. */
  public static String format(String pattern, Object... args) {
    return pattern;
  }

  /**
   * {@code StringHelper.idToString}, a segment id in hex for exception messages, without {@code
   * BigInteger} (Lucene prints it in base 36).
   */
  public static String idToString(byte[] id) {
    if (id == null) {
      return "(null)";
    }
    StringBuilder hex = new StringBuilder(id.length * 2);
    for (byte b : id) {
      hex.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
    }
    return hex.toString();
  }

  /**
   * Readers of index parts {@code SearchSchema} never writes (term vectors, binary doc values...).
   */
  public static <T> T notShipped(Object format, Object a) {
    throw new UnsupportedOperationException("not part of the shipped index: " + format);
  }

  /** {@code ExactPhraseMatcher}'s impacts source's {@code getImpacts()}: for TOP_SCORES only. */
  public static <T> T notShipped(Object source) {
    throw new UnsupportedOperationException("impacts are not compiled into the browser runtime");
  }

  /**
   * {@code Lucene912PostingsReader.impacts(FieldInfo, BlockTermState, int)}: for TOP_SCORES only.
   */
  public static <T> T notShipped(Object reader, Object field, Object state, int flags) {
    throw new UnsupportedOperationException("impacts are not compiled into the browser runtime");
  }

  /**
   * {@code vectorsReader(Directory, SegmentInfo, FieldInfos, IOContext)}: no term vectors are
   * shipped.
   */
  public static <T> T notShipped(Object format, Object a, Object b, Object c, Object d) {
    throw new UnsupportedOperationException("not part of the shipped index: " + format);
  }

  /** Stands in for the construction of a class no Broadsheet search creates (LuceneForBrowser). */
  public static void neverConstructed() {
    throw new UnsupportedOperationException("not compiled into the browser runtime");
  }
}
