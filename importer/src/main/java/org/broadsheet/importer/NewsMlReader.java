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
 * IPTC NewsML-G2 news items, alone or in a {@code newsMessage}: the guid is the id; headline,
 * dateline, byline ({@code by}, else the creators), subjects, the content dates, and the body from
 * {@code contentSet} (inline XHTML or NITF, else plain text); {@code rightsInfo}'s copyright holder
 * is the source and its usage terms (or a licence link) the licence. A withheld item is a draft, a
 * cancelled one is left out.
 */
final class NewsMlReader implements StoryReader {
  @Override
  public String name() {
    return "newsml";
  }

  @Override
  public void read(Input input, Consumer<Story> out, Diagnostics diagnostics) throws IOException {
    Path file = input.file();
    String path = input.path();
    Origin origin = Origin.of(path);
    Optional<XmlNode> document = SafeXml.document(file, origin, "NewsML-G2", diagnostics);
    if (document.isEmpty()) {
      return;
    }
    XmlNode root = document.get();
    List<XmlNode> items = new ArrayList<>();
    if (root.name.equals("newsItem")) {
      items.add(root);
    } else if (root.name.equals("newsMessage")) {
      root.use();
      root.child("header").ifPresent(XmlNode::markUsed);
      root.child("itemSet").ifPresent(set -> items.addAll(set.use().children("newsItem")));
      root.findAll("packageItem")
          .forEach(
              p ->
                  diagnostics.add(
                      origin
                          .at(p.line, p.column)
                          .note("packageItem left out: only news items are imported")));
    } else {
      diagnostics.add(origin.error("not NewsML-G2: the root element is <" + root.name + ">"));
      return;
    }
    Unmapped unmapped = new Unmapped();
    for (XmlNode item : items) {
      try {
        map(item, origin, unmapped, diagnostics).ifPresent(out);
      } catch (RuntimeException e) {
        diagnostics.add(origin.at(item.line, item.column).error("cannot read this item: " + e));
      }
    }
    unmapped.report(diagnostics);
  }

  private Optional<Story> map(
      XmlNode item, Origin origin, Unmapped unmapped, Diagnostics diagnostics) {
    Origin at = origin.at(item.line, item.column);
    item.use();
    Story.Builder b = new Story.Builder(at, name());
    Optional<String> guid = item.attr("guid");
    if (guid.isEmpty()) {
      diagnostics.add(at.error("newsItem has no guid to key it by; left out"));
      return Optional.empty();
    }
    b.id = guid.get();
    item.attr("version").ifPresent(v -> b.keep("version", v));
    b.lang = item.attr("lang").orElse("");
    XmlNode meta = item.child("itemMeta").map(XmlNode::use).orElse(new XmlNode("m", "", 0, 0));
    XmlNode content =
        item.child("contentMeta").map(XmlNode::use).orElse(new XmlNode("c", "", 0, 0));
    String status = meta.child("pubStatus").flatMap(s -> s.attr("qcode")).orElse("stat:usable");
    if (status.endsWith(":canceled")) {
      diagnostics.add(at.note("cancelled item (" + status + "); left out"));
      return Optional.empty();
    }
    b.draft = status.endsWith(":withheld");
    meta.child("itemClass").flatMap(c -> c.attr("qcode")).ifPresent(c -> b.keep("itemClass", c));
    meta.child("provider")
        .ifPresent(
            p -> b.keep("provider", p.attr("qcode").or(() -> p.attr("literal")).orElse(p.text())));
    meta.childText("edNote").ifPresent(n -> b.keep("edNote", n));
    b.title = content.childText("headline").orElse("");
    // read below as stand-ins for one another
    List.of("versionCreated", "firstCreated").forEach(meta::child);
    List.of("located", "language").forEach(n -> content.child(n).ifPresent(XmlNode::markUsed));
    content.childText("slugline").ifPresent(s -> b.keep("slugline", s));
    b.date =
        content
            .childText("contentCreated")
            .flatMap(ImportDates::parse)
            .or(() -> meta.childText("firstCreated").flatMap(ImportDates::parse))
            .or(() -> meta.childText("versionCreated").flatMap(ImportDates::parse));
    b.updated =
        content
            .childText("contentModified")
            .or(() -> meta.childText("versionCreated"))
            .flatMap(ImportDates::parse)
            .filter(u -> !Optional.of(u).equals(b.date));
    if (b.date.isEmpty()) {
      diagnostics.add(
          at.warning("no date (contentCreated, firstCreated, versionCreated); undated"));
    }
    Optional<String> by = content.childText("by");
    List<XmlNode> creators = content.children("creator");
    if (!creators.isEmpty()) {
      creators.forEach(
          c -> b.authors.add(c.childText("name").orElse(c.attr("literal").orElse(""))));
    } else {
      by.ifPresent(text -> b.authors.add(text.replaceFirst("(?i)^by\\s+", "")));
    }
    by.ifPresent(text -> b.keep("byline", text));
    b.dateline =
        content
            .childText("dateline")
            .map(d -> d.replaceAll(",?\\s*[A-Z][a-z]{2,8}\\.? \\d{1,2}$", ""))
            .or(() -> content.child("located").flatMap(l -> l.childText("name")))
            .orElse("");
    List<Map<String, Object>> subjects = new ArrayList<>();
    for (XmlNode s : content.children("subject")) {
      String label =
          s.childText("name").orElse(s.attr("qcode").orElse(s.attr("literal").orElse("")));
      b.tags.add(label);
      Map<String, Object> subject = new LinkedHashMap<>();
      s.attr("qcode").ifPresent(q -> subject.put("qcode", q));
      s.attr("type").ifPresent(t -> subject.put("type", t));
      subject.put("name", label);
      subjects.add(subject);
    }
    content.children("keyword").forEach(k -> b.tags.add(k.text()));
    if (!subjects.isEmpty()) {
      b.keep("subjects", subjects);
    }
    content.children("genre").forEach(g -> g.attr("qcode").ifPresent(q -> b.keep("genre", q)));
    content.children("description").stream()
        .filter(d -> d.attr("role").map(r -> r.endsWith("summary")).orElse(true))
        .findFirst()
        .ifPresent(d -> b.summary = d.text());
    if (b.lang.isEmpty()) {
      b.lang = content.child("language").flatMap(l -> l.attr("tag")).orElse("");
    }
    rights(item, b);
    body(item, b, origin, unmapped, diagnostics);
    Map<String, Object> rest = new LinkedHashMap<>();
    for (XmlNode n : item.unused()) {
      rest.merge(n.name, n.toValue(), (x, y) -> x + "; " + y);
      unmapped.add("<" + n.name + ">", origin.at(n.line, n.column));
    }
    if (!rest.isEmpty()) {
      b.keep("newsml", rest);
    }
    return Optional.of(b.build());
  }

