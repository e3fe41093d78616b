package org.broadsheet.build;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.broadsheet.content.Article;
import org.broadsheet.content.ArticleImage;
import org.broadsheet.content.Body;
import org.broadsheet.content.Extras;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;
import org.broadsheet.image.Renditions;

/**
 * The one binary format of the build's own data: an article's summary (an {@link Article} without
 * its body), diagnostics, the index's entries, a picture's {@link Renditions}, and the strings,
 * lists and maps they are made of. It is what the {@link BuildCache} keeps between builds and what
 * a distributed build's parts and driver send each other ({@link SplitBuild}). Strings are
 * length-prefixed UTF-8; dates their instant and zone id; counts and pixel sizes 4-byte ints.
 */
public final class SummaryCodec {
  private SummaryCodec() {}

  public static void writeArticle(DataOutputStream out, Article a) throws IOException {
    for (String s :
        new String[] {
          a.id(),
          a.slug(),
          a.title(),
          a.summary(),
          a.dateline(),
          a.section(),
          a.source(),
          a.license(),
          a.lang(),
          a.sourcePath()
        }) {
      writeString(out, s);
    }
    writeDate(out, a.date());
    writeDate(out, a.updated());
    writeList(out, a.authors());
    writeList(out, a.tags());
    out.writeBoolean(a.draft());
    writeExtras(out, a.extras());
    out.writeBoolean(a.image().isPresent());
    if (a.image().isPresent()) {
      ArticleImage i = a.image().get();
      for (String s : new String[] {i.src(), i.alt(), i.caption(), i.credit()}) {
        writeString(out, s);
      }
    }
  }

  private static void writeExtras(DataOutputStream out, Extras e) throws IOException {
    writeList(out, e.aliases());
    writeString(out, e.weight().isPresent() ? String.valueOf(e.weight().getAsInt()) : "");
    writeDate(out, e.publishDate());
    writeDate(out, e.expiryDate());
    writeString(out, e.params().isEmpty() ? "" : JSON.std.asString(e.params()));
  }

  private static Extras readExtras(DataInputStream in) throws IOException {
    List<String> aliases = readList(in);
    String weight = readString(in);
    Optional<ZonedDateTime> publish = readDate(in);
    Optional<ZonedDateTime> expiry = readDate(in);
    String json = readString(in);
    Map<String, Object> params = json.isEmpty() ? Map.of() : JSON.std.mapFrom(json);
    return new Extras(
        aliases,
        weight.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(weight)),
        publish,
        expiry,
        params);
  }

  public static Article readArticle(DataInputStream in) throws IOException {
    String[] s = new String[10];
    for (int i = 0; i < s.length; i++) {
      s[i] = readString(in);
    }
    Optional<ZonedDateTime> date = readDate(in);
    Optional<ZonedDateTime> updated = readDate(in);
    List<String> authors = readList(in);
    List<String> tags = readList(in);
    boolean draft = in.readBoolean();
    Extras extras = readExtras(in);
    Optional<ArticleImage> image =
        in.readBoolean()
            ? Optional.of(
                new ArticleImage(readString(in), readString(in), readString(in), readString(in)))
            : Optional.empty();
    return new Article(
        s[0],
        s[1],
        s[2],
        s[3],
        date,
        updated,
        authors,
        s[4],
        s[5],
        tags,
        s[6],
        s[7],
        s[8],
        draft,
        s[9],
        Body.EMPTY,
        extras,
        image);
  }

  /**
   * A date as its instant and zone, which give back an equal {@link ZonedDateTime} (an instant has
   * one offset in a zone) without parsing text, the slowest part of reading a summary.
   */
  public static void writeDate(DataOutputStream out, Optional<ZonedDateTime> date)
      throws IOException {
    out.writeBoolean(date.isPresent());
    if (date.isPresent()) {
      out.writeLong(date.get().toEpochSecond());
      out.writeInt(date.get().getNano());
      writeString(out, date.get().getZone().getId());
    }
  }

  public static Optional<ZonedDateTime> readDate(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return Optional.empty();
    }
    Instant instant = Instant.ofEpochSecond(in.readLong(), in.readInt());
    try {
      return Optional.of(ZonedDateTime.ofInstant(instant, ZoneId.of(readString(in))));
    } catch (DateTimeException e) {
      throw new IOException("corrupt summary data: " + e.getMessage(), e);
    }
  }

  public static void writeDiagnostics(DataOutputStream out, List<Diagnostic> diagnostics)
      throws IOException {
    out.writeInt(diagnostics.size());
    for (Diagnostic d : diagnostics) {
      writeString(out, d.severity().name());
      writeString(out, d.path());
      out.writeInt(d.line());
      out.writeInt(d.column());
      writeString(out, d.message());
      writeString(out, d.sourceLine());
    }
  }

  public static List<Diagnostic> readDiagnostics(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<Diagnostic> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(
          new Diagnostic(
              Severity.valueOf(readString(in)),
              readString(in),
              in.readInt(),
              in.readInt(),
              readString(in),
              readString(in)));
    }
    return list;
  }

  /** The index's entries by id ({@link BuildCache.Indexed}). */
  static void writeIndexed(DataOutputStream out, Map<String, BuildCache.Indexed> indexed)
      throws IOException {
    out.writeInt(indexed.size());
    for (Map.Entry<String, BuildCache.Indexed> e : indexed.entrySet()) {
      writeString(out, e.getKey());
      writeString(out, e.getValue().sourcePath());
      writeString(out, e.getValue().hash());
      writeString(out, e.getValue().slug());
    }
  }

  static Map<String, BuildCache.Indexed> readIndexed(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, BuildCache.Indexed> indexed = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      indexed.put(
          readString(in), new BuildCache.Indexed(readString(in), readString(in), readString(in)));
    }
    return indexed;
  }

  /** A picture's sizes as published: key, source size, each size, the thumbnail, the original. */
  static void writeRenditions(DataOutputStream out, Renditions r) throws IOException {
    writeString(out, r.key());
    out.writeInt(r.width());
    out.writeInt(r.height());
    out.writeInt(r.sizes().size());
    for (Renditions.Size size : r.sizes()) {
      writeSize(out, size);
    }
    out.writeBoolean(r.thumb() != null);
    if (r.thumb() != null) {
      writeSize(out, r.thumb());
    }
    writeString(out, r.original());
  }

  static Renditions readRenditions(DataInputStream in) throws IOException {
    String key = readString(in);
    int width = in.readInt();
    int height = in.readInt();
    int n = in.readInt();
    List<Renditions.Size> sizes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      sizes.add(readSize(in));
    }
    Renditions.Size thumb = in.readBoolean() ? readSize(in) : null;
    return new Renditions(key, width, height, sizes, thumb, readString(in));
  }

  private static void writeSize(DataOutputStream out, Renditions.Size size) throws IOException {
    writeString(out, size.path());
    out.writeInt(size.width());
    out.writeInt(size.height());
  }

  private static Renditions.Size readSize(DataInputStream in) throws IOException {
    return new Renditions.Size(readString(in), in.readInt(), in.readInt());
  }

  static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      writeString(out, e.getKey());
      writeString(out, e.getValue());
    }
  }

  static Map<String, String> readMap(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, String> map = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      map.put(readString(in), readString(in));
    }
    return map;
  }

  public static void writeList(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      writeString(out, s);
    }
  }

  public static List<String> readList(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(readString(in));
    }
    return list;
  }

  public static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  public static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (64 << 20)) {
      throw new IOException("corrupt summary data: a string of " + n + " bytes");
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }
}
