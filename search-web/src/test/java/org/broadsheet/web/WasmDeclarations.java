package org.broadsheet.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The imports and exports a WebAssembly module declares, read from its import section (section 2)
 * as {@code module.name}, and from its export section (section 7) as {@code name=index}.
 *
 * <pre>
 *   module: "\0asm" version:u32, then sections: id:u8 size:uleb128 bytes
 *   import section: count:uleb128, then per import: module:name field:name kind:u8 description
 *   export section: count:uleb128, then per export: name kind:u8 index:uleb128
 *   name: length:uleb128 UTF-8 bytes
 *   description: 0 function (type index), 1 table (reference type, limits), 2 memory (limits),
 *                3 global (value type, mutability), 4 tag (attribute, type index)
 *   limits: flags:u8 min:uleb128 [max:uleb128 if flags &amp; 1]
 * </pre>
 */
final class WasmDeclarations {
  private final byte[] b;
  private int p;

  private WasmDeclarations(byte[] bytes) {
    this.b = bytes;
  }

  static List<String> imports(byte[] module) {
    WasmDeclarations r = at(module, 2);
    return r == null ? List.of() : r.imports();
  }

  static List<String> exports(byte[] module) {
    WasmDeclarations r = at(module, 7);
    return r == null ? List.of() : r.exports();
  }

  /** A reader at the body of the module's section {@code id}, or null without one. */
  private static WasmDeclarations at(byte[] module, int id) {
    if (module.length < 8 || module[0] != 0 || module[1] != 'a' || module[2] != 's') {
      throw new IllegalArgumentException("not a WebAssembly module");
    }
    WasmDeclarations r = new WasmDeclarations(module);
    r.p = 8;
    while (r.p < module.length) {
      int section = module[r.p++];
      int size = r.uleb();
      if (section == id) {
        return r;
      }
      r.p += size;
    }
    return null;
  }

  private List<String> exports() {
    List<String> out = new ArrayList<>();
    for (int n = uleb(); n > 0; n--) {
      String name = name();
      p++; // the kind
      out.add(name + "=" + uleb());
    }
    return out;
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
