package org.broadsheet.build;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A SHA-256 digest of a value made of records, strings, numbers, booleans, lists and maps: the view
 * records a template renders. Two views with equal content digest equal in any JVM run (map entries
 * are taken in key order; every value is tagged and every string length-prefixed, so no two
 * different views can be spelt the same), which lets a build keep a page whose inputs are unchanged.
 */
final class Fingerprint {
  private static final Map<Class<?>, List<Method>> ACCESSORS = new ConcurrentHashMap<>();
  private final MessageDigest digest;

  private Fingerprint() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The digest of {@code parts}, as text. */
  static String of(Object... parts) {
    Fingerprint f = new Fingerprint();
    for (Object part : parts) {
      f.add(part);
    }
    return Base64.getEncoder().withoutPadding().encodeToString(f.digest.digest());
  }

  private void add(Object value) {
    if (value == null) {
      digest.update((byte) 0);
    } else if (value instanceof String s) {
      digest.update((byte) 1);
      bytes(s.getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof byte[] b) {
      digest.update((byte) 6);
      bytes(b);
    } else if (value instanceof Number || value instanceof Boolean || value instanceof Character || value instanceof Enum) {
      digest.update((byte) 2);
      bytes((value.getClass().getName() + ":" + value).getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof Collection<?> list) {
      digest.update((byte) 3);
      count(list.size());
      list.forEach(this::add);
    } else if (value instanceof Map<?, ?> map) {
      digest.update((byte) 4);
      count(map.size());
      map.entrySet().stream().sorted((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())))
          .forEach(e -> {
            add(e.getKey());
            add(e.getValue());
          });
    } else if (value instanceof Record record) {
      digest.update((byte) 5);
      bytes(record.getClass().getName().getBytes(StandardCharsets.UTF_8));
      for (Method accessor : accessors(record.getClass())) {
        add(component(accessor, record));
      }
    } else {
      throw new IllegalArgumentException("a page view holds a " + value.getClass().getName()
          + ", which the build cannot fingerprint; views are records of text, numbers, lists and maps");
    }
  }

  private static List<Method> accessors(Class<?> type) {
    return ACCESSORS.computeIfAbsent(type, t -> {
      List<Method> methods = new ArrayList<>();
      for (RecordComponent c : t.getRecordComponents()) {
        methods.add(c.getAccessor());
      }
      return List.copyOf(methods);
    });
  }

  private static Object component(Method accessor, Record record) {
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + accessor + " of a page view", e);
    }
  }

  private void bytes(byte[] b) {
    count(b.length);
    digest.update(b);
  }

  private void count(int n) {
    digest.update((byte) (n >>> 24));
    digest.update((byte) (n >>> 16));
    digest.update((byte) (n >>> 8));
    digest.update((byte) n);
  }
}
