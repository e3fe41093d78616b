package org.broadsheet.web.jdk;

/** The ranged {@code java.util.Arrays} comparisons (Java 9+) that TeaVM's class library lacks. */
public final class ArraysCompat {
  private ArraysCompat() {}

  private static void range(int length, int from, int to) {
    if (from > to) {
      throw new IllegalArgumentException("from " + from + " > to " + to);
    }
    if (from < 0 || to > length) {
      throw new ArrayIndexOutOfBoundsException(from < 0 ? from : to);
    }
  }

  public static int compareUnsigned(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
    range(a.length, aFrom, aTo);
    range(b.length, bFrom, bTo);
    int n = Math.min(aTo - aFrom, bTo - bFrom);
    for (int i = 0; i < n; i++) {
      int x = a[aFrom + i] & 0xFF;
      int y = b[bFrom + i] & 0xFF;
      if (x != y) {
        return x - y;
      }
    }
    return (aTo - aFrom) - (bTo - bFrom);
  }

  public static int compare(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
    range(a.length, aFrom, aTo);
    range(b.length, bFrom, bTo);
    int n = Math.min(aTo - aFrom, bTo - bFrom);
    for (int i = 0; i < n; i++) {
      if (a[aFrom + i] != b[bFrom + i]) {
        return Byte.compare(a[aFrom + i], b[bFrom + i]);
      }
    }
    return (aTo - aFrom) - (bTo - bFrom);
  }

  public static int compare(char[] a, int aFrom, int aTo, char[] b, int bFrom, int bTo) {
    range(a.length, aFrom, aTo);
    range(b.length, bFrom, bTo);
    int n = Math.min(aTo - aFrom, bTo - bFrom);
    for (int i = 0; i < n; i++) {
      if (a[aFrom + i] != b[bFrom + i]) {
        return Character.compare(a[aFrom + i], b[bFrom + i]);
      }
    }
    return (aTo - aFrom) - (bTo - bFrom);
  }

  public static int compare(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo) {
    range(a.length, aFrom, aTo);
    range(b.length, bFrom, bTo);
    int n = Math.min(aTo - aFrom, bTo - bFrom);
    for (int i = 0; i < n; i++) {
      if (a[aFrom + i] != b[bFrom + i]) {
        return Integer.compare(a[aFrom + i], b[bFrom + i]);
      }
    }
    return (aTo - aFrom) - (bTo - bFrom);
  }

  public static int compare(long[] a, int aFrom, int aTo, long[] b, int bFrom, int bTo) {
    range(a.length, aFrom, aTo);
    range(b.length, bFrom, bTo);
    int n = Math.min(aTo - aFrom, bTo - bFrom);
    for (int i = 0; i < n; i++) {
      if (a[aFrom + i] != b[bFrom + i]) {
        return Long.compare(a[aFrom + i], b[bFrom + i]);
      }
    }
    return (aTo - aFrom) - (bTo - bFrom);
  }

  public static boolean equals(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
    return aTo - aFrom == bTo - bFrom && compare(a, aFrom, aTo, b, bFrom, bTo) == 0;
  }

  public static boolean equals(char[] a, int aFrom, int aTo, char[] b, int bFrom, int bTo) {
    return aTo - aFrom == bTo - bFrom && compare(a, aFrom, aTo, b, bFrom, bTo) == 0;
  }

  public static boolean equals(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo) {
    return aTo - aFrom == bTo - bFrom && compare(a, aFrom, aTo, b, bFrom, bTo) == 0;
  }

  public static boolean equals(long[] a, int aFrom, int aTo, long[] b, int bFrom, int bTo) {
    return aTo - aFrom == bTo - bFrom && compare(a, aFrom, aTo, b, bFrom, bTo) == 0;
  }
}
