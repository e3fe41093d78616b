package org.broadsheet.web.teavm;

import java.nio.charset.Charset;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;

/**
 * WasmGC targets: {@code new String(bytes, charset)} decodes with {@link
 * org.broadsheet.web.jdk.Utf8Text} instead of TeaVM's {@code CharsetDecoder} over byte and char
 * buffers, so none of {@code java.nio.charset} is compiled in (the runtime only ever decodes UTF-8:
 * file, field and codec names, and the open bundle's). TeaVM's {@code String} keeps its text in a
 * {@code char[]} field, {@code characters}, on these targets (its {@code
 * DefaultStringTransformer}); the body of {@code initWithBytes}, which every byte-array constructor
 * calls, becomes {@code characters = Utf8Text.decode(bytes, offset, length, charset)}. The
 * JavaScript target keeps strings as JavaScript strings and TeaVM's own decoding.
 */
public final class DirectUtf8 implements ClassHolderTransformer {
  private static final MethodReference DECODE =
      new MethodReference(
          "org.broadsheet.web.jdk.Utf8Text",
          "decode",
          ValueType.arrayOf(ValueType.BYTE),
          ValueType.INTEGER,
          ValueType.INTEGER,
          ValueType.object(Charset.class.getName()),
          ValueType.arrayOf(ValueType.CHARACTER));

  @Override
  public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
    if (!cls.getName().equals(String.class.getName())) {
      return;
    }
    MethodHolder init =
        cls.getMethod(
            new MethodDescriptor(
                "initWithBytes", byte[].class, int.class, int.class, Charset.class, void.class));
    if (init == null || init.getProgram() == null) {
      throw new IllegalStateException(
          "TeaVM's String has no initWithBytes(byte[], int, int, Charset) to replace");
    }
    ProgramEmitter pe = ProgramEmitter.create(init, context.getHierarchy());
    ValueEmitter chars =
        pe.invoke(
            DECODE,
            pe.var(1, byte[].class),
            pe.var(2, int.class),
            pe.var(3, int.class),
            pe.var(4, Charset.class));
    pe.var(0, String.class).setField("characters", chars);
    pe.exit();
  }
}
