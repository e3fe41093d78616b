package org.broadsheet.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An XML element read by {@link SafeXml}, with where it starts. Mappers read the elements they
 * understand through {@link #child}, {@link #children} and {@link #text}, which mark them used;
 * what is left unused afterwards ({@link #unused}) is what an importer could not map, and is
 * reported with its position.
 */
final class XmlNode {
  final String name; // local name
  final String namespace;
  final int line;
  final int column;
  final Map<String, String> attributes = new LinkedHashMap<>();
  final List<XmlNode> children = new ArrayList<>();
  final StringBuilder ownText = new StringBuilder();

  /** Text and child elements in document order: a String or an XmlNode. */
  final List<Object> content = new ArrayList<>();

  private boolean used;
  XmlNode parent;

  XmlNode(String name, String namespace, int line, int column) {
    this.name = name;
    this.namespace = namespace == null ? "" : namespace;
    this.line = line;
    this.column = column;
  }

  /** Marks {@code n} used, and the elements around it (a container of something read is read). */
  private static XmlNode touch(XmlNode n) {
    for (XmlNode at = n; at != null && !at.used; at = at.parent) {
      at.used = true;
    }
    n.used = true;
    return n;
  }

  /** The first child of that local name, marked used. */
  Optional<XmlNode> child(String local) {
    for (XmlNode c : children) {
      if (c.name.equals(local)) {
        return Optional.of(touch(c));
      }
    }
    return Optional.empty();
  }

  /** The first element of that local name at any depth below, marked used. */
  Optional<XmlNode> find(String local) {
    for (XmlNode c : children) {
      if (c.name.equals(local)) {
        return Optional.of(touch(c));
      }
      Optional<XmlNode> deeper = c.find(local);
      if (deeper.isPresent()) {
        return deeper;
      }
    }
    return Optional.empty();
  }

  /** Every child of that local name, marked used. */
  List<XmlNode> children(String local) {
    List<XmlNode> out = new ArrayList<>();
    for (XmlNode c : children) {
      if (c.name.equals(local)) {
        out.add(touch(c));
      }
    }
    return out;
  }

  /** Every element of that local name at any depth below, marked used. */
  List<XmlNode> findAll(String local) {
    List<XmlNode> out = new ArrayList<>();
    for (XmlNode c : children) {
      if (c.name.equals(local)) {
        out.add(touch(c));
      } else {
        out.addAll(c.findAll(local));
      }
    }
    return out;
  }

  /** The text of this element and all below it, whitespace collapsed; marks the subtree used. */
  String text() {
    markUsed();
    StringBuilder sb = new StringBuilder();
    collect(sb);
    return sb.toString().replaceAll("\\s+", " ").replaceAll(" ([,;:])", "$1").strip();
  }

  /** The text of the first child of that name, or empty. */
  Optional<String> childText(String local) {
    return child(local).map(XmlNode::text).filter(s -> !s.isEmpty());
  }

  Optional<String> attr(String local) {
    String v = attributes.get(local);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  void markUsed() {
    touch(this);
    children.forEach(XmlNode::markUsed);
  }

  /** Marks this element used without its children (a container whose parts are read one by one). */
  XmlNode use() {
    return touch(this);
  }

  /** The topmost elements below this one that no mapper read. */
  List<XmlNode> unused() {
    List<XmlNode> out = new ArrayList<>();
    for (XmlNode c : children) {
      if (!c.used) {
        out.add(c);
      } else {
        out.addAll(c.unused());
      }
    }
    return out;
  }

  /** This element and its subtree as plain values, to keep in front matter: text or a mapping. */
  Object toValue() {
    if (children.isEmpty() && attributes.isEmpty()) {
      return text();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    attributes.forEach((k, v) -> out.put("@" + k, v));
    for (XmlNode c : children) {
      Object v = c.toValue();
      Object before = out.get(c.name);
      if (before == null) {
        out.put(c.name, v);
      } else if (before instanceof List<?> list) {
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) list;
        l.add(v);
      } else {
        List<Object> l = new ArrayList<>();
        l.add(before);
        l.add(v);
        out.put(c.name, l);
      }
    }
    String own = ownText.toString().replaceAll("\\s+", " ").strip();
    if (!own.isEmpty()) {
      out.put("#text", own);
    }
    return out;
  }

  private void collect(StringBuilder sb) {
    for (Object o : content) {
      if (o instanceof XmlNode n) {
        sb.append(' ');
        n.collect(sb);
        sb.append(' ');
      } else {
        sb.append((String) o);
      }
    }
  }
}
