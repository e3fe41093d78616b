package org.broadsheet.build;

import java.lang.invoke.MethodHandles;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.broadsheet.view.ComponentReaders;

/**
 * A 64-bit digest of a value made of records, strings, numbers, booleans, lists and maps: the view
 * records a template renders, or a source file's bytes. Two values with equal content digest equal
 * in any JVM run (map entries are taken in key order; every value is tagged and every string
 * length-prefixed, so no two different views are spelt the same), which lets a build keep a page or
 * a parse whose inputs are unchanged.
 *
 * <p>The hash is a multiply-xorshift over two characters (four bytes) a step, not a cryptographic
 * digest: SHA-256 took a fifth of an incremental build's CPU (the JVM's C1 compiler has no SHA
 * intrinsics), and change detection needs no collision resistance against an adversary: one who
 * writes both versions of a file could simply publish the version they want.
 */
final class Fingerprint {
  private static final ComponentReaders READERS = new ComponentReaders(MethodHandles.lookup());
  private final Shared shared;
  private long h = 0x243F6A8885A308D3L;
  private char[] chars;

  private Fingerprint(Shared shared) {
    this.shared = shared;
  }

  /** The digest of {@code parts}, as text. */
  static String of(Object... parts) {
    return Long.toHexString(digest(Shared.NONE, parts));
  }

  /**
   * The digest of {@code parts}, as text, taking the digest of each value {@code shared} holds only
   * once: the same digest as {@link #of} where nothing is shared, but a value shared by many pages
   * (the site, its messages, an article's card) is hashed once a build, not once a page.
   */
  static String of(Shared shared, Object... parts) {
    return Long.toHexString(digest(shared, parts));
  }

  private static long digest(Shared shared, Object... parts) {
    Fingerprint f = new Fingerprint(shared);
    for (Object part : parts) {
      f.add(part);
    }
    return f.finish();
  }

  private long finish() {
    long x = h; // murmur3's finaliser: every input bit reaches every output bit
    x = (x ^ (x >>> 33)) * 0xFF51AFD7ED558CCDL;
    x = (x ^ (x >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return x ^ (x >>> 33);
  }

  /**
   * Values of the given classes whose digests are kept, by identity, for as long as this object is
   * kept (a build): they must be immutable, like the view records. Sharing changes the digest of a
   * value that holds them (a shared value is mixed in as its own digest), so fingerprints compared
   * with each other must all be taken with sharing of the same classes, or all without.
   */
  static final class Shared {
    static final Shared NONE = new Shared(Set.of());
    private final Set<Class<?>> classes;
    private final Map<Same, Long> digests = new ConcurrentHashMap<>();

    Shared(Set<Class<?>> classes) {
      this.classes = Set.copyOf(classes);
    }

    /** The record's digest when its class is shared, else null. */
    private Long digest(Record value) {
      if (!classes.contains(value.getClass())) {
        return null;
      }
      Same key = new Same(value);
      Long known = digests.get(key);
      if (known == null) {
        Fingerprint f = new Fingerprint(this);
        f.addRecord(value); // not computeIfAbsent: its components may be shared too
        known = f.finish();
        digests.put(key, known);
      }
      return known;
    }

    /** A map key equal only to itself: views are records, whose own equals compares content. */
    private record Same(Object value) {
      @Override
      public boolean equals(Object o) {
        return o instanceof Same other && other.value == value;
      }

      @Override
      public int hashCode() {
        return System.identityHashCode(value);
      }
    }
  }

  /** Mixes one 32-bit value in: multiply, then fold the high bits down (a murmur-style step). */
  private void update(int value) {
    h = (h ^ (value & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
    h ^= h >>> 31;
  }

  private void add(Object value) {
    if (value == null) {
      update(0);
    } else if (value instanceof String s) {
      update(1);
      int n = s.length();
      update(n);
      // copied out in bulk: charAt costs a call a character where the JIT is C1 (the launcher's)
      if (chars == null || chars.length < n) {
        chars = new char[Math.max(n, 256)];
      }
      s.getChars(0, n, chars, 0);
      int i = 0;
      for (; i + 1 < n; i += 2) {
        update(chars[i] << 16 | chars[i + 1]);
      }
      if (i < n) {
        update(chars[i]);
      }
    } else if (value instanceof byte[] bytes) {
      update(6);
      update(bytes.length);
      int i = 0;
      for (; i + 3 < bytes.length; i += 4) {
        update(
            (bytes[i] & 0xFF) << 24
                | (bytes[i + 1] & 0xFF) << 16
                | (bytes[i + 2] & 0xFF) << 8
                | bytes[i + 3] & 0xFF);
      }
      for (; i < bytes.length; i++) {
        update(bytes[i]);
      }
    } else if (value instanceof Number
        || value instanceof Boolean
        || value instanceof Character
        || value instanceof Enum) {
      update(2);
      add(value.getClass().getName() + ":" + value);
    } else if (value instanceof Collection<?> list) {
      update(3);
      update(list.size());
      list.forEach(this::add);
    } else if (value instanceof Map<?, ?> map) {
      update(4);
      update(map.size());
      map.entrySet().stream()
          .sorted((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())))
          .forEach(
              e -> {
                add(e.getKey());
                add(e.getValue());
              });
    } else if (value instanceof Record record) {
      Long digest = shared.digest(record);
      if (digest != null) {
        update(7);
        update((int) (digest >>> 32));
        update((int) (long) digest);
        return;
      }
      addRecord(record);
    } else {
      throw new IllegalArgumentException(
          "a page view holds a "
              + value.getClass().getName()
              + ", which the build cannot fingerprint; views are records of text, numbers, lists and maps");
    }
  }

  private void addRecord(Record record) {
    update(5);
    add(record.getClass().getName());
    for (Function<Object, Object> component : READERS.of(record.getClass())) {
      add(component.apply(record));
    }
  }
}
