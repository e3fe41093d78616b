package org.broadsheet.parse;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.content.Article;
import org.broadsheet.content.Body;
import org.broadsheet.content.Slugs;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.parse.wire.BodyRenderer;
import org.broadsheet.parse.wire.Dateline;
import org.broadsheet.parse.wire.Headlines;
import org.broadsheet.parse.wire.WireDates;
import org.broadsheet.parse.wire.WireDocument;
import org.broadsheet.parse.wire.WireReader;
import org.broadsheet.parse.wire.WireStory;
import org.broadsheet.source.SourceFile;

/**
 * Raw plain-text wire copy ({@code .txt}). The text itself gives the structure (see {@link
 * WireReader}): dateline, paragraphs, subheadings, tables, licence and sign-off. The fields nobody
 * typed come from outside it: the sidecar ({@code <name>.yaml|.yml|.json}), then the archive's
 * {@code _metadata.csv}, then the text (a brief's headline, a headline made from the lead). The id
 * is the file name without its {@code NNN_} prefix, so URLs stay stable.
 */
public final class WireTextParser implements ArticleParser {
  private static final Pattern ID_FROM_NAME = Pattern.compile("^\\d+_(.+)$");
  private static final int SUMMARY_LENGTH = 220;

  @Override
  public boolean accepts(SourceFile file) {
    return file.extension().equals("txt");
  }

  @Override
  public Optional<Article> parse(
      SourceFile file, String text, ParseContext context, Diagnostics diagnostics) {
    return read(file, text, context, diagnostics).map(WireStory::article);
  }

  /**
   * The article with the reasons behind its fields; empty (with an error) when there is no article.
   */
  public Optional<WireStory> read(
      SourceFile file, String text, ParseContext context, Diagnostics diagnostics) {
    String path = file.relativePath();
    Optional<Sidecars.Sidecar> side = Sidecars.read(file, context, diagnostics);
    if (side.isEmpty()) {
      return Optional.empty();
    }
    Optional<Metadata> sidecar = side.map(Sidecars.Sidecar::metadata);
    Optional<MetadataCsv.Entry> row = context.archive().find(file, context, diagnostics);
    Metadata fromCsv = row.map(MetadataCsv.Entry::metadata).orElse(Metadata.EMPTY);
    Metadata meta = sidecar.get().orElse(fromCsv);
    WireDocument doc = WireReader.read(text);
    if (doc.controlCharacters() > 0) {
      diagnostics.add(
          Diagnostic.note(
              path,
              "removed "
                  + doc.controlCharacters()
                  + " stray control character(s) (form feeds and the like became line breaks)"));
    }
    if (doc.blocks().isEmpty()) {
      diagnostics.add(
          Diagnostic.error(path, 1, 1, emptyReason(doc), text.lines().findFirst().orElse("")));
      return Optional.empty();
    }
    OptionalInt csvYear = row.map(MetadataCsv.Entry::year).orElse(OptionalInt.empty());
    WireDates.Dating dating =
        WireDates.resolve(
            path,
            sidecar.get().date(),
            fromCsv.date(),
            side.get().year().isPresent() ? side.get().year() : csvYear,
            side.get().year().isPresent() ? "the sidecar" : "_metadata.csv",
            doc.dateline(),
            context.timeZone());
    if (dating.date().isEmpty()) {
      diagnostics.add(Diagnostic.warning(path, "undated: " + dating.how() + "; listed as undated"));
    }
    String titleFrom =
        sidecar.get().title().isPresent()
            ? "sidecar"
            : fromCsv.title().isPresent()
                ? "_metadata.csv"
                : !doc.briefHeadline().isEmpty() ? "brief headline" : "lead";
    String title =
        meta.title()
            .orElseGet(
                () ->
                    doc.briefHeadline().isEmpty()
                        ? Headlines.fromLead(doc.lead())
                        : doc.briefHeadline());
    String id = meta.id().orElseGet(() -> idFromName(file.baseName()));
    if (title.isBlank()) {
      title = id;
    }
    String agency = doc.dateline().map(Dateline::agency).map(WireTextParser::agencyName).orElse("");
    String source =
        meta.source().orElse(!doc.footer().source().isEmpty() ? doc.footer().source() : agency);
    String sourceFrom =
        meta.source().isPresent()
            ? (sidecar.get().source().isPresent() ? "sidecar" : "_metadata.csv")
            : !doc.footer().source().isEmpty()
                ? "footer"
                : !agency.isEmpty() ? "dateline agency code" : "";
    Body body = BodyRenderer.render(doc.blocks());
    String lead = body.text().substring(0, Math.min(body.text().length(), 4 * SUMMARY_LENGTH));
    Article article =
        new Article(
            id,
            meta.slug().map(Slugs::slugify).orElse(Slugs.slugify(id)),
            title,
            meta.summary().orElse(Summaries.lead(lead, SUMMARY_LENGTH)),
            dating.date(),
            meta.updated(),
            meta.authors().isEmpty() ? doc.authors() : meta.authors(),
            meta.dateline().orElse(doc.dateline().map(Dateline::place).orElse("")),
            meta.section().orElse(""),
            meta.tags(),
            source,
            meta.license().orElse(doc.footer().license()),
            meta.lang().orElse(context.language()),
            meta.draft(),
            path,
            body,
            meta.extras(),
            meta.image().map(i -> ImageRefs.resolve(i, path)));
    return Optional.of(
        new WireStory(
            doc,
            article,
            titleFrom,
            dating.date().isPresent() ? dating.how() : "undated: " + dating.how(),
            sourceFrom,
            row.map(MetadataCsv.Entry::url).orElse("")));
  }

  private static String emptyReason(WireDocument doc) {
    if (doc.dateline().isPresent()) {
      return "only a dateline ('" + doc.dateline().get().place() + "'), no body text; no article";
    }
    if (!doc.footer().removed().isEmpty()) {
      return "only a footer ("
          + String.join(" / ", doc.footer().removed())
          + "), no body text; no article";
    }
    return "no body text; no article";
  }

  private static String agencyName(String code) {
    return code.isEmpty() ? "" : org.broadsheet.parse.wire.WireReader.agencyName(code);
  }

  static String idFromName(String baseName) {
    Matcher m = ID_FROM_NAME.matcher(baseName);
    return m.matches() ? m.group(1) : baseName;
  }
}
