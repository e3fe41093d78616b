package org.broadsheet.web.jdk;

/**
 * What {@code MethodHandles.byteArrayViewVarHandle} gives Lucene's {@code BitUtil.VH_*} fields, as
 * plain static methods: {@code VH_LE_INT_get(bytes, offset)} reads what {@code
 * BitUtil.VH_LE_INT.get(bytes, offset)} reads. {@code LuceneForBrowser} rewrites the call sites.
 */
public final class ByteArrayView {
  private ByteArrayView() {}

  private static long le(byte[] b, int o, int n) {
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (b[o + i] & 0xFF);
    }
    return v;
  }

  private static long be(byte[] b, int o, int n) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (b[o + i] & 0xFF);
    }
    return v;
  }

  private static void putLe(byte[] b, int o, int n, long v) {
    check(b, o, n);
    for (int i = 0; i < n; i++) {
      b[o + i] = (byte) (v >>> (8 * i));
    }
  }

  private static void putBe(byte[] b, int o, int n, long v) {
    check(b, o, n);
    for (int i = 0; i < n; i++) {
      b[o + i] = (byte) (v >>> (8 * (n - 1 - i)));
    }
  }

  private static void check(byte[] b, int o, int n) {
    if (o < 0 || o > b.length - n) {
      throw new ArrayIndexOutOfBoundsException(o);
    }
  }

  public static short VH_LE_SHORT_get(byte[] b, int o) {
    check(b, o, 2);
    return (short) le(b, o, 2);
  }

  public static int VH_LE_INT_get(byte[] b, int o) {
    check(b, o, 4);
    return (int) le(b, o, 4);
  }

  public static long VH_LE_LONG_get(byte[] b, int o) {
    check(b, o, 8);
    return le(b, o, 8);
  }

  public static float VH_LE_FLOAT_get(byte[] b, int o) {
    return Float.intBitsToFloat(VH_LE_INT_get(b, o));
  }

  public static double VH_LE_DOUBLE_get(byte[] b, int o) {
    return Double.longBitsToDouble(VH_LE_LONG_get(b, o));
  }

  public static short VH_BE_SHORT_get(byte[] b, int o) {
    check(b, o, 2);
    return (short) be(b, o, 2);
  }

  public static int VH_BE_INT_get(byte[] b, int o) {
    check(b, o, 4);
    return (int) be(b, o, 4);
  }

  public static long VH_BE_LONG_get(byte[] b, int o) {
    check(b, o, 8);
    return be(b, o, 8);
  }

  public static float VH_BE_FLOAT_get(byte[] b, int o) {
    return Float.intBitsToFloat(VH_BE_INT_get(b, o));
  }

  public static double VH_BE_DOUBLE_get(byte[] b, int o) {
    return Double.longBitsToDouble(VH_BE_LONG_get(b, o));
  }

  public static void VH_LE_SHORT_set(byte[] b, int o, short v) {
    putLe(b, o, 2, v);
  }

  public static void VH_LE_INT_set(byte[] b, int o, int v) {
    putLe(b, o, 4, v);
  }

  public static void VH_LE_LONG_set(byte[] b, int o, long v) {
    putLe(b, o, 8, v);
  }

  public static void VH_LE_FLOAT_set(byte[] b, int o, float v) {
    putLe(b, o, 4, Float.floatToRawIntBits(v));
  }

  public static void VH_LE_DOUBLE_set(byte[] b, int o, double v) {
    putLe(b, o, 8, Double.doubleToRawLongBits(v));
  }

  public static void VH_BE_SHORT_set(byte[] b, int o, short v) {
    putBe(b, o, 2, v);
  }

  public static void VH_BE_INT_set(byte[] b, int o, int v) {
    putBe(b, o, 4, v);
  }

  public static void VH_BE_LONG_set(byte[] b, int o, long v) {
    putBe(b, o, 8, v);
  }

  public static void VH_BE_FLOAT_set(byte[] b, int o, float v) {
    putBe(b, o, 4, Float.floatToRawIntBits(v));
  }

  public static void VH_BE_DOUBLE_set(byte[] b, int o, double v) {
    putBe(b, o, 8, Double.doubleToRawLongBits(v));
  }
}
