package org.broadsheet.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The imports a WebAssembly module declares, read from its import section (section 2), as {@code
 * module.name}.
 *
 * <pre>
 *   module: "\0asm" version:u32, then sections: id:u8 size:uleb128 bytes
 *   import section: count:uleb128, then per import: module:name field:name kind:u8 description
 *   name: length:uleb128 UTF-8 bytes
 *   description: 0 function (type index), 1 table (reference type, limits), 2 memory (limits),
 *                3 global (value type, mutability), 4 tag (attribute, type index)
 *   limits: flags:u8 min:uleb128 [max:uleb128 if flags &amp; 1]
 * </pre>
 */
final class WasmImports {
  private final byte[] b;
  private int p;

  private WasmImports(byte[] bytes) {
    this.b = bytes;
  }

  static List<String> of(byte[] module) {
    if (module.length < 8 || module[0] != 0 || module[1] != 'a' || module[2] != 's') {
      throw new IllegalArgumentException("not a WebAssembly module");
    }
    WasmImports r = new WasmImports(module);
    r.p = 8;
    while (r.p < module.length) {
      int id = module[r.p++];
      int size = r.uleb();
      if (id == 2) {
        return r.imports();
      }
      r.p += size;
    }
    return List.of();
  }

  private List<String> imports() {
    List<String> out = new ArrayList<>();
    for (int n = uleb(); n > 0; n--) {
      String module = name();
      String field = name();
      int kind = b[p++];
      switch (kind) {
        case 0 -> uleb();
        case 1 -> {
          valueType();
          limits();
        }
        case 2 -> limits();
        case 3 -> {
          valueType();
          p++;
        }
        case 4 -> {
          p++;
          uleb();
        }
        default -> throw new IllegalArgumentException("import kind " + kind + " at " + p);
      }
      out.add(module + "." + field);
    }
    return out;
  }

  /**
   * A value type: one byte, or a reference type with a heap type ({@code ref}, {@code ref null}).
   */
  private void valueType() {
    int t = b[p++] & 0xFF;
    if (t == 0x63 || t == 0x64) {
      while ((b[p++] & 0x80) != 0) {
        // the heap type: a signed LEB128
      }
    }
  }

  private void limits() {
    int flags = b[p++];
    uleb();
    if ((flags & 1) != 0) {
      uleb();
    }
  }

  private String name() {
    int n = uleb();
    String s = new String(b, p, n, java.nio.charset.StandardCharsets.UTF_8);
    p += n;
    return s;
  }

  private int uleb() {
    int value = 0;
    for (int shift = 0; ; shift += 7) {
      int x = b[p++];
      value |= (x & 0x7F) << shift;
      if ((x & 0x80) == 0) {
        return value;
      }
    }
  }
}
