package org.broadsheet.search;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;

/**
 * A hit's stored fields as text, the first value of each, as {@code Document.get} gives them: every
 * field {@link SearchSchema} stores is a string. Reading them without Lucene's {@code Document}
 * keeps its field classes, and the number formatting they reach, out of the browser runtime.
 */
final class StoredText extends StoredFieldVisitor {
  private final Map<String, String> values = new HashMap<>();

  @Override
  public Status needsField(FieldInfo fieldInfo) {
    return Status.YES;
  }

  @Override
  public void stringField(FieldInfo fieldInfo, String value) {
    values.putIfAbsent(fieldInfo.name, value);
  }

  /** The field's first stored value, or null. */
  String get(String field) {
    return values.get(field);
  }
}