  private static void rights(XmlNode item, Story.Builder b) {
    Optional<XmlNode> info = item.child("rightsInfo");
    if (info.isEmpty()) {
      return;
    }
    XmlNode rights = info.get();
    String holder =
        rights
            .child("copyrightHolder")
            .map(h -> h.childText("name").or(() -> h.attr("literal")).orElse(h.text()))
            .orElse("");
    b.source = holder;
    Optional<String> terms = rights.childText("usageTerms");
    Optional<String> link =
        rights.children("link").stream()
            .map(l -> l.attr("href").orElse(""))
            .filter(h -> !h.isEmpty())
            .findFirst();
    Optional<String> notice = rights.childText("copyrightNotice");
    b.license =
        link.flatMap(Licences::spdx)
            .or(() -> terms.flatMap(Licences::spdx))
            .or(() -> terms)
            .or(() -> notice)
            .map(Licences::of)
            .orElse(holder.isEmpty() ? "" : "© " + holder);
    b.keep("rights", rights.toValue());
    rights.markUsed();
  }

  private void body(
      XmlNode item, Story.Builder b, Origin origin, Unmapped unmapped, Diagnostics diagnostics) {
    Origin at = origin.at(item.line, item.column);
    Optional<XmlNode> set = item.child("contentSet").map(XmlNode::use);
    if (set.isEmpty()) {
      diagnostics.add(at.warning("no <contentSet>: the article has no body"));
      return;
    }
    for (XmlNode inline : set.get().children("inlineXML")) {
      Optional<XmlNode> nitf = inline.find("nitf");
      if (nitf.isPresent()) {
        Diagnostics ignored = new Diagnostics();
        new NitfReader()
            .map(nitf.get(), origin, b.id, new Unmapped(), ignored)
            .ifPresent(
                s -> {
                  b.markdown = s.markdown();
                  if (b.title.isEmpty()) {
                    b.title = s.title();
                  }
                });
        inline.markUsed();
        return;
      }
      Optional<XmlNode> html = inline.find("body").or(() -> Optional.of(inline));
      b.markdown = XmlBody.markdown(html.get());
      inline.markUsed();
      return;
    }
    for (XmlNode data : set.get().children("inlineData")) {
      b.markdown = HtmlToMarkdown.plainText(data.text().isEmpty() ? "" : rawText(data));
      return;
    }
    set.get()
        .children("remoteContent")
        .forEach(
            r ->
                unmapped.add(
                    "<remoteContent> (a body held elsewhere)", origin.at(r.line, r.column)));
    diagnostics.add(
        at.warning("no inlineXML or inlineData in <contentSet>: the article has no body"));
  }

  private static String rawText(XmlNode n) {
    n.markUsed();
    return n.ownText.toString();
  }
}
