package org.broadsheet.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.broadsheet.diag.Diagnostics;

/**
 * XML reading that never fetches anything: no DTD processing (a document that declares one is
 * refused, so neither external entities nor "billion laughs" expansion can happen), no external
 * entities, no XInclude. Every XML importer reads through here.
 */
final class SafeXml {
  private SafeXml() {}

  static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setXMLResolver(
        (publicId, systemId, base, ns) -> {
          throw new XMLStreamException("external resource refused: " + systemId);
        });
    return f;
  }

  static XMLStreamReader open(InputStream in) throws XMLStreamException {
    return factory().createXMLStreamReader(in);
  }

  /**
   * Reads the element the reader stands on (a START_ELEMENT) and all below it; the reader is left
   * on its END_ELEMENT. A DTD anywhere is refused.
   */
  static XmlNode element(XMLStreamReader r) throws XMLStreamException {
    Location at = r.getLocation();
    XmlNode node =
        new XmlNode(
            r.getLocalName(), r.getNamespaceURI(), at.getLineNumber(), at.getColumnNumber());
    for (int i = 0; i < r.getAttributeCount(); i++) {
      node.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    }
    while (r.hasNext()) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          XmlNode child = element(r);
          child.parent = node;
          node.children.add(child);
          node.content.add(child);
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          node.ownText.append(r.getText());
          node.content.add(r.getText());
        }
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw new XMLStreamException(
                "entity '&" + r.getLocalName() + ";' is not defined (DTDs are not read)",
                r.getLocation());
        case XMLStreamConstants.DTD ->
            throw new XMLStreamException(
                "documents with a DTD (<!DOCTYPE ...>) are refused", r.getLocation());
        case XMLStreamConstants.END_ELEMENT -> {
          return node;
        }
        default -> {}
      }
    }
    throw new XMLStreamException("the document ends inside <" + node.name + ">", r.getLocation());
  }

  /** The whole document's root element. */
  static XmlNode document(InputStream in) throws XMLStreamException {
    XMLStreamReader r = open(in);
    try {
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.DTD) {
          throw new XMLStreamException(
              "documents with a DTD (<!DOCTYPE ...>) are refused", r.getLocation());
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          return element(r);
        }
      }
      throw new XMLStreamException("no root element", r.getLocation());
    } finally {
      r.close();
    }
  }

  /**
   * The root element of the document in {@code file}; empty, after an error "broken {@code kind}:
   * ...; not imported" at the parser's position, when the file is not well-formed XML or has a DTD.
   */
  static Optional<XmlNode> document(Path file, Origin origin, String kind, Diagnostics diagnostics)
      throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(document(in));
    } catch (XMLStreamException e) {
      diagnostics.add(at(origin, e).error("broken " + kind + ": " + message(e) + "; not imported"));
      return Optional.empty();
    }
  }

  /** Where the parser stopped, when it says. */
  static Origin at(Origin origin, XMLStreamException e) {
    return e.getLocation() == null
        ? origin
        : origin.at(e.getLocation().getLineNumber(), e.getLocation().getColumnNumber());
  }

  /** The parser's message on one line, without the position it prefixes. */
  static String message(XMLStreamException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    int detail = m.indexOf("Message: ");
    return (detail >= 0 ? m.substring(detail + 9) : m).replaceAll("\\s+", " ").strip();
  }

  /** The local name of the first element, without reading further; empty when not XML. */
  static Optional<String> rootName(byte[] head) {
    try {
      XMLStreamReader r = open(new java.io.ByteArrayInputStream(head));
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          return Optional.of(r.getLocalName());
        }
      }
    } catch (XMLStreamException | RuntimeException e) {
      // not XML, or cut short before the root
    }
    return Optional.empty();
  }
}
