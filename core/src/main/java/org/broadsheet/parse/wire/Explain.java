package org.broadsheet.parse.wire;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.parse.ParseContext;
import org.broadsheet.parse.WireTextParser;
import org.broadsheet.source.SourceFile;
import org.broadsheet.source.TextDecoder;

/**
 * {@code broadsheet check --explain FILE}: what the wire parser made of one file, and why: each
 * field with where it came from, every block with its line, and every diagnostic.
 */
public final class Explain {
  private static final int SHOWN = 96;

  private Explain() {}

  /** A readable report on {@code file}; never throws for bad input (problems are in the report). */
  public static String explain(SourceFile file, ParseContext context) {
    StringBuilder out = new StringBuilder();
    out.append(file.relativePath()).append('\n');
    Diagnostics diagnostics = new Diagnostics();
    byte[] bytes;
    try {
      bytes = file.readBytes();
    } catch (IOException e) {
      return out.append("  cannot read: ").append(e.getMessage()).append('\n').toString();
    }
    field(out, "bytes", String.valueOf(bytes.length));
    if (!new WireTextParser().accepts(file)) {
      return otherKind(out, file, context, diagnostics);
    }
    Optional<String> text = TextDecoder.decode(bytes, file.relativePath(), diagnostics);
    Optional<WireStory> story = Optional.empty();
    if (text.isPresent() && text.get().isBlank()) {
      diagnostics.add(
          Diagnostic.error(file.relativePath(), "file holds only whitespace; no article"));
    } else if (text.isPresent()) {
      story = new WireTextParser().read(file, text.get(), context, diagnostics);
    }
    story.ifPresent(s -> fields(out, s));
    story.ifPresent(s -> blocks(out, s.document().blocks()));
    story.ifPresent(s -> footer(out, s.document().footer()));
    diagnosticsAndResult(out, diagnostics, story.map(s -> s.article().slug()));
    return out.toString();
  }

  /**
   * A file the wire parser does not read (Markdown): the fields the standard parsers give, and the
   * diagnostics.
   */
  private static String otherKind(
      StringBuilder out, SourceFile file, ParseContext context, Diagnostics diagnostics) {
    field(
        out,
        "parser",
        "not wire text (." + file.extension() + "); fields as the standard parsers read them");
    Optional<Article> article =
        org.broadsheet.parse.Parsers.standard(context).parse(file, diagnostics);
    article.ifPresent(
        a -> {
          field(out, "id", a.id());
          field(out, "title", a.title());
          field(
              out,
              "date",
              a.date()
                  .map(d -> d.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                  .orElse("undated"));
          field(out, "dateline", a.dateline().isEmpty() ? "none" : a.dateline());
          field(out, "source", a.source().isEmpty() ? "none" : a.source());
          field(out, "license", a.license().isEmpty() ? "none" : a.license());
          field(out, "body", a.body().wordCount() + " words");
        });
    diagnosticsAndResult(out, diagnostics, article.map(Article::slug));
    return out.toString();
  }

  private static void diagnosticsAndResult(
      StringBuilder out, Diagnostics diagnostics, Optional<String> slug) {
    List<Diagnostic> all = diagnostics.snapshot();
    out.append(all.isEmpty() ? "diagnostics: none\n" : "diagnostics:\n");
    for (Diagnostic d : all) {
      out.append("  ").append(d.format().replace("\n", "\n  ")).append('\n');
    }
    out.append(slug.map(s -> "result: article '" + s + "'\n").orElse("result: no article\n"));
  }

  private static void fields(StringBuilder out, WireStory s) {
    Article a = s.article();
    WireDocument doc = s.document();
    field(out, "id", a.id());
    field(out, "title", a.title() + "  (from " + s.titleFrom() + ")");
    field(
        out,
        "date",
        a.date()
            .map(
                d ->
                    d.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        + "  (from "
                        + s.dateFrom()
                        + ")")
            .orElse(s.dateFrom()));
    field(
        out,
        "dateline",
        doc.dateline()
            .map(
                d ->
                    d.place()
                        + d.monthDay()
                            .map(
                                md ->
                                    ", "
                                        + md.getMonth()
                                            .getDisplayName(
                                                java.time.format.TextStyle.SHORT,
                                                java.util.Locale.ENGLISH)
                                        + " "
                                        + md.getDayOfMonth())
                            .orElse("")
                        + (d.agency().isEmpty() ? "" : " (" + d.agency() + ")"))
            .orElse("none"));
    field(
        out,
        "source",
        a.source().isEmpty() ? "none" : a.source() + "  (from " + s.sourceFrom() + ")");
    field(out, "license", a.license().isEmpty() ? "none" : a.license());
    field(out, "authors", a.authors().isEmpty() ? "none" : String.join(", ", a.authors()));
    if (!a.section().isEmpty() || !a.tags().isEmpty()) {
      field(out, "section", a.section());
      field(out, "tags", String.join(", ", a.tags()));
    }
    if (!s.url().isEmpty()) {
      field(out, "url", s.url());
    }
    field(out, "summary", shorten(a.summary()));
    field(
        out,
        "body",
        doc.count(Block.Kind.PARAGRAPH)
            + " paragraph(s), "
            + doc.count(Block.Kind.HEADING)
            + " subheading(s), "
            + doc.count(Block.Kind.PREFORMATTED)
            + " preformatted block(s), "
            + a.body().wordCount()
            + " words");
  }

  private static void blocks(StringBuilder out, List<Block> blocks) {
    out.append("blocks:\n");
    for (Block b : blocks) {
      String tag =
          switch (b.kind()) {
            case PARAGRAPH -> "p  ";
            case HEADING -> "h2 ";
            case PREFORMATTED -> "pre";
          };
      String first =
          b.kind() == Block.Kind.PREFORMATTED
              ? b.text().lines().findFirst().orElse("")
                  + "  ["
                  + b.text().lines().count()
                  + " lines]"
              : b.text();
      out.append(String.format("  %s line %-5d %s%n", tag, b.line(), shorten(first)));
    }
  }

  private static void footer(StringBuilder out, Footer footer) {
    for (String removed : footer.removed()) {
      field(out, "removed", shorten(removed));
    }
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append(String.format("  %-9s %s%n", name, value));
  }

  private static String shorten(String s) {
    return s.length() <= SHOWN ? s : s.substring(0, SHOWN - 1) + "…";
  }
}
