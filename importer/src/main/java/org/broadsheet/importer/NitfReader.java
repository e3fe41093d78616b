package org.broadsheet.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.broadsheet.diag.Diagnostics;

/**
 * IPTC NITF 3.x news items: headline ({@code hedline/hl1}), dateline, byline, the paragraphs of
 * {@code body.content}, subjects ({@code tobject.subject}, {@code key-list}), the issue date, and
 * the copyright holder and rights as source and licence. The id is {@code doc-id/@id-string}.
 */
final class NitfReader implements StoryReader {
  @Override
  public String name() {
    return "nitf";
  }

  @Override
  public void read(Input input, Consumer<Story> out, Diagnostics diagnostics) throws IOException {
    Path file = input.file();
    String path = input.path();
    Origin origin = Origin.of(path);
    Optional<XmlNode> document = SafeXml.document(file, origin, "NITF", diagnostics);
    if (document.isEmpty()) {
      return;
    }
    XmlNode nitf = document.get();
    if (!nitf.name.equals("nitf")) {
      diagnostics.add(origin.error("not NITF: the root element is <" + nitf.name + ">"));
      return;
    }
    Unmapped unmapped = new Unmapped();
    map(nitf, origin, input.key(), unmapped, diagnostics).ifPresent(out);
    unmapped.report(diagnostics);
  }

  /** A story from an {@code <nitf>} element (also inside a NewsML-G2 item). */
  Optional<Story> map(
      XmlNode nitf, Origin origin, String key, Unmapped unmapped, Diagnostics diagnostics) {
    Origin at = origin.at(nitf.line, nitf.column);
    Story.Builder b = new Story.Builder(at, name());
    nitf.use();
    XmlNode head = nitf.child("head").map(XmlNode::use).orElse(new XmlNode("head", "", 0, 0));
    XmlNode body = nitf.child("body").map(XmlNode::use).orElse(new XmlNode("body", "", 0, 0));
    XmlNode docdata = head.child("docdata").map(XmlNode::use).orElse(new XmlNode("d", "", 0, 0));
    XmlNode bodyHead = body.child("body.head").map(XmlNode::use).orElse(new XmlNode("b", "", 0, 0));
    Optional<String> docId = docdata.child("doc-id").flatMap(d -> d.attr("id-string"));
    if (docId.isEmpty()) {
      diagnostics.add(
          at.warning("no <doc-id id-string=...> in <docdata>; keyed by the file's path instead"));
    }
    b.id = docId.orElse("file:" + key);
    head.child("title"); // the same as hl1, or a stand-in for it
    docdata.child("date.release");
    b.title =
        bodyHead
            .child("hedline")
            .map(XmlNode::use)
            .flatMap(h -> h.childText("hl1"))
            .or(() -> head.childText("title"))
            .orElse("");
    bodyHead
        .child("hedline")
        .flatMap(h -> h.childText("hl2"))
        .ifPresent(sub -> b.keep("subtitle", sub));
    b.date =
        docdata
            .child("date.issue")
            .flatMap(d -> d.attr("norm"))
            .flatMap(ImportDates::parse)
            .or(
                () ->
                    bodyHead
                        .find("story.date")
                        .flatMap(d -> d.attr("norm"))
                        .flatMap(ImportDates::parse))
            .or(
                () ->
                    docdata
                        .child("date.release")
                        .flatMap(d -> d.attr("norm"))
                        .flatMap(ImportDates::parse));
    if (b.date.isEmpty()) {
      diagnostics.add(at.warning("no date (date.issue, story.date or date.release); undated"));
    }
    for (XmlNode byline : bodyHead.children("byline")) {
      List<XmlNode> persons = byline.findAll("person");
      if (persons.isEmpty()) {
        b.authors.add(byline.text().replaceFirst("(?i)^by\\s+", ""));
      } else {
        persons.forEach(p -> b.authors.add(p.text()));
      }
      byline.find("byttl").ifPresent(t -> b.keep("bylineTitle", t.text()));
      byline.markUsed();
    }
    bodyHead
        .child("dateline")
        .ifPresent(
            d -> {
              Optional<String> place = d.find("location").map(XmlNode::text);
              d.markUsed();
              String text = d.text();
              b.dateline = place.orElse(text.replaceAll(",?\\s*[A-Z][a-z]{2,8}\\.? \\d{1,2}$", ""));
              b.keep("datelineText", text);
            });
    b.summary = bodyHead.child("abstract").map(XmlNode::text).orElse("");
    List<String> subjects = new ArrayList<>();
    for (XmlNode s : head.findAll("tobject.subject")) {
      String matter =
          s.attr("tobject.subject.detail")
              .or(() -> s.attr("tobject.subject.matter"))
              .or(() -> s.attr("tobject.subject.type"))
              .orElse("");
      b.tags.add(matter);
      s.attr("tobject.subject.refnum").ifPresent(subjects::add);
    }
    head.child("tobject").ifPresent(t -> t.attr("tobject.type").ifPresent(v -> b.keep("type", v)));
    for (XmlNode k : docdata.findAll("keyword")) {
      k.attr("key").ifPresent(b.tags::add);
    }
    if (!subjects.isEmpty()) {
      b.keep("subjectCodes", subjects);
    }
    head.find("pubdata").flatMap(p -> p.attr("position.section")).ifPresent(s -> b.section = s);
    Optional<XmlNode> copyright = docdata.child("doc.copyright");
    Optional<XmlNode> rights = docdata.child("doc.rights");
    String holder =
        copyright
            .flatMap(c -> c.attr("holder"))
            .or(() -> rights.flatMap(r -> r.attr("owner")))
            .or(() -> bodyHead.childText("distributor"))
            .orElse("");
    b.source = holder;
    String terms = rights.flatMap(r -> r.attr("limitations").or(() -> r.attr("type"))).orElse("");
    String year = copyright.flatMap(c -> c.attr("year")).orElse("");
    b.license =
        !terms.isEmpty()
            ? Licences.of(terms)
            : holder.isEmpty() ? "" : "© " + (year.isEmpty() ? "" : year + " ") + holder;
    rights.ifPresent(r -> b.keep("rights", r.toValue()));
    copyright.ifPresent(c -> b.keep("copyright", c.toValue()));
    bodyHead.childText("distributor").ifPresent(d -> b.keep("distributor", d));
    b.lang = nitf.attr("lang").orElse("");
    Optional<XmlNode> content = body.child("body.content");
    b.markdown = content.map(XmlBody::markdown).orElse("");
    if (b.markdown.isBlank()) {
      diagnostics.add(at.warning("no paragraphs in <body.content>; the article is empty"));
    }
    body.child("body.end").ifPresent(e -> b.keep("bodyEnd", e.text()));
    docdata.child("urgency").flatMap(u -> u.attr("ed-urg")).ifPresent(u -> b.keep("urgency", u));
    Map<String, Object> rest = new LinkedHashMap<>();
    for (XmlNode n : nitf.unused()) {
      rest.merge(n.name, n.toValue(), (x, y) -> x + "; " + y);
      unmapped.add("<" + n.name + ">", origin.at(n.line, n.column));
    }
    if (!rest.isEmpty()) {
      b.keep("nitf", rest);
    }
    return Optional.of(b.build());
  }
}
