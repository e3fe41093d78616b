package org.broadsheet.web.jdk;

/**
 * Java's float rounding for TeaVM's JavaScript target (see {@code ExactFloatsForJs}): TeaVM
 * implements the bit conversions with a Float32Array, so the round trip rounds a JS double to
 * float.
 */
public final class JsFloats {
  private JsFloats() {}

  public static float fround(float x) {
    return Float.intBitsToFloat(Float.floatToRawIntBits(x));
  }
}
